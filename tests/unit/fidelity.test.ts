import { describe, expect, it } from 'vitest';
import { decode } from '../../src/build/02-decode/decode';
import { checkFidelity } from '../../src/build/04-fidelity/check-fidelity';
import type { Document, Goal } from '../../src/model/document';
import { parse } from '../../src/build/03-parse/parse';
import { partOf, seedBytes, seedFile, seedLineOf, seedLines } from './helpers';

const decoded = decode(seedFile, seedBytes);
const doc = parse(decoded, 'luozheng-2022-62');

/** The seed's model with the first goal of the first domain replaced. */
function withFirstGoal(goal: Goal): Document {
  const [plan, ...plans] = doc.plans;
  if (plan === undefined) throw new Error('no plan');
  const domains = partOf(plan, 'domains');
  const [domain, ...others] = domains.domains;
  if (domain === undefined) throw new Error('no domain');
  const changed = { ...domain, goals: [goal, ...domain.goals.slice(1)] };
  return { ...doc, plans: [{ ...plan, parts: plan.parts.map((p) => (p === domains ? { ...domains, domains: [changed, ...others] } : p)) }, ...plans] };
}

describe('fidelity', () => {
  it('accounts for every non-blank line and character of the seed', () => {
    const nonBlank = seedLines.map((l) => l.trim()).filter((l) => l !== '');
    expect(checkFidelity(decoded, doc)).toEqual({ lines: nonBlank.length, characters: nonBlank.reduce((s, l) => s + [...l].length, 0) });
    expect(nonBlank.length).toBe(426);
  });

  const first = partOf(doc.plans[0], 'domains').domains[0]?.goals[0];
  if (first === undefined) throw new Error('no goal');
  const line = seedLineOf('1.妇女全生命周期');

  it('fails on a lost line', () => {
    expect(() => checkFidelity(decoded, withFirstGoal({ ...first, lines: [] }))).toThrow(new RegExp(`^${seedFile}:${line}: expected .* in exactly one unit, found it in 0`));
  });

  it('fails on a line held twice', () => {
    expect(() => checkFidelity(decoded, withFirstGoal({ ...first, lines: [...first.lines, ...first.lines] }))).toThrow(/found it in 2/);
  });

  it('fails on an altered character', () => {
    const [l] = first.lines;
    if (l === undefined) throw new Error('no line');
    const altered = { ...l, text: l.text.replace('妇女', '妇孺') };
    expect(() => checkFidelity(decoded, withFirstGoal({ ...first, lines: [altered] }))).toThrow(new RegExp(`${seedFile}:${line}: expected “1\\.妇女全`));
  });
});
