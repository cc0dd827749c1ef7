// Crawls the built site from /sitemap.xml: every listed page loads, every internal link and
// #anchor lands somewhere real, and every unit URL in /data/clauses.json lands on its unit.
//
// Pages are fetched over HTTP (fast, ~360 pages) and parsed by the browser's own HTML parser
// (DOMParser), so ids and hrefs are read exactly as a browser reads them.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

/** What a fetched page (or other file) looked like. */
interface Fetched {
  status: number;
  contentType: string;
  /** Set for HTML answered with 200. */
  html: ParsedHtml | null;
}

interface ParsedHtml {
  /** Every fragment target (element id, or <a name>), with the element's data-unit-id if it has one. */
  anchors: Map<string, string | null>;
  /** data-unit-id of every <article> on the page. */
  articleUnitIds: Set<string>;
  /** Raw href of every <a>/<area>. */
  hrefs: string[];
  /** Raw src/href of images, scripts, stylesheets, icons. */
  resources: string[];
  /** How many of each landmark the page has, for the page-structure check. */
  counts: { mainById: number; h1: number; breadcrumbs: number };
  /** Ids used by more than one element (a link to them lands on the first only). */
  duplicateIds: string[];
}

interface Clause {
  id: string;
  url: string;
  kind: string;
}

const CONCURRENCY = 4;
const MIN_SITEMAP_URLS = 300;

let origin = '';
/** Other origins that also mean "this site" (the sitemap's, if SITE_URL differs from the test server). */
const siteOrigins = new Set<string>();
let sitemapPaths: string[] = [];
/** The sitemap's pages plus the 404 page: the pages whose links are checked. */
let crawledPaths: string[] = [];
const NOT_FOUND_PAGE = '/404.html';
/** Keyed by pathname + search, without the fragment. */
const fetched = new Map<string, Fetched>();
let api: APIRequestContext;
let parserPage: Page;

function key(url: URL): string {
  return url.pathname + url.search;
}

function isHtml(f: Fetched): boolean {
  return f.contentType.includes('text/html');
}

async function parseHtml(html: string): Promise<ParsedHtml> {
  const parsed = await parserPage.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'text/html');
    const attr = (selector: string, name: string) =>
      Array.from(doc.querySelectorAll(selector), (el) => el.getAttribute(name) ?? '');
    return {
      // `<a name>` also counts as a fragment target in HTML.
      anchors: Array.from(doc.querySelectorAll('[id], a[name]'), (el) => [
        el.id || (el.getAttribute('name') ?? ''),
        el.getAttribute('data-unit-id'),
      ] as const),
      articleUnitIds: attr('article[data-unit-id]', 'data-unit-id'),
      hrefs: attr('a[href], area[href]', 'href'),
      resources: [
        ...attr('img[src], script[src], source[src], iframe[src]', 'src'),
        ...attr('link[href][rel~="stylesheet"], link[href][rel~="icon"], link[href][rel~="manifest"]', 'href'),
      ],
      base: doc.querySelector('base[href]')?.getAttribute('href') ?? null,
      counts: {
        mainById: doc.querySelectorAll('main#main').length,
        h1: doc.querySelectorAll('h1').length,
        breadcrumbs: doc.querySelectorAll('nav[aria-label="面包屑"]').length,
      },
    };
  }, html);
  if (parsed.base !== null) throw new Error(`<base href="${parsed.base}"> is not supported by this crawler`);
  return {
    anchors: new Map(parsed.anchors.map(([id, unit]) => [id, unit])),
    duplicateIds: [...new Set(parsed.anchors.map(([id]) => id).filter((id, i, all) => all.indexOf(id) !== i))],
    articleUnitIds: new Set(parsed.articleUnitIds),
    hrefs: parsed.hrefs,
    resources: parsed.resources,
    counts: parsed.counts,
  };
}

