/**
 * Search benchmark: the site's search page ("ours", dist/search/ + dist/pagefind/) against a stock
 * Pagefind index of the same units ("stock"), on the query sets in bench/ (see bench/README.md).
 *
 *   npm run bench:search                      # both systems, every set (fresh only if its file exists)
 *   npx tsx scripts/bench-search.ts --stock-only
 *   npx tsx scripts/bench-search.ts --limit 20 --files tuning
 *
 * Options:
 *   --stock-only          skip ours (dist/search/ and dist/pagefind/ not needed)
 *   --files a,b           query sets to run, any of tuning, holdout, fresh, ask, ask-fresh (default:
 *                         tuning, holdout, and each hand-written set whose file exists; named but
 *                         missing: exit 1)
 *   --limit N             only the first N queries of each set (for a quick look)
 *   --stock-debounce MS   debounce of the stock harness's input handler (default 0)
 *   --timeout MS          per-query timeout (default 20000)
 *   --cold N|all          how many queries per set get the fresh-context first-query timing
 *                         (evenly spread over the set; default 25; each costs a browser context)
 *   --out FILE            per-query results as JSON (default .build/bench-search/results.json)
 * Environment: CHROMIUM_PATH (default /usr/bin/chromium); BENCH_DEBUG=1 logs each step.
 *
 * It builds nothing of the site: it needs a built dist/ (`npm run build`). It builds the stock
 * index into .build/bench-stock/, serves dist/ and .build/bench-stock/ on 127.0.0.1, drives
 * Chromium (CHROMIUM_PATH or /usr/bin/chromium) with playwright-core and prints, per query set and
 * query kind, top-1 / MRR / recall / R-precision for both systems, then timing and bytes.
 * It reports, it does not assert: exit 0 when it ran, 1 when it could not run.
 *
 * How each number is measured (both systems the same way):
 * - Result ids: first-query pass. Ours: every [data-result-id] on /search/?q=… once the results
 *   container says data-search-state="done". Stock: the harness renders the top 10 like a stock
 *   Pagefind page; after timing, an untimed, uncounted step loads data() for all results to get the
 *   full ordered id list (for recall).
 * - First query: a fresh browser context (empty cache) per query; ms = time from navigation start
 *   (performance.timeOrigin) to the moment data-search-state becomes "done" (MutationObserver in
 *   the page); bytes = response body bytes the system's server sent (text types gzip-compressed, as
 *   a CDN sends them; headers not counted; Pagefind's Web Worker requests included) by the time
 *   "done" is seen ("to done"), and once the network is quiet ("total").
 * - Later queries: one page per system and query set; each query is set into the search box
 *   (role searchbox, name 搜索) by setting its value and dispatching an input event, exactly as
 *   typing/pasting does; ms = from that event to "done" for the new query (the state must first
 *   leave "done"; when the container carries data-search-query, it must also equal the new query).
 *   This includes each page's own debounce.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, chromiumExecutable } from './chromium';
import { networkQuiet, serveStatic, type Activity, type StaticServer } from './static-server';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const STOCK_DIR = join(ROOT, '.build', 'bench-stock');
const KINDS = ['phrase', 'term', 'number', 'synonym', 'multi', 'quoted', 'traditional', 'question', 'department', 'typo', 'everyday', 'number-context', 'english'] as const;
type Kind = (typeof KINDS)[number];
type SystemName = 'stock' | 'ours';
/** The query sets, in report order, and their files in bench/ (see bench/README.md). */
const SPLITS = ['tuning', 'holdout', 'fresh', 'ask', 'ask-fresh'] as const;
type Split = (typeof SPLITS)[number];
const QUERY_FILES: Record<Split, string> = {
  tuning: 'queries.json',
  holdout: 'queries-holdout.json',
  fresh: 'queries-fresh.json', // written by hand, blind; not made by bench/make-queries.ts
  ask: 'queries-ask.json', // how people ask (questions, departments, typos, everyday words, numbers, English): written blind, now tuning data
  'ask-fresh': 'queries-ask-fresh.json', // the same kinds, written blind: measure only
};
/** Sets written by hand: optional (skipped with a note when missing), never generated. */
const HANDWRITTEN: readonly Split[] = ['fresh', 'ask', 'ask-fresh'];
/** The sets tuned against; the others' queries that one of these holds are reported apart. */
const TUNING_SPLITS: readonly Split[] = ['tuning', 'ask'];
/** Every query of the tuning sets whose files exist. */
function tuningQueries(): Set<string> {
  return new Set(TUNING_SPLITS.filter((split) => existsSync(queryFile(split))).flatMap((split) => (JSON.parse(readFileSync(queryFile(split), 'utf8')) as QueryFile).queries.map((q) => q.q)));
}
const isSplit = (s: string): s is Split => (SPLITS as readonly string[]).includes(s);
const queryFile = (split: Split): string => join(ROOT, 'bench', QUERY_FILES[split]);

