// Reproducible builds: the build script, run twice on the same seeds into two different temporary
// folders (each with its own --content folder), writes byte-identical sites. A difference is a
// cause to remove from the build (a timestamp, an unordered Map/Set or readdir, a random id, an
// absolute path), never something to normalise here.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { astroCacheDir } from '../../src/build/09-astro-build/astro-cache';
import { root } from './helpers';

/** Each build takes 30–60 s alone, and several times that on a busy two-core machine. */
const buildTimeout = 6 * 60_000;

const base = mkdtempSync(path.join(tmpdir(), 'plan-reproducible-'));

/** One build, from the project folder as `npm run build` runs it, into `<base>/<name>/`. */
function build(name: string): { dist: string; content: string } {
  const dist = path.join(base, name, 'dist');
  const content = path.join(base, name, 'content');
  const tsx = pathToFileURL(path.join(root, 'node_modules/tsx/dist/esm/index.mjs')).href;
  const run = spawnSync(process.execPath, ['--import', tsx, path.join(root, 'scripts/build.ts'), '--out', dist, '--content', content], {
    cwd: root,
    encoding: 'utf8',
    timeout: buildTimeout,
  });
  if (run.status !== 0) throw new Error(`build ${name} failed (${run.status ?? run.signal}):\n${run.stdout}\n${run.stderr}`);
  return { dist, content };
}

/** Every file under `dir`, as a path relative to it, sorted. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** What differs between two folders: files only in one of them, and files whose bytes differ. */
function differences(a: string, b: string): string[] {
  const inA = files(a);
  const inB = files(b);
  const out: string[] = [];
  for (const file of inA.filter((f) => !inB.includes(f))) out.push(`only in the first build: ${file}`);
  for (const file of inB.filter((f) => !inA.includes(f))) out.push(`only in the second build: ${file}`);
  for (const file of inA.filter((f) => inB.includes(f))) {
    const x = readFileSync(path.join(a, file));
    const y = readFileSync(path.join(b, file));
    if (!x.equals(y)) {
      const at = x.findIndex((byte, i) => byte !== y[i]);
      out.push(`differs: ${file} (${x.length} vs ${y.length} bytes, first difference at byte ${at === -1 ? Math.min(x.length, y.length) : at})`);
    }
  }
  return out;
}

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
  for (const name of ['first', 'second']) rmSync(astroCacheDir(root, path.join(base, name, 'content')), { recursive: true, force: true });
});

describe('two builds of the same seeds', () => {
  it('write byte-identical content/ and dist/ folders', { timeout: 2 * buildTimeout + 60_000 }, () => {
    const first = build('first');
    const second = build('second');
    const written = files(first.dist);
    // The comparison has something to compare: the pages, the open data and the search index.
    expect(written).toContain('index.html');
    expect(written).toContain(path.join('data', 'clauses.json'));
    expect(written.filter((f) => f.startsWith(`pagefind${path.sep}fragment${path.sep}`)).length).toBeGreaterThan(300);
    expect(written.filter((f) => f.startsWith(`pagefind${path.sep}index${path.sep}`)).length).toBeGreaterThan(10);
    expect(written).toContain(path.join('search', 'units.json'));
    expect(files(first.content)).toContain('targets.json');

    expect(differences(first.content, second.content), 'content/ differs between two builds').toEqual([]);
    expect(differences(first.dist, second.dist), 'dist/ differs between two builds').toEqual([]);
    // Nothing of the machine's folders reaches the site.
    const leaks = written.filter((f) => {
      const bytes = readFileSync(path.join(first.dist, f));
      return bytes.includes(base) || bytes.includes(root);
    });
    expect(leaks, 'files that name a build folder').toEqual([]);
  });
});

describe('differences', () => {
  it('names files missing on either side and files whose bytes differ, so the check above can fail', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plan-differences-'));
    try {
      const write = (file: string, text: string) => {
        const full = path.join(dir, file);
        mkdirSync(path.dirname(full), { recursive: true });
        writeFileSync(full, text);
      };
      write('a/same.txt', 'x');
      write('b/same.txt', 'x');
      write('a/sub/changed.html', '<p>1</p>');
      write('b/sub/changed.html', '<p>2</p>');
      write('a/gone.json', '{}');
      write('b/new.json', '{}');
      expect(differences(path.join(dir, 'a'), path.join(dir, 'b'))).toEqual([
        'only in the first build: gone.json',
        'only in the second build: new.json',
        `differs: ${path.join('sub', 'changed.html')} (8 vs 8 bytes, first difference at byte 3)`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