/** Fetches each URL once (no redirects followed: a link that only works via a redirect is broken). */
async function fetchAll(urls: Iterable<URL>): Promise<void> {
  const todo = [...new Set(Array.from(urls, key))].filter((k) => !fetched.has(k));
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const k = todo[next++]!;
      const response = await api.get(k, { maxRedirects: 0, failOnStatusCode: false });
      const contentType = response.headers()['content-type'] ?? '';
      const entry: Fetched = { status: response.status(), contentType, html: null };
      if (entry.status === 200 && isHtml(entry)) entry.html = await parseHtml(await response.text());
      else await response.dispose();
      fetched.set(k, entry);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

/** The same-site URL an href points at, or null for other sites and non-HTTP schemes. */
function internal(href: string, from: URL): URL | null {
  let url: URL;
  try {
    url = new URL(href, from);
  } catch {
    return new URL('invalid:' + encodeURIComponent(href));
  }
  if (url.protocol === 'invalid:') return url;
  if (url.origin === origin) return url;
  if (siteOrigins.has(url.origin)) return new URL(url.pathname + url.search + url.hash, origin);
  return null;
}

function fragmentOf(url: URL): string | null {
  if (url.hash === '' || url.hash === '#') return null;
  try {
    return decodeURIComponent(url.hash.slice(1));
  } catch {
    return url.hash.slice(1);
  }
}

function describeStatus(f: Fetched | undefined): string {
  if (f === undefined) return 'not fetched';
  return `HTTP ${f.status}${f.status === 200 ? ` (${f.contentType || 'no content-type'})` : ''}`;
}

test.describe('site links', () => {
  // One crawl, shared by the tests below, which therefore run in order in one worker.
  test.describe.configure({ mode: 'default' });

  test.beforeAll(async ({ browser, playwright }, testInfo) => {
    testInfo.setTimeout(120_000);
    const baseURL = testInfo.project.use.baseURL;
    if (!baseURL) throw new Error('baseURL must be set in playwright.config.ts');
    origin = new URL(baseURL).origin;
    api = await playwright.request.newContext({ baseURL: origin });
    parserPage = await browser.newPage();

    const sitemap = await api.get('/sitemap.xml', { failOnStatusCode: true });
    const xml = await sitemap.text();
    const locs = Array.from(xml.matchAll(/<loc>\s*([^<]+?)\s*<\/loc>/g), (m) =>
      m[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"),
    );
    const urls = locs.map((loc) => new URL(loc));
    for (const url of urls) if (url.origin !== origin) siteOrigins.add(url.origin);
    sitemapPaths = urls.map((url) => key(url));
    crawledPaths = [...new Set([...sitemapPaths, NOT_FOUND_PAGE])];
    await fetchAll(crawledPaths.map((path) => new URL(path, origin)));

    // Then everything the pages link to that the sitemap did not list.
    const targets: URL[] = [];
    for (const path of crawledPaths) {
      const html = fetched.get(path)?.html;
      if (!html) continue;
      const from = new URL(path, origin);
      for (const href of [...html.hrefs, ...html.resources]) {
        const url = internal(href, from);
        if (url && url.protocol !== 'invalid:') targets.push(url);
      }
    }
    await fetchAll(targets);
  });

  test.afterAll(async () => {
    await parserPage?.close();
    await api?.dispose();
  });

  test(`sitemap lists more than ${MIN_SITEMAP_URLS} pages, each loading with 200, and every linked page`, () => {
    expect(sitemapPaths.length, 'number of URLs in /sitemap.xml').toBeGreaterThan(MIN_SITEMAP_URLS);
    const duplicates = sitemapPaths.filter((p, i) => sitemapPaths.indexOf(p) !== i);
    expect(duplicates, 'URLs listed twice in /sitemap.xml').toEqual([]);
    const bad = sitemapPaths
      .filter((p) => { const f = fetched.get(p); return !f || f.status !== 200 || !isHtml(f); })
      .map((p) => `${p}: ${describeStatus(fetched.get(p))}`);
    expect(bad, 'sitemap URLs that are not HTML pages answering 200').toEqual([]);

    const listed = new Set(sitemapPaths);
    const unlisted = [...fetched.entries()]
      // A filtered view (/targets/?plan=…) is the page it filters, which the sitemap lists.
      .filter(([path, f]) => f.status === 200 && f.html !== null && path !== NOT_FOUND_PAGE && !listed.has(path) && !listed.has(path.split('?')[0] ?? ''))
      .map(([path]) => path);
    expect(unlisted, 'pages the site links to that /sitemap.xml does not list').toEqual([]);
  });

  test('every page has one <main id="main">, one h1, unique ids and (below the home page) breadcrumbs', () => {
    const bad: string[] = [];
    for (const path of sitemapPaths) {
      const counts = fetched.get(path)?.html?.counts;
      if (!counts) continue; // reported by the sitemap test
      if (counts.mainById !== 1) bad.push(`${path}: ${counts.mainById} × <main id="main">`);
      if (counts.h1 !== 1) bad.push(`${path}: ${counts.h1} × <h1>`);
      for (const id of fetched.get(path)?.html?.duplicateIds ?? []) bad.push(`${path}: id="${id}" used more than once`);
      // The home page is the root of every trail, so it needs none.
      if (path !== '/' && counts.breadcrumbs !== 1) bad.push(`${path}: ${counts.breadcrumbs} × <nav aria-label="面包屑">`);
    }
    expect(bad, 'pages missing their main area, title or breadcrumbs, or repeating an id').toEqual([]);
  });

  test('every internal link and resource resolves, and every #anchor exists', () => {
    const broken: string[] = [];
    let checked = 0;
    const check = (path: string, attr: string, href: string, isLink: boolean) => {
      const url = internal(href, new URL(path, origin));
      if (url === null) return; // another site, mailto:, tel:, …
      const where = `${path}: ${attr}="${href}"`;
      if (url.protocol === 'invalid:') {
        broken.push(`${where} → not a valid URL`);
        return;
      }
      checked++;
      const target = fetched.get(key(url));
      if (!target || target.status !== 200) {
        broken.push(`${where} → ${describeStatus(target)}`);
        return;
      }
      // The site uses trailingSlash: 'always'; a page link without the slash only works on some hosts.
      if (isLink && target.html && !url.pathname.endsWith('/') && !/\.html?$/.test(url.pathname))
        broken.push(`${where} → page URL without its trailing slash`);
      const fragment = isLink ? fragmentOf(url) : null;
      if (fragment === null) return;
      if (!target.html) broken.push(`${where} → #${fragment} points into a non-HTML file`);
      // `#top` scrolls to the top of any HTML page.
      else if (fragment.toLowerCase() !== 'top' && !target.html.anchors.has(fragment))
        broken.push(`${where} → no element with id="${fragment}" on ${key(url)}`);
    };
    for (const path of crawledPaths) {
      const html = fetched.get(path)?.html;
      if (!html) continue;
      for (const href of html.hrefs) check(path, '<a href', href, true);
      for (const src of html.resources) check(path, 'resource', src, false);
    }
    expect(checked, 'internal links found (the crawl cannot pass vacuously)').toBeGreaterThan(sitemapPaths.length);
    expect([...new Set(broken)], 'broken internal links (page: href → problem)').toEqual([]);
  });

  test('every unit URL in /data/clauses.json lands on its unit', async () => {
    const response = await api.get('/data/clauses.json', { failOnStatusCode: true });
    const clauses = (await response.json()) as Clause[];
    expect(Array.isArray(clauses), '/data/clauses.json is an array').toBe(true);
    expect(clauses.length, 'units in /data/clauses.json').toBeGreaterThan(MIN_SITEMAP_URLS / 2);

    const from = new URL('/data/clauses.json', origin);
    const urls = clauses.map((c) => internal(c.url, from));
    await fetchAll(urls.filter((u): u is URL => u !== null && u.protocol !== 'invalid:'));

    const wrong: string[] = [];
    clauses.forEach((clause, i) => {
      const where = `${clause.id} (${clause.kind}): url "${clause.url}"`;
      const url = urls[i];
      if (!clause.url.startsWith('/') || clause.url.startsWith('//')) wrong.push(`${where} → not site-relative`);
      else if (!url || url.protocol === 'invalid:') wrong.push(`${where} → not a valid same-site URL`);
      else {
        const target = fetched.get(key(url));
        const fragment = fragmentOf(url);
        if (!target?.html) wrong.push(`${where} → ${describeStatus(target)}`);
        else if (fragment !== null) {
          const anchor = target.html.anchors.get(fragment);
          if (anchor === undefined) wrong.push(`${where} → no element with id="${fragment}" on ${key(url)}`);
          // Landing on an element that is another unit (same anchor on the wrong page) is wrong too.
          else if (anchor !== null && anchor !== clause.id)
            wrong.push(`${where} → lands on data-unit-id="${anchor}" instead`);
        } else if (!target.html.articleUnitIds.has(clause.id)) {
          wrong.push(`${where} → ${key(url)} has no <article data-unit-id="${clause.id}">`);
        }
      }
    });
    expect(wrong, 'clauses.json units whose url does not land on them').toEqual([]);
  });

  test('a 404 page exists and is served for unknown URLs', async ({ page }) => {
    const page404 = fetched.get('/404.html') ?? (await fetchAll([new URL('/404.html', origin)]), fetched.get('/404.html'));
    expect(describeStatus(page404), '/404.html').toMatch(/^HTTP 200 \(text\/html/);

    const response = await page.goto('/this-page-does-not-exist/');
    expect(response?.status(), 'status of an unknown URL').toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面未找到');
    await page.getByRole('main').getByRole('link', { name: '返回首页' }).click();
    await expect(page).toHaveURL('/');
  });
});