interface BenchQuery {
  q: string;
  kind: Kind;
  expect: string[];
  note?: string;
}
interface QueryFile {
  split: Split;
  queries: BenchQuery[];
}
interface Clause {
  id: string;
  url: string;
  label: string;
  title: string | null;
  text: string;
}

class CannotRun extends Error {}

// ---------------------------------------------------------------- options

interface Options {
  stockOnly: boolean;
  /** null: not given, i.e. every set whose file exists (fresh is optional). */
  files: Split[] | null;
  limit: number;
  stockDebounce: number;
  timeout: number;
  cold: number;
  out: string;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    stockOnly: false,
    files: null,
    limit: Infinity,
    stockDebounce: 0,
    timeout: 20_000,
    cold: 25,
    out: join(ROOT, '.build', 'bench-search', 'results.json'),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new CannotRun(`${a} needs a value`);
      return v;
    };
    const num = (): number => {
      const v = value();
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0) throw new CannotRun(`${a} needs a non-negative number, got ${v}`);
      return n;
    };
    if (a === '--stock-only') o.stockOnly = true;
    else if (a === '--files') {
      const files: Split[] = [];
      for (const f of value().split(',')) {
        if (!isSplit(f)) throw new CannotRun(`--files: unknown set ${f} (known: ${SPLITS.join(', ')})`);
        if (!files.includes(f)) files.push(f);
      }
      o.files = files;
    } else if (a === '--limit') o.limit = num();
    else if (a === '--stock-debounce') o.stockDebounce = num();
    else if (a === '--timeout') o.timeout = num();
    else if (a === '--cold') {
      const v = argv[i + 1];
      if (v === 'all') {
        i++;
        o.cold = Infinity;
      } else o.cold = num();
    }
    else if (a === '--out') o.out = resolve(value());
    else throw new CannotRun(`unknown option ${a} (see the header of scripts/bench-search.ts)`);
  }
  return o;
}

// ---------------------------------------------------------------- static server

interface NetMeter {
  /** Response body bytes sent (gzip-compressed for text types, as a CDN would send them). */
  bytes: number;
  activity: Activity;
}

/**
 * A static server for one root (scripts/static-server.ts). It counts the bytes it sends: queries
 * run one at a time and each system has its own server, so this is exactly what that system's
 * pages fetched (the page, its scripts, and the requests of Pagefind's Web Worker, which a
 * page-level CDP session would miss).
 */
async function serve(root: string): Promise<{ server: StaticServer; base: string; net: NetMeter }> {
  const net = { bytes: 0 } as NetMeter;
  const server = await serveStatic(root, { redirectDirectories: true, onSent: (s) => (net.bytes += s.sent) });
  net.activity = server.activity;
  return { server, base: server.base, net };
}

// ---------------------------------------------------------------- stock index + harness

