// Page weight budgets (scripts/page-budgets.ts) and no third party: each page type, loaded in a
// fresh browser context until the network is idle, stays within budget and asks nothing of any
// other host; and every page of the site, by what its markup alone loads, does too. Sizes are
// response bodies after HTTP decoding (uncompressed), the conservative measure. `npm run
// bench:pages` prints the same figures, raw and gzip.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test, type Request } from '@playwright/test';
import { budgets, categoryOf, pageSamples, searchQuery, type Category } from '../../scripts/page-budgets';
import { inspectHtml } from './dist-html';
import { pagefindSignature } from '../../src/search/wire';
import { siteDir, siteFile } from './site';

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

for (const sample of pageSamples(siteDir)) {
  test(`the ${sample.type} page (${decodeURIComponent(sample.path)}) loads ${sample.reading ? `≤ ${kb(budgets.readingScriptBytes)} of script, ` : ''}≤ ${kb(budgets.pageBytes)} in all, from this site only`, async ({ page, baseURL }) => {
    const requests: string[] = [];
    const bodies: Promise<{ url: string; category: Category; bytes: number }>[] = [];
    page.context().on('request', (request) => requests.push(request.url()));
    page.context().on('requestfinished', (request: Request) => {
      bodies.push(
        (async () => {
          const response = await request.response();
          const bytes = response === null ? 0 : (await response.body().catch(() => Buffer.alloc(0))).length;
          return { url: request.url(), category: categoryOf(response?.headers()['content-type'] ?? ''), bytes };
        })(),
      );
    });
    await page.goto(sample.path, { waitUntil: 'networkidle' });
    if (sample.type === 'search') {
      const results = page.locator('#search-results');
      await expect(results).toHaveAttribute('data-search-query', searchQuery);
      await expect(results).toHaveAttribute('data-excerpts-state', 'done');
      await page.waitForLoadState('networkidle');
    }
    const loaded = await Promise.all(bodies);
    const sum = (category?: Category) => loaded.filter((r) => category === undefined || r.category === category).reduce((n, r) => n + r.bytes, 0);
    const breakdown = loaded.map((r) => `${r.bytes} ${r.url}`).join('\n');

    expect(requests.filter((url) => !url.startsWith(`${baseURL}/`)), 'requests to any other host').toEqual([]);
    expect(loaded.length, 'requests seen').toBeGreaterThanOrEqual(3);
    expect(sum(), `all bytes loaded:\n${breakdown}`).toBeLessThanOrEqual(budgets.pageBytes);
    if (sample.reading) expect(sum('js'), `script bytes loaded:\n${breakdown}`).toBeLessThanOrEqual(budgets.readingScriptBytes);
  });
}

test('every page, by what its markup loads (HTML, scripts, stylesheets, preloads, icon), is within budget', async ({ page }) => {
  const size = (url: string) => {
    const path = decodeURIComponent(new URL(url, 'http://site/').pathname);
    return statSync(siteFile(path)).size;
  };
  const over: string[] = [];
  const pages = await inspectHtml(page, siteDir);
  for (const p of pages) {
    const resources = [...new Map(p.resources.map((r) => [new URL(r.url, 'http://site/').pathname, r])).values()];
    const script = resources.filter((r) => r.as === 'script').reduce((n, r) => n + size(r.url), 0);
    const total = p.bytes + resources.reduce((n, r) => n + size(r.url), 0);
    const reading = p.pageKind !== null || p.file === 'index.html';
    if (total > budgets.pageBytes) over.push(`${p.file}: ${kb(total)} in all`);
    if (reading && script > budgets.readingScriptBytes) over.push(`${p.file}: ${kb(script)} of script`);
  }
  expect(pages.filter((p) => p.pageKind !== null).length, 'generated reading pages').toBeGreaterThan(300);
  expect(over).toEqual([]);
});

test("Pagefind's fragments carry each unit's text once, not the index tokens", () => {
  const dir = siteFile('pagefind', 'fragment');
  const files = readdirSync(dir).filter((f) => f.endsWith('.pf_fragment'));
  expect(files.length).toBeGreaterThan(300);
  const withContent = files.filter((f) => {
    const fragment = JSON.parse(gunzipSync(readFileSync(join(dir, f))).toString('utf8').slice(pagefindSignature.length)) as { content: string; meta: { text?: string } };
    return fragment.content !== '' || (fragment.meta.text ?? '') === '';
  });
  expect(withContent).toEqual([]);
});
