// The build script as a person runs it: a broken seed stops it with file:line and a non-zero exit,
// and the previous dist/ is left as it was; each layout of the family builds through every step.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { root, seedLineOf, seedLines, seedWithLine } from './helpers';

/**
 * Runs scripts/build.ts on `seedText` (as seeds/broken-plan.txt) and the `also` files, in a temporary
 * folder, with the files of `more` as a second seeds folder; from `cwd` (the folder itself, so
 * messages name seeds/…; the project, for a build that reaches Astro, whose output must resolve the
 * project's packages).
 */
function build(seedText: string | null, also: Record<string, string> = {}, { more = null, cwd }: { more?: Record<string, string> | null; cwd?: string } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-build-'));
  const seeds = path.join(dir, 'seeds');
  mkdirSync(seeds);
  if (seedText !== null) writeFileSync(path.join(seeds, 'broken-plan.txt'), seedText);
  for (const [name, text] of Object.entries(also)) writeFileSync(path.join(seeds, name), text);
  const extra: string[] = [];
  if (more !== null) {
    mkdirSync(path.join(dir, 'more'));
    for (const [name, text] of Object.entries(more)) writeFileSync(path.join(dir, 'more', name), text);
    extra.push('--seeds', path.join(dir, 'more'));
  }
  const out = path.join(dir, 'dist');
  mkdirSync(out);
  writeFileSync(path.join(out, 'index.html'), 'previous good site');
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(path.join(root, 'node_modules/tsx/dist/esm/index.mjs')).href, path.join(root, 'scripts/build.ts'), '--seeds', seeds, ...extra, '--out', out, '--content', path.join(dir, 'content')], {
    cwd: cwd ?? dir,
    encoding: 'utf8',
  });
  return { ...run, out, previous: readFileSync(path.join(out, 'index.html'), 'utf8') };
}

describe('a broken seed stops the build', () => {
  it('names the line of a skipped item number, exits non-zero and keeps the previous dist/', () => {
    const n = seedLineOf('3.妇女宫颈癌');
    const run = build(seedWithLine(n, seedLines[n - 1]?.replace(/^3\./, '5.') ?? ''));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Build stopped: seeds/broken-plan.txt:${n}: expected 主要目标 (goal) number 3, found number 5`);
    expect(run.previous).toBe('previous good site');
  });

  it('names both files when two seeds carry one 文号', () => {
    const text = seedLines.join('\n');
    const run = build(text, { 'a-copy.txt': text });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Build stopped: seeds\/broken-plan\.txt:\d+: expected a 文号 of its own \(seeds\/a-copy\.txt is .+号 already\)/);
    expect(run.previous).toBe('previous good site');
  });

  it('names both files when two seed folders hold one file name (the slug of every address)', () => {
    const text = seedLines.join('\n');
    const run = build(text, {}, { more: { 'broken-plan.txt': text.replace(/洛政〔2022〕62号/g, '洛政〔2023〕5号') } });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Build stopped: more/broken-plan.txt: expected a file name of its own (it becomes the URL; seeds/broken-plan.txt is broken-plan already), found "broken-plan.txt"');
    expect(run.previous).toBe('previous good site');
  });

  it('says so when there is no seed at all', () => {
    const run = build(null);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Build stopped: .*seeds: expected at least one \*\.txt plan document, found none/);
    expect(run.previous).toBe('previous good site');
  });
});

/**
 * Each layout's fixture (tests/fixtures/parse/, made of this document's own text) built alone, through
 * every step: its units by kind in dist/data/clauses.json, and its pages (one index.html each under
 * the document's folder).
 */
describe('each layout of the family builds through the whole pipeline', () => {
  const layouts = {
    'plan-alone-preface': { units: { preamble: 1, guidance: 1, principle: 3, goal: 10, measure: 12, implementation: 6, monitoring: 5 }, pages: 30 },
    'five-parts': { units: { notice: 1, preamble: 1, guidance: 1, principle: 3, goal: 12, measure: 14, project: 2, implementation: 6, monitoring: 5 }, pages: 35 },
    'guiding-principles': { units: { preamble: 1, guidance: 1, principle: 3, aims: 1, goal: 10, measure: 12, implementation: 6, monitoring: 5 }, pages: 30 },
  };
  it.each(Object.entries(layouts))('%s', (name, expected) => {
    const run = build(null, { [`${name}.txt`]: readFileSync(path.join(root, 'tests/fixtures/parse', name, 'input.txt'), 'utf8') }, { cwd: root });
    onTestFinished(() => rmSync(path.dirname(run.out), { recursive: true, force: true }));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const clauses = JSON.parse(readFileSync(path.join(run.out, 'data/clauses.json'), 'utf8')) as { kind: string }[];
    const kinds: Record<string, number> = {};
    for (const c of clauses) kinds[c.kind] = (kinds[c.kind] ?? 0) + 1;
    expect(kinds).toEqual(expected.units);
    const pages = readdirSync(path.join(run.out, name), { recursive: true, encoding: 'utf8' }).filter((f) => path.basename(f) === 'index.html');
    expect(pages).toHaveLength(expected.pages);
    expect(run.stdout).toContain(`Built ${expected.pages} pages`);
    // The Astro step says how far it has got, and at the end that every page is rendered.
    expect(run.stdout).toContain(`09 astro: ${expected.pages} of ${expected.pages} pages rendered`);
  }, 180_000);
});