const HARNESS = (debounceMs: number): string => `<!doctype html>
<html lang="zh-cn">
<head><meta charset="utf-8"><title>stock Pagefind harness</title></head>
<body>
<form role="search" onsubmit="return false"><input type="search" name="q" aria-label="搜索" autocomplete="off"></form>
<ol id="results" data-search-state="idle"></ol>
<script type="module">
// What a stock Pagefind search page does: search, load data() for the first 10, render them.
const pagefind = await import('/pagefind/pagefind.js');
const input = document.querySelector('input[type=search]');
const list = document.getElementById('results');
let seq = 0;
let last = [];
async function run(q) {
  const mine = ++seq;
  list.setAttribute('data-search-state', 'loading');
  list.setAttribute('data-search-query', q);
  const found = q.trim() ? await pagefind.search(q) : { results: [] };
  if (mine !== seq) return;
  const top = await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
  if (mine !== seq) return;
  last = found.results;
  list.replaceChildren(...top.map((d) => {
    const li = document.createElement('li');
    li.setAttribute('data-result-id', d.meta.id);
    const a = document.createElement('a');
    a.href = d.url;
    a.textContent = d.meta.title;
    const p = document.createElement('p');
    p.innerHTML = d.excerpt;
    li.append(a, p);
    return li;
  }));
  list.setAttribute('data-result-count', String(found.results.length));
  list.setAttribute('data-search-state', 'done');
}
// Untimed: the full ordered id list, for recall (loads data() for every result).
window.__benchAllIds = async () => (await Promise.all(last.map((r) => r.data()))).map((d) => d.meta.id);
let timer;
input.addEventListener('input', () => {
  clearTimeout(timer);
  const q = input.value;
  const go = () => { history.replaceState(null, '', '?q=' + encodeURIComponent(q)); run(q); };
  ${debounceMs > 0 ? `timer = setTimeout(go, ${debounceMs});` : 'go();'}
});
const q0 = new URLSearchParams(location.search).get('q');
if (q0) { input.value = q0; run(q0); }
</script>
</body>
</html>
`;

async function buildStock(clauses: Clause[], debounceMs: number): Promise<void> {
  rmSync(STOCK_DIR, { recursive: true, force: true });
  mkdirSync(STOCK_DIR, { recursive: true });
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new CannotRun(`pagefind.createIndex failed: ${errors.join('; ')}`);
  for (const c of clauses) {
    const r = await index.addCustomRecord({
      url: c.url,
      content: `${c.title ?? ''} ${c.text}`,
      language: 'zh-cn',
      meta: { title: `${c.label}${c.title ? ` ${c.title}` : ''}`, id: c.id },
    });
    if (r.errors.length) throw new CannotRun(`pagefind.addCustomRecord(${c.id}): ${r.errors.join('; ')}`);
  }
  const w = await index.writeFiles({ outputPath: join(STOCK_DIR, 'pagefind') });
  if (w.errors.length) throw new CannotRun(`pagefind.writeFiles: ${w.errors.join('; ')}`);
  await pagefind.close();
  writeFileSync(join(STOCK_DIR, 'index.html'), HARNESS(debounceMs));
}

// ---------------------------------------------------------------- browser measurement

interface System {
  name: SystemName;
  base: string;
  net: NetMeter;
  searchPath: string; // path of the search page, before ?q=
  allIds: (page: Page) => Promise<string[]>;
}

function networkQuietFor(net: NetMeter, quietMs = 250, maxMs = 5000): Promise<void> {
  return networkQuiet(net.activity, quietMs, maxMs);
}

