// The build script as a person runs it: a broken seed stops it with file:line and a non-zero exit,
// and the previous dist/ is left as it was.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { root, seedLineOf, seedLines, seedWithLine } from './helpers';

function build(seedText: string | null, also: Record<string, string> = {}, more: Record<string, string> | null = null) {
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
    cwd: dir,
    encoding: 'utf8',
  });
  return { ...run, previous: readFileSync(path.join(out, 'index.html'), 'utf8') };
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
    const run = build(text, {}, { 'broken-plan.txt': text.replace(/洛政〔2022〕62号/g, '洛政〔2023〕5号') });
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
