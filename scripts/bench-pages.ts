/**
 * Page weight benchmark: what each page type loads, in bytes and requests, and what a search costs.
 *
 *   npm run bench:pages              # measure the built dist/
 *   npm run bench:pages -- --build   # time `npm run build` first (and print it), then measure
 *
 * It builds nothing unless asked: it needs a built dist/ (`npm run build`). It serves dist/ on
 * 127.0.0.1 (a free port) with a static server that gzips text types, as a CDN does, and loads
 * each page type (scripts/page-budgets.ts: the heaviest page of each type) in a fresh Chromium
 * context (empty cache) until the network is idle. The search page is loaded three ways: by
 * itself (/search/, which preloads the units table and the glossary), with a first query in the URL (until its results
 * and excerpts are shown, then idle), and then with a later query typed into its box (what that
 * query alone adds).
 *
 * Per page type it prints HTML, CSS, JS, other (JSON, images, Pagefind's index chunks and fragments) and
 * total: raw = bytes of the files as they are on disk, gzip = bytes the server sent (text types
 * gzip-compressed; Pagefind's files are compressed already and go as they are). Then the number of
 * requests, and any request to another host (there should be none). Pages over a budget are
 * marked; the gate is tests/e2e/budgets.spec.ts. It reports, it does not assert: exit 0 when it
 * ran, 1 when it could not.
 *
 * Environment: CHROMIUM_PATH (default /usr/bin/chromium).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, chromiumExecutable } from './chromium';
import { budgets, categoryOf, laterSearchQuery, pageSamples, searchQuery, type Category, type PageSample } from './page-budgets';
import { networkQuiet, serveStatic, type Activity, type StaticServer } from './static-server';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const TIMEOUT = 20_000;

class CannotRun extends Error {}

// ---------------------------------------------------------------- static server

interface Sent {
  path: string;
  category: Category;
  raw: number;
  gzip: number;
}

/** What the server has sent, and whether anything is still on its way. */
interface Meter {
  sent: Sent[];
  activity: Activity;
}

/** Serves dist/ as a static host does (scripts/static-server.ts), unknown paths as 404.html. */
async function serve(root: string): Promise<{ server: StaticServer; base: string; meter: Meter }> {
  const sent: Sent[] = [];
  const server = await serveStatic(root, {
    notFoundPage: '404.html',
    onSent: (s) => sent.push({ path: s.path, category: categoryOf(s.type), raw: s.raw, gzip: s.sent }),
  });
  return { server, base: server.base, meter: { sent, activity: server.activity } };
}

/** Waits until nothing has been in flight for quietMs. */
function networkIdle(meter: Meter, quietMs = 500): Promise<void> {
  return networkQuiet(meter.activity, quietMs, TIMEOUT);
}

// ---------------------------------------------------------------- measuring

interface Weight {
  label: string;
  raw: Record<Category | 'total', number>;
  gzip: Record<Category | 'total', number>;
  requests: number;
  /** Requests the browser made to any other host. */
  foreign: string[];
  overBudget: string[];
}

function weigh(label: string, sent: Sent[], foreign: string[], sample: PageSample | null): Weight {
  const zero = (): Record<Category | 'total', number> => ({ html: 0, css: 0, js: 0, other: 0, total: 0 });
  const w: Weight = { label, raw: zero(), gzip: zero(), requests: sent.length + foreign.length, foreign, overBudget: [] };
  for (const s of sent) {
    w.raw[s.category] += s.raw;
    w.raw.total += s.raw;
    w.gzip[s.category] += s.gzip;
    w.gzip.total += s.gzip;
  }
  if (sample !== null) {
    if (w.raw.total > budgets.pageBytes) w.overBudget.push(`total > ${kb(budgets.pageBytes)}`);
    if (sample.reading && w.raw.js > budgets.readingScriptBytes) w.overBudget.push(`JS > ${kb(budgets.readingScriptBytes)}`);
  }
  return w;
}