/** Installed before any page script: records when data-search-state first becomes "done" for q. */
const DONE_WATCH = `(() => {
  const want = new URLSearchParams(location.search).get('q') ?? '';
  const norm = (s) => s.normalize('NFKC').trim().replace(/\\s+/g, ' ');
  const b = { doneAt: null, queryAttr: null };
  Object.defineProperty(window, '__bench', { value: b });
  const check = () => {
    if (b.doneAt !== null) return;
    const el = document.querySelector('[data-search-state="done"]');
    if (!el) return;
    const qa = el.getAttribute('data-search-query');
    if (qa !== null && norm(qa) !== norm(want)) return;
    b.doneAt = performance.now();
    b.queryAttr = qa;
  };
  const opts = { subtree: true, childList: true, attributes: true, attributeFilter: ['data-search-state', 'data-search-query'] };
  new MutationObserver(check).observe(document, opts);
  // Later queries: set the box's value and fire input (as a paste does); resolve when the state has
  // left "done" and come back to "done" for this query.
  Object.defineProperty(window, '__benchType', { value: (input, q, timeout) => new Promise((resolve) => {
    let left = false;
    let leftAt = null;
    const t0 = performance.now();
    const ready = () => {
      const el = document.querySelector('[data-search-state]');
      if (!el) return false;
      if (el.getAttribute('data-search-state') !== 'done') { if (!left) leftAt = performance.now(); left = true; return false; }
      const qa = el.getAttribute('data-search-query');
      return left && (qa === null || norm(qa) === norm(q));
    };
    const obs = new MutationObserver(() => {
      if (!ready()) return;
      const now = performance.now();
      obs.disconnect();
      clearTimeout(timer);
      resolve({ ms: now - t0, busyMs: now - leftAt });
    });
    obs.observe(document, opts);
    const timer = setTimeout(() => { obs.disconnect(); resolve({ ms: null, busyMs: null }); }, timeout);
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, q);
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: q }));
  }) });
})();`;

const readIds = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const box = document.querySelector('[data-search-state]');
    const scope = box && box.querySelector('[data-result-id]') ? box : document;
    return [...scope.querySelectorAll('[data-result-id]')].map((e) => e.getAttribute('data-result-id') ?? '');
  });

interface FirstResult {
  ids: string[];
  ms: number | null; // null: timed out
  bytesToDone: number;
  bytesTotal: number;
  hasQueryAttr: boolean;
}

const DEBUG = Boolean(process.env['BENCH_DEBUG']);
let debugT = Date.now();
const step = (what: string): void => {
  if (DEBUG) console.error(`  [${Date.now() - debugT} ms] ${what}`);
  debugT = Date.now();
};

/** Loads the search page for q in page and waits for "done"; then the full id list. */
async function loadQuery(page: Page, sys: System, q: string, timeout: number): Promise<FirstResult> {
  const net = sys.net;
  const before = net.bytes;
  await page.goto(`${sys.base}${sys.searchPath}?q=${encodeURIComponent(q)}`, { waitUntil: 'commit', timeout });
  try {
    await page.waitForFunction(() => (window as unknown as { __bench: { doneAt: number | null } }).__bench.doneAt !== null, undefined, {
      timeout,
      polling: 10,
    });
  } catch {
    return { ids: [], ms: null, bytesToDone: net.bytes - before, bytesTotal: net.bytes - before, hasQueryAttr: false };
  }
  step('done');
  const bytesToDone = net.bytes - before;
  const { ms, qa } = await page.evaluate(() => {
    const b = (window as unknown as { __bench: { doneAt: number; queryAttr: string | null } }).__bench;
    return { ms: b.doneAt, qa: b.queryAttr };
  });
  await networkQuietFor(net);
  step('quiet');
  const bytesTotal = net.bytes - before;
  const ids = await sys.allIds(page); // untimed, after the byte count
  step('ids');
  return { ids, ms, bytesToDone, bytesTotal, hasQueryAttr: qa !== null };
}

async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  await context.addInitScript({ content: DONE_WATCH });
  return context;
}

/** First query in a fresh browser context: empty cache, nothing loaded. */
async function coldQuery(browser: Browser, sys: System, q: string, timeout: number): Promise<FirstResult> {
  step(`cold ${sys.name} ${q}`);
  const context = await newContext(browser);
  try {
    return await loadQuery(await context.newPage(), sys, q, timeout);
  } finally {
    await context.close();
    await networkQuietFor(sys.net, 50);
  }
}

/** Every query loaded as /search/?q=… in one context (warm cache): the ids for the scores. */
async function urlPass(browser: Browser, sys: System, queries: string[], timeout: number): Promise<FirstResult[]> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const out: FirstResult[] = [];
    for (const q of queries) {
      step(`url ${sys.name} ${q}`);
      out.push(await loadQuery(page, sys, q, timeout));
    }
    return out;
  } finally {
    await context.close();
    await networkQuietFor(sys.net, 50);
  }
}

