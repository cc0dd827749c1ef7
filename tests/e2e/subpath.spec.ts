// Built for a SITE_URL with a path (`npm run build:subpath`, into .build/subpath-dist) and served
// under that path of another address (a free port of 127.0.0.1, never a server already running):
// every address a page links, loads or fetches is inside the path, a search finds and opens a
// clause, and what the pages name as their public address is SITE_URL's.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { serveStatic, type StaticServer } from '../../scripts/static-server';

interface Clause {
  id: string;
  kind: string;
  url: string;
  title: string | null;
  permalink: string;
}

const DIST = '.build/subpath-dist';
const clauses = JSON.parse(readFileSync(`${DIST}/data/clauses.json`, 'utf8')) as Clause[];
/** The site's public address, as the build wrote it for the home page in sitemap.xml. */
const locs = Array.from(readFileSync(`${DIST}/sitemap.xml`, 'utf8').matchAll(/<loc>\s*([^<]+?)\s*<\/loc>/g), (m) => m[1] ?? '');
const site = new URL(locs[0] ?? '');
const mount = site.pathname;
let server: StaticServer;

test.beforeAll(async () => {
  server = await serveStatic(path.resolve(DIST), { mount, redirectDirectories: true, notFoundPage: '404.html' });
});
test.afterAll(async () => server.close());

/** A page's address on the test server, from its public address. */
const served = (publicUrl: string) => `${server.base}${new URL(publicUrl).pathname}`;

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

/** The addresses an HTML page links or loads (a, link, script, img, form), resolved against it. */
function references(html: string, pageUrl: string): URL[] {
  return Array.from(html.matchAll(/\s(?:href|src|action)="([^"]*)"/g), (m) => new URL(decode(m[1] ?? ''), pageUrl));
}

async function status(request: APIRequestContext, url: string): Promise<number> {
  return (await request.get(url, { maxRedirects: 0 })).status();
}

test('the build is for a path, and sitemap.xml lists every page under it', () => {
  expect(mount, 'build:subpath sets a SITE_URL with a path').not.toBe('/');
  expect(locs.length).toBeGreaterThan(clauses.filter((c) => c.kind === 'goal').length);
  for (const loc of locs) expect(loc.startsWith(site.href), loc).toBe(true);
});

test('every address that every page links, loads or submits to is inside the path and answers', async ({ request }) => {
  test.setTimeout(180_000);
  const origin = new URL(server.base).origin;
  const pages = [...locs.map(served), `${server.base}${mount}no-such-page/`];
  const seen = new Set(pages);
  const assets = new Map<string, string>();
  const outside: string[] = [];
  const broken: string[] = [];
  for (let i = 0; i < pages.length; i++) {
    const url = pages[i]!;
    const response = await request.get(url);
    const notFoundPage = url.endsWith('/no-such-page/');
    if (response.status() !== (notFoundPage ? 404 : 200)) broken.push(`${url}: HTTP ${response.status()}`);
    for (const ref of references(await response.text(), url)) {
      if (ref.origin !== origin || ref.protocol === 'javascript:') continue;
      ref.hash = '';
      const key = ref.pathname;
      if (!key.startsWith(mount)) {
        outside.push(`${new URL(url).pathname} → ${ref.href}`);
        continue;
      }
      if (key.endsWith('/')) {
        const page = `${origin}${key}`;
        if (!seen.has(page)) {
          seen.add(page);
          pages.push(page);
        }
      } else if (!assets.has(key)) {
        assets.set(key, url);
      }
    }
  }
  for (const [asset, from] of assets) {
    const code = await status(request, `${origin}${asset}`);
    if (code !== 200) broken.push(`${asset} (linked from ${new URL(from).pathname}): HTTP ${code}`);
  }
  expect(outside, 'addresses outside the site path').toEqual([]);
  expect(broken).toEqual([]);
  expect(pages.length, 'pages crawled').toBeGreaterThanOrEqual(locs.length);
  expect(assets.size, 'files linked (stylesheets, scripts, icons, data)').toBeGreaterThan(5);
});

test('a search under the path finds a clause and opens it; every request stays inside the path', async ({ page }) => {
  const measure = clauses.find((c) => c.kind === 'measure' && c.title !== null) as Clause;
  const requests: string[] = [];
  const failures: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('response', (r) => {
    if (r.status() >= 400) failures.push(`${r.url()}: HTTP ${r.status()}`);
  });
  await page.goto(`${server.base}${mount}`);
  const box = page.getByRole('search').first().getByRole('searchbox');
  await box.fill(measure.title ?? '');
  await box.press('Enter');
  await expect(page).toHaveURL((u) => u.pathname === `${mount}search/`);
  await expect(page.locator('[data-search-state="done"]')).toHaveCount(1);
  const result = page.locator(`[data-result-id="${measure.id}"]`);
  await expect(result).toHaveCount(1);
  await result.getByRole('link').first().click();
  await expect(page).toHaveURL((u) => u.pathname === `${mount}${measure.url.slice(1)}`);
  await expect(page.locator(`article[data-unit-id="${measure.id}"]`)).toBeVisible();
  const local = requests.map((r) => new URL(r)).filter((u) => u.origin === new URL(server.base).origin);
  expect(local.some((u) => u.pathname.includes('/pagefind/')), 'the search read the Pagefind index').toBe(true);
  expect(local.filter((u) => !u.pathname.startsWith(mount)).map((u) => u.href)).toEqual([]);
  expect(failures).toEqual([]);
});

test('a page names its public address under the path: canonical link, 复制链接 and the sitemap', async ({ page, context }) => {
  const goal = clauses.find((c) => c.kind === 'goal') as Clause;
  expect(goal.permalink).toBe(new URL(goal.url.slice(1), site).href);
  const origin = new URL(server.base).origin;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await page.goto(served(goal.permalink));
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', goal.permalink);
  const article = page.locator(`article[data-unit-id="${goal.id}"]`);
  await article.getByRole('button', { name: '复制链接' }).click();
  await expect(article.getByRole('status')).toHaveText('已复制链接');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(goal.permalink);
  expect(locs).toContain(goal.permalink);
});
