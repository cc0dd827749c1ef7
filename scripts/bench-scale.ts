// How the build and the search grow with the number of documents: makes N synthetic documents (the
// first seed, each copy under its own slug and 文号), builds them, and prints for each N the build
// seconds, pages, peak memory of the build, the size of dist/, the bytes a first search for 儿童
// downloads (as a static host serves them: JSON gzip-compressed, Pagefind's files as they are) and
// the time of a later query in the same engine.
//
//   npx tsx scripts/bench-scale.ts [--n 1,5,20,50] [--heap MiB] [--keep]
//
// --heap raises the build's JavaScript heap limit (node --max-old-space-size), should a large N
// need more than Node's default (about 4 GiB; README, "Scale").
//
// Each N builds in its own temporary folder (removed unless --keep). Linux only for peak memory
// (read from /proc while the build runs); elsewhere it prints n/a.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { answer } from '../src/search/fallbacks';
import { SearchEngine } from '../src/search/engine';
import { parseQuery } from '../src/search/query';

const root = path.resolve(import.meta.dirname, '..');

interface Row {
  n: number;
  seconds: number;
  pages: number;
  peakMiB: number | null;
  distMiB: number;
  firstKiB: number;
  firstFiles: number;
  laterMs: number;
}

/** N copies of the seed, each with its own slug and 文号 (so the build accepts them as a library). */
function makeSeeds(dir: string, n: number): void {
  const seedsDir = path.join(root, 'seeds');
  const seed = readdirSync(seedsDir).find((f) => f.endsWith('.txt'));
  if (seed === undefined) throw new Error('no seed in seeds/');
  const text = readFileSync(path.join(seedsDir, seed), 'utf8');
  const number = /^\s*(\S+〔\d{4}〕)(\d+)(号)/m.exec(text);
  if (number === null) throw new Error(`${seed}: no 文号 on its first lines to vary`);
  mkdirSync(dir, { recursive: true });
  for (let i = 1; i <= n; i++) {
    const copy = text.replace(number[0], `${number[1]}${1000 + i}${number[3]}`);
    writeFileSync(path.join(dir, `synthetic-${String(i).padStart(3, '0')}.txt`), copy);
  }
}

/** Runs the build as a person does, timing it and watching its peak memory. */
function runBuild(seeds: string, out: string, content: string, heapMiB: number | null): Promise<{ seconds: number; peakMiB: number | null }> {
  const tsx = pathToFileURL(path.join(root, 'node_modules/tsx/dist/esm/index.mjs')).href;
  const started = performance.now();
  const heap = heapMiB === null ? [] : [`--max-old-space-size=${heapMiB}`];
  const child = spawn(process.execPath, [...heap, '--import', tsx, path.join(root, 'scripts/build.ts'), '--seeds', seeds, '--out', out, '--content', content], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  let peak: number | null = null;
  const watch = setInterval(() => {
    const status = `/proc/${child.pid}/status`;
    if (!existsSync(status)) return;
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(status, 'utf8'));
    if (hwm !== null) peak = Math.max(peak ?? 0, Number(hwm[1]) / 1024);
  }, 200);
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      clearInterval(watch);
      if (code !== 0) reject(new Error(`build of ${seeds} exited with ${code}`));
      else resolve({ seconds: (performance.now() - started) / 1000, peakMiB: peak });
    });
  });
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** A first search for 儿童 and a later one, through the site's own engine reading dist/ as a host serves it. */
async function searchCost(dist: string): Promise<{ firstKiB: number; firstFiles: number; laterMs: number }> {
  let bytes = 0;
  let files = 0;
  const engine = new SearchEngine('/', async (url) => {
    const body = await readFile(path.join(dist, url));
    files++;
    bytes += url.endsWith('.json') ? gzipSync(body, { level: 9 }).length : body.length;
    return new Response(body);
  });
  const glossary = await engine.glossary();
  const first = await answer(engine, parseQuery('儿童', glossary), glossary);
  if (first === null || first.results.length === 0) throw new Error('儿童 found nothing');
  await Promise.all(first.results.slice(0, 10).map((r) => r.fragment()));
  const [firstKiB, firstFiles] = [bytes / 1024, files];
  const start = performance.now();
  await answer(engine, parseQuery('安全头盔', glossary), glossary);
  return { firstKiB, firstFiles, laterMs: performance.now() - start };
}

async function measure(n: number, keep: boolean, heapMiB: number | null): Promise<Row> {
  const dir = mkdtempSync(path.join(tmpdir(), `bench-scale-${n}-`));
  try {
    makeSeeds(path.join(dir, 'seeds'), n);
    const dist = path.join(dir, 'dist');
    const { seconds, peakMiB } = await runBuild(path.join(dir, 'seeds'), dist, path.join(dir, 'content'), heapMiB);
    const files = walk(dist);
    const pages = files.filter((f) => f.endsWith('.html')).length;
    const distMiB = files.reduce((s, f) => s + statSync(f).size, 0) / 1024 / 1024;
    return { n, seconds, pages, peakMiB, distMiB, ...(await searchCost(dist)) };
  } finally {
    if (keep) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { n: { type: 'string', default: '1,5,20,50' }, heap: { type: 'string' }, keep: { type: 'boolean', default: false } } });
  const heapMiB = values.heap === undefined ? null : Number(values.heap);
  if (heapMiB !== null && !(heapMiB > 0)) throw new Error(`--heap takes MiB, e.g. --heap 16000; got ${values.heap}`);
  const ns = values.n.split(',').map(Number);
  if (ns.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--n takes whole numbers, e.g. --n 1,5,20; got ${values.n}`);
  const rows: Row[] = [];
  for (const n of ns) rows.push(await measure(n, values.keep, heapMiB));
  const base = rows[0];
  const fmt = (x: number, d = 1) => x.toFixed(d);
  console.log('\n docs   pages   build s  ×first   peak MiB   dist MiB   1st query KiB (files)  ×first   later query ms');
  for (const r of rows) {
    console.log(
      [
        String(r.n).padStart(5),
        String(r.pages).padStart(7),
        fmt(r.seconds).padStart(9),
        fmt(r.seconds / (base?.seconds ?? r.seconds), 2).padStart(7),
        (r.peakMiB === null ? 'n/a' : fmt(r.peakMiB, 0)).padStart(10),
        fmt(r.distMiB).padStart(10),
        `${fmt(r.firstKiB)} (${r.firstFiles})`.padStart(23),
        fmt(r.firstKiB / (base?.firstKiB ?? r.firstKiB), 2).padStart(7),
        fmt(r.laterMs).padStart(16),
      ].join(' '),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