interface LaterResult {
  ids: string[];
  ms: number | null;
  /** From the state leaving "done" (after any debounce) to "done" again. */
  busyMs: number | null;
  bytesToDone: number;
  bytesTotal: number;
}

/** One page; each query typed into the search box in turn. */
async function laterQueries(
  browser: Browser,
  sys: System,
  warmup: string,
  queries: string[],
  timeout: number,
): Promise<LaterResult[]> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const net = sys.net;
    await page.goto(`${sys.base}${sys.searchPath}?q=${encodeURIComponent(warmup)}`, { waitUntil: 'commit', timeout });
    await page.waitForFunction(() => (window as unknown as { __bench: { doneAt: number | null } }).__bench.doneAt !== null, undefined, {
      timeout,
    });
    await networkQuietFor(net);
    const box = page.getByRole('searchbox', { name: '搜索' });
    if ((await box.count()) !== 1) {
      throw new CannotRun(`${sys.name}: expected exactly one searchbox named 搜索 on ${sys.searchPath}, found ${await box.count()}`);
    }
    const handle = await box.elementHandle();
    if (!handle) throw new CannotRun(`${sys.name}: search box vanished`);
    const out: LaterResult[] = [];
    for (const q of queries) {
      const before = net.bytes;
      // In-page code lives in the init script (a plain string), so tsx/esbuild helpers never reach the page.
      const r = await handle.evaluate(
        (input, { q, timeout }) =>
          (window as unknown as { __benchType: (el: Element, q: string, t: number) => Promise<{ ms: number | null; busyMs: number | null }> }).__benchType(
            input,
            q,
            timeout,
          ),
        { q, timeout },
      );
      const bytesToDone = net.bytes - before;
      await networkQuietFor(net);
      const bytesTotal = net.bytes - before;
      const ids = r.ms === null ? [] : await readIds(page);
      out.push({ ids, ms: r.ms, busyMs: r.busyMs, bytesToDone, bytesTotal });
    }
    return out;
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- metrics and report

interface Scores {
  top1: number;
  mrr: number;
  recall: number;
  rprec: number;
  zero: number;
}

function score(expect: string[], ids: string[]): Scores {
  const want = new Set(expect);
  const first = ids.findIndex((id) => want.has(id));
  const found = new Set(ids.filter((id) => want.has(id)));
  const r = expect.length;
  const inR = ids.slice(0, r).filter((id) => want.has(id)).length;
  return {
    top1: first === 0 ? 1 : 0,
    mrr: first < 0 ? 0 : 1 / (first + 1),
    recall: found.size / r,
    rprec: inR / r,
    zero: ids.length === 0 ? 1 : 0,
  };
}

/** n indices spread evenly over 0..length-1 (all when n >= length). */
function sample(length: number, n: number): number[] {
  if (n >= length) return [...Array(length).keys()];
  const out = new Set<number>();
  for (let k = 0; k < n; k++) out.add(Math.floor((k * length) / n));
  return [...out];
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;
}

function quantile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * p;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return s[lo]! + (s[hi]! - s[lo]!) * (i - lo);
}

const f2 = (n: number): string => (Number.isNaN(n) ? '   -' : n.toFixed(2));