/** Which of the page's requests went elsewhere than the server under test. */
function watchForeign(page: Page, base: string): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${base}/`) && !url.startsWith('data:')) foreign.push(url);
  });
  return foreign;
}

const searchDone = (page: Page, q: string) =>
  page.waitForFunction(
    (query) => {
      const box = document.querySelector('#search-results');
      return box?.getAttribute('data-search-state') === 'done' && box.getAttribute('data-search-query') === query;
    },
    q,
    { timeout: TIMEOUT },
  );

/**
 * One page in a fresh context: everything until the network is idle (on the search page with a
 * query, once its results are shown). With `later`, that query is then typed into the search box
 * and what it loads is weighed apart.
 */
async function measure(
  browser: Browser,
  base: string,
  meter: Meter,
  label: string,
  sample: PageSample,
  search: { query: string; later: string | null } | null,
): Promise<Weight[]> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    const foreign = watchForeign(page, base);
    const from = meter.sent.length;
    await page.goto(base + sample.path, { waitUntil: 'load', timeout: TIMEOUT });
    if (search !== null) await searchDone(page, search.query);
    await networkIdle(meter);
    const rows = [weigh(label, meter.sent.slice(from), foreign.splice(0), sample)];
    if (search?.later) {
      const mark = meter.sent.length;
      await page.getByRole('searchbox', { name: '搜索' }).fill(search.later);
      await searchDone(page, search.later);
      await networkIdle(meter);
      rows.push(weigh('  + later query', meter.sent.slice(mark), foreign, null));
    }
    return rows;
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- report

function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} KB`;
}

function table(rows: Weight[]): string {
  const cols: (Category | 'total')[] = ['html', 'css', 'js', 'other', 'total'];
  const head = ['page', ...cols.map((c) => `${c.toUpperCase()} raw / gzip`), 'requests', 'budget'];
  const body = rows.map((w) => [
    w.label,
    ...cols.map((c) => `${kb(w.raw[c])} / ${kb(w.gzip[c])}`),
    String(w.requests),
    w.overBudget.length > 0 ? `OVER: ${w.overBudget.join(', ')}` : w.label.startsWith(' ') ? '' : 'ok',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]?.length ?? 0)));
  const line = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  return [line(head), ...body.map(line)].join('\n');
}

// ---------------------------------------------------------------- main

function parseArgs(argv: string[]): { build: boolean } {
  let build = false;
  for (const a of argv) {
    if (a === '--build') build = true;
    else throw new CannotRun(`unknown option ${a} (see the header of scripts/bench-pages.ts)`);
  }
  return { build };
}

function timeBuild(): void {
  const start = performance.now();
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const seconds = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new CannotRun(`npm run build failed (exit ${String(r.status)}) after ${seconds.toFixed(1)} s`);
  console.log(`\nnpm run build: ${seconds.toFixed(1)} s\n`);
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.build) timeBuild();
  if (!existsSync(join(DIST, 'index.html'))) throw new CannotRun(`${DIST}/index.html is missing: build the site first (npm run build), or pass --build.`);
  let executablePath: string | undefined;
  try {
    executablePath = chromiumExecutable();
  } catch (e) {
    throw new CannotRun(e instanceof Error ? e.message : String(e));
  }
  const samples = pageSamples(DIST);
  const { server, base, meter } = await serve(DIST);
  const browser = await chromium.launch({ ...(executablePath === undefined ? {} : { executablePath }), args: chromiumArgs });
  const started = performance.now();
  try {
    const rows: Weight[] = [];
    for (const sample of samples) {
      if (sample.type !== 'search') {
        rows.push(...(await measure(browser, base, meter, sample.label, sample, null)));
        continue;
      }
      // The search page by itself (it preloads the units table and the glossary), then with a first query, then a later one.
      rows.push(...(await measure(browser, base, meter, 'search, no query', { ...sample, path: '/search/' }, null)));
      rows.push(...(await measure(browser, base, meter, 'search, 1st query', sample, { query: searchQuery, later: laterSearchQuery })));
    }
    console.log(`Bytes on load, fresh cache, until the network is idle (raw = files on disk; gzip = sent by a gzip server).`);
    console.log(`Budgets (uncompressed): reading pages ≤ ${kb(budgets.readingScriptBytes)} JS; every page ≤ ${kb(budgets.pageBytes)}. 1 KB = 1000 bytes.\n`);
    console.log(table(rows));
    console.log('\nPages measured:');
    for (const s of samples) console.log(`  ${s.label.padEnd(8)} ${decodeURIComponent(s.path)}`);
    console.log(`  later query: ${laterSearchQuery}, typed into the search box once the first query's results are shown`);
    const foreign = rows.flatMap((w) => w.foreign.map((url) => `${w.label}: ${url}`));
    console.log(foreign.length === 0 ? '\nRequests to other hosts: none.' : `\nRequests to other hosts:\n  ${foreign.join('\n  ')}`);
    console.log(`\nMeasured in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof CannotRun ? `bench:pages cannot run: ${error.message}` : error);
  process.exit(1);
});
