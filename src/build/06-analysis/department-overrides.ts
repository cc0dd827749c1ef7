// The official 任务分解, where one has been issued (src/data/department-overrides.json): for the
// clauses it lists, its lead and supporting departments replace what the assigner infers.
import overridesData from '../../data/department-overrides.json' with { type: 'json' };
import { describe, isRecord, topLevelList } from '../data-file';
import { LexiconError } from './actor-lexicon';

export interface Override {
  readonly clause: string;
  readonly lead: readonly string[];
  readonly support: readonly string[];
  /** The document the division comes from (its title and 文号). */
  readonly source: string;
}

/**
 * Validates the parsed overrides file: { "$…"?: notes, "assignments": [ { clause, lead, support,
 * source } ] }, each clause once, lead not empty, no department both lead and support. That the
 * clauses and departments exist is checked by the assigner, which knows them.
 */
export function loadOverrides(json: unknown, file = 'src/data/department-overrides.json'): Override[] {
  const fail = (where: string, what: string): never => {
    throw new LexiconError(`${file}: ${where}: ${what}`);
  };
  const seen = new Set<string>();
  return topLevelList(json, 'assignments', fail).list.map((item: unknown, i): Override => {
    const at = `assignments[${i}]`;
    if (!isRecord(item)) return fail(at, `expected an object {"clause", "lead", "support", "source"}, got ${describe(item)}`);
    for (const key of Object.keys(item)) {
      if (!['clause', 'lead', 'support', 'source'].includes(key)) fail(at, `unknown key ${JSON.stringify(key)} (allowed: "clause", "lead", "support", "source")`);
    }
    const { clause, lead, support = [], source } = item;
    if (typeof clause !== 'string' || clause === '') return fail(`${at}.clause`, `expected a clause id, got ${describe(clause)}`);
    if (seen.has(clause)) fail(`${at}.clause`, `${clause} is listed twice`);
    seen.add(clause);
    const slugs = (value: unknown, key: string): string[] =>
      Array.isArray(value) && value.every((s) => typeof s === 'string') ? value : fail(`${at}.${key}`, `expected an array of department slugs, got ${describe(value)}`);
    const leads = slugs(lead, 'lead');
    const supports = slugs(support, 'support');
    if (leads.length === 0) fail(`${at}.lead`, 'expected at least one lead department');
    const both = leads.find((s) => supports.includes(s));
    if (both !== undefined) fail(at, `${both} is both lead and support`);
    if (typeof source !== 'string' || source.trim() === '') return fail(`${at}.source`, `expected the document the division comes from, got ${describe(source)}`);
    return { clause, lead: leads, support: supports, source };
  });
}

/** The site's overrides. */
export const overrides: readonly Override[] = loadOverrides(overridesData);