function qualityTable(
  title: string,
  queries: BenchQuery[],
  ids: Record<SystemName, (string[] | undefined)[]>,
  systems: SystemName[],
  seen: ReadonlySet<string> = new Set(),
): string {
  const lines: string[] = [];
  const head = systems.map((s) => `${s.padEnd(5)} top1  MRR recall Rprec zero`).join(' | ');
  lines.push(title, `${'kind'.padEnd(12)}${'n'.padStart(4)}  ${head}`);
  const unseen = queries.filter((q) => !seen.has(q.q));
  const rows: [string, BenchQuery[]][] = [
    ...KINDS.map((k): [string, BenchQuery[]] => [k, queries.filter((q) => q.kind === k)]),
    ['ALL', queries],
    // A blind set's queries that a tuning set holds word for word are not blind: the rest apart.
    ...(unseen.length < queries.length ? [['ALL unseen', unseen] as [string, BenchQuery[]]] : []),
  ];
  for (const [name, qs] of rows) {
    if (!qs.length) continue;
    const cells = systems.map((s) => {
      const sc = qs.map((q) => score(q.expect, ids[s][queries.indexOf(q)] ?? []));
      return `${' '.repeat(5)} ${f2(mean(sc.map((x) => x.top1)))} ${f2(mean(sc.map((x) => x.mrr)))}   ${f2(
        mean(sc.map((x) => x.recall)),
      )}  ${f2(mean(sc.map((x) => x.rprec)))} ${f2(mean(sc.map((x) => x.zero)))}`;
    });
    if (name === 'ALL') lines.push('-'.repeat(lines[1]!.length));
    lines.push(`${name.padEnd(12)}${String(qs.length).padStart(4)}  ${cells.join(' | ')}`);
  }
  return lines.join('\n');
}

function timingTable(rows: { label: string; values: Record<SystemName, number[]> }[], systems: SystemName[]): string {
  const lines = [
    `${''.padEnd(26)}${systems.map((s) => `${s.padStart(9)} median      p90`).join(' | ')}`,
  ];
  for (const r of rows) {
    const cells = systems.map((s) => {
      const v = r.values[s];
      const fmt = (n: number): string =>
        Number.isNaN(n) ? '-' : r.label.includes('bytes') ? `${(n / 1024).toFixed(1)} KiB` : `${n.toFixed(1)} ms`;
      return `${''.padStart(9)} ${fmt(quantile(v, 0.5)).padStart(9)} ${fmt(quantile(v, 0.9)).padStart(9)}`;
    });
    lines.push(`${r.label.padEnd(26)}${cells.join(' | ')}`);
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------- main

function chromiumPath(): string | undefined {
  try {
    return chromiumExecutable();
  } catch (e) {
    throw new CannotRun(e instanceof Error ? e.message : String(e));
  }
}

/** The sets to run: those named by --files (each must exist), else every set whose file exists. */
function selectSplits(files: Split[] | null): Split[] {
  if (files !== null) return files;
  return SPLITS.filter((split) => {
    if (!HANDWRITTEN.includes(split) || existsSync(queryFile(split))) return true; // tuning/holdout: loadQueries says if missing
    console.log(`${split} set skipped: ${queryFile(split)} does not exist (it is optional)`);
    return false;
  });
}

function loadQueries(split: Split, limit: number): BenchQuery[] {
  const file = queryFile(split);
  if (!existsSync(file)) {
    throw new CannotRun(
      HANDWRITTEN.includes(split)
        ? `${file} is missing: the ${split} set is written by hand, not generated (see bench/README.md); run without --files fresh to skip it`
        : `${file} is missing (generate it: npx tsx bench/make-queries.ts)`,
    );
  }
  const data = JSON.parse(readFileSync(file, 'utf8')) as QueryFile;
  if (data.split !== split) console.warn(`warning: ${file} says "split": ${JSON.stringify(data.split)}, expected "${split}"`);
  return data.queries.slice(0, limit);
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const files = selectSplits(opts.files);
  const sets = files.map((split) => ({ split, queries: loadQueries(split, opts.limit) }));
  const clausesFile = join(DIST, 'data', 'clauses.json');
  if (!existsSync(clausesFile)) throw new CannotRun(`${clausesFile} is missing: build the site first (npm run build).`);
  if (!opts.stockOnly) {
    for (const p of [join(DIST, 'search', 'units.json'), join(DIST, 'pagefind', 'index'), join(DIST, 'search', 'index.html')]) {
      if (!existsSync(p)) {
        throw new CannotRun(`${p} is missing: build the site with its search index first (npm run build), or pass --stock-only.`);
      }
    }
  }
  const clauses = JSON.parse(readFileSync(clausesFile, 'utf8')) as Clause[];
  const known = new Set(clauses.map((c) => c.id));
  for (const { split, queries } of sets) {
    const unknown = queries.flatMap((q) => q.expect).filter((id) => !known.has(id));
    if (unknown.length) {
      const fix = HANDWRITTEN.includes(split) ? 'its author has to update it' : 'regenerate with npx tsx bench/make-queries.ts';
      console.warn(`warning: ${split} set expects ${unknown.length} id(s) not in clauses.json (e.g. ${unknown[0]}); ${fix}`);
    }
  }

  const t0 = Date.now();
  process.stdout.write(`building stock Pagefind index of ${clauses.length} units into .build/bench-stock/ … `);
  await buildStock(clauses, opts.stockDebounce);
  console.log(`${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const servers: StaticServer[] = [];
  const stockSrv = await serve(STOCK_DIR);
  servers.push(stockSrv.server);
  const systems: System[] = [
    {
      name: 'stock',
      base: stockSrv.base,
      net: stockSrv.net,
      searchPath: '/',
      allIds: (page) => page.evaluate(() => (window as unknown as { __benchAllIds: () => Promise<string[]> }).__benchAllIds()),
    },
  ];
  if (!opts.stockOnly) {
    const oursSrv = await serve(DIST);
    servers.push(oursSrv.server);
    systems.push({ name: 'ours', base: oursSrv.base, net: oursSrv.net, searchPath: '/search/', allIds: readIds });
  }
  const names = systems.map((s) => s.name);

  const executablePath = chromiumPath();
  const browser = await chromium.launch({
    ...(executablePath === undefined ? {} : { executablePath }),
    args: chromiumArgs,
  });

  const report: string[] = [];
  const json: Record<string, unknown> = { date: new Date().toISOString(), options: { ...opts, files, limit: String(opts.limit) }, sets: {} };
  const timing: Record<
    'urlMs' | 'laterBusyMs' | 'firstMs' | 'firstBytes' | 'firstBytesTotal' | 'laterMs' | 'laterBytes' | 'laterBytesTotal',
    Record<SystemName, number[]>
  > = {
    urlMs: { stock: [], ours: [] },
    laterBusyMs: { stock: [], ours: [] },
    firstMs: { stock: [], ours: [] },
    firstBytes: { stock: [], ours: [] },
    firstBytesTotal: { stock: [], ours: [] },
    laterMs: { stock: [], ours: [] },
    laterBytes: { stock: [], ours: [] },
    laterBytesTotal: { stock: [], ours: [] },
  };
  const notes: string[] = [];
  try {
    for (const { split, queries } of sets) {
      const ids: Record<SystemName, (string[] | undefined)[]> = { stock: [], ours: [] };
      const perQuery: Record<string, unknown>[] = queries.map((q) => ({ q: q.q, kind: q.kind, expect: q.expect }));
      const coldIdx = sample(queries.length, opts.cold);
      for (const sys of systems) {
        const t1 = Date.now();
        const texts = queries.map((q) => q.q);
        // 1. Scores: every query via /search/?q=… (one context).
        const viaUrl = await urlPass(browser, sys, texts, opts.timeout);
        let timeouts = 0;
        let queryAttr = 0;
        for (const [i, r] of viaUrl.entries()) {
          const q = queries[i]!;
          ids[sys.name][i] = r.ids;
          if (r.ms === null) timeouts++;
          else timing.urlMs[sys.name].push(r.ms);
          if (r.hasQueryAttr) queryAttr++;
          perQuery[i]![sys.name] = { ids: r.ids.slice(0, 50), count: r.ids.length, urlMs: r.ms, ...score(q.expect, r.ids) };
        }
        // 2. First query in a fresh context, on an even sample of the set.
        let coldTimeouts = 0;
        for (const i of coldIdx) {
          const r = await coldQuery(browser, sys, texts[i]!, opts.timeout);
          if (r.ms === null) coldTimeouts++;
          else {
            timing.firstMs[sys.name].push(r.ms);
            timing.firstBytes[sys.name].push(r.bytesToDone);
            timing.firstBytesTotal[sys.name].push(r.bytesTotal);
          }
          Object.assign(perQuery[i]![sys.name] as object, { coldMs: r.ms, coldBytesToDone: r.bytesToDone, coldBytesTotal: r.bytesTotal });
        }
        // 3. Later queries: typed into the search box of one page, one after another.
        const later = await laterQueries(browser, sys, '儿童', texts, opts.timeout);
        let laterTimeouts = 0;
        let mismatched = 0;
        for (const [i, r] of later.entries()) {
          if (r.ms === null) laterTimeouts++;
          else {
            timing.laterMs[sys.name].push(r.ms);
            if (r.busyMs !== null) timing.laterBusyMs[sys.name].push(r.busyMs);
            timing.laterBytes[sys.name].push(r.bytesToDone);
            timing.laterBytesTotal[sys.name].push(r.bytesTotal);
          }
          const viaUrlIds = (ids[sys.name][i] ?? []).slice(0, r.ids.length);
          if (r.ms !== null && viaUrlIds.join() !== r.ids.join()) mismatched++;
          Object.assign(perQuery[i]![sys.name] as object, { laterMs: r.ms, laterBytesToDone: r.bytesToDone });
        }
        console.log(
          `${split}/${sys.name}: ${queries.length} queries (${coldIdx.length} cold) in ${((Date.now() - t1) / 1000).toFixed(1)} s` +
            (timeouts ? `, ${timeouts} ?q= timeouts` : '') +
            (coldTimeouts ? `, ${coldTimeouts} cold timeouts` : '') +
            (laterTimeouts ? `, ${laterTimeouts} typed-query timeouts` : ''),
        );
        if (mismatched) notes.push(`${split}/${sys.name}: ${mismatched} queries rendered different ids when typed into the box than when loaded via ?q=`);
        if (sys.name === 'ours' && queryAttr === 0) {
          notes.push('ours: results container has no data-search-query; "done" for a typed query is detected only by the state leaving and re-entering "done"');
        }
      }
      const seen = TUNING_SPLITS.includes(split) ? new Set<string>() : tuningQueries();
      const title = `\n== ${split.toUpperCase()} set (${queries.length} queries${seen.size > 0 ? `; ${queries.filter((q) => seen.has(q.q)).length} of them also in a tuning set, word for word` : ''})`;
      report.push(qualityTable(title, queries, ids, names, seen));
      (json['sets'] as Record<string, unknown>)[split] = perQuery;
    }
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => s.close()));
  }

  console.log(report.join('\n'));
  console.log(
    `\n== Timing and bytes (all sets; ${names.join(' vs ')}; stock harness debounce ${opts.stockDebounce} ms)\n` +
      timingTable(
        [
          { label: 'first query ms', values: timing.firstMs },
          { label: 'first query bytes to done', values: timing.firstBytes },
          { label: 'first query bytes total', values: timing.firstBytesTotal },
          { label: 'later query ms', values: timing.laterMs },
          { label: '  of which loading→done', values: timing.laterBusyMs },
          { label: 'later query bytes to done', values: timing.laterBytes },
          { label: 'later query bytes total', values: timing.laterBytesTotal },
          { label: '?q= load, warm cache ms', values: timing.urlMs },
        ],
        names,
      ),
  );
  console.log(
    `\nfirst query: fresh context (cold cache, ${opts.cold === Infinity ? 'every query' : `${opts.cold} queries per set`}), navigation start → data-search-state="done"; later query: value set in the 搜索 box → "done" for it (includes the page's debounce; "loading→done" excludes it).` +
      '\nbytes: response bodies sent by the server (text gzip-compressed, headers excluded, worker requests included), until "done" is seen / until the network is quiet. Stock ids for recall come from an untimed data() pass over all results.' +
      '\nscores: top1 = first result expected; MRR = 1/rank of first expected; recall = expected found anywhere; Rprec = expected among the first |expect|; zero = no results.',
  );
  for (const n of notes) console.log(`note: ${n}`);
  mkdirSync(dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, `${JSON.stringify(json, null, 1)}\n`);
  console.log(`per-query results: ${opts.out}`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    if (e instanceof CannotRun) console.error(`bench-search: ${e.message}`);
    else console.error('bench-search: could not run:', e);
    process.exit(1);
  },
);
