// What a pasted link shows: every kind of page says in its <title>, meta description and Open Graph
// tags which plan, domain and item it is; built with SITE_URL, with an absolute og:url and canonical
// link on the site's public address, and built without it, with neither (the build does not know
// the address; tests/e2e/subpath.spec.ts checks them on a build with SITE_URL).
import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { library, siteFile } from './site';

/** Whether dist/ was built without SITE_URL (its pages carry the address the build assumed). */
const addressUnknown = readFileSync(siteFile('index.html'), 'utf8').includes('data-assumed-origin=');

interface Head {
  title: string;
  description: string;
  canonical: string;
  og: Record<string, string>;
}

const decode = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The <head> facts of a page, read from its HTML as served (what a link preview reads). */
async function head(request: APIRequestContext, url: string): Promise<Head> {
  const html = await (await request.get(url, { failOnStatusCode: true })).text();
  const part = html.slice(0, html.indexOf('</head>'));
  const one = (re: RegExp) => decode(re.exec(part)?.[1] ?? '');
  const og = Object.fromEntries(Array.from(part.matchAll(/<meta property="(og:[a-z_]+)" content="([^"]*)">/g), (m) => [m[1] ?? '', decode(m[2] ?? '')]));
  return {
    title: one(/<title>([^<]*)<\/title>/),
    description: one(/<meta name="description" content="([^"]*)">/),
    canonical: one(/<link rel="canonical" href="([^"]*)">/),
    og,
  };
}

const SITE = '妇女儿童发展规划参考版';
const WOMEN = '洛阳市妇女发展规划（2021—2030年）';
const DOC = '洛政〔2022〕62号';
/** What a site-wide page adds to its title: the document, when the site has one. */
const scope = library ? '' : ` · ${DOC}`;
/** What a page inside a plan adds: its document, when plans of several documents may share titles. */
const own = library ? ` · ${DOC}` : '';

const pages: [kind: string, url: string, ogTitle: string, type: string][] = [
  ['home', '/', `${SITE}${scope}`, 'website'],
  ['document', '/luozheng-2022-62/', `关于印发${WOMEN}和洛阳市儿童发展规划（2021—2030年）的通知 · ${DOC}`, 'article'],
  ['plan', '/luozheng-2022-62/p1/', `${WOMEN} · ${DOC}`, 'article'],
  ['part', '/luozheng-2022-62/p1/part3/', `三、组织实施 · ${WOMEN}${own}`, 'article'],
  ['domain', '/luozheng-2022-62/p1/d1/', `（一）妇女与健康 · ${WOMEN}${own}`, 'article'],
  ['goal', '/luozheng-2022-62/p1/d1/g2/', `主要目标第2项 孕产妇死亡率下降到12/10万以下 · 妇女与健康 · ${WOMEN}${own}`, 'article'],
  ['measure', '/luozheng-2022-62/p1/d1/m3/', `策略措施第3项 建立完善妇女全生命周期健康管理模式 · 妇女与健康 · ${WOMEN}${own}`, 'article'],
  ['targets', '/targets/', `量化目标${scope}`, 'article'],
  // In a library each document's targets have a page, named with the document.
  ...(library ? [['targets of one document', '/luozheng-2022-62/targets/', `量化目标 · ${DOC}`, 'article'] satisfies [string, string, string, string]] : []),
  ['actors', '/actors/', `职责索引${scope}`, 'article'],
  ['actor', '/actors/fulian/', `妇联 · 职责索引${scope}`, 'article'],
  ['search', '/search/', `搜索${scope}`, 'article'],
];

for (const [kind, url, ogTitle, type] of pages) {
  test(`the ${kind} page (${url}) says what it is when shared`, async ({ request }) => {
    const h = await head(request, url);
    expect(h.og['og:title']).toBe(ogTitle);
    expect(h.title).toBe(ogTitle.startsWith(SITE) ? ogTitle : `${ogTitle} · ${SITE}`);
    expect(h.description.length).toBeGreaterThan(10);
    expect(h.og['og:description']).toBe(h.description);
    expect(h.og['og:type']).toBe(type);
    expect(h.og['og:site_name']).toBe(SITE);
    expect(h.og['og:locale']).toBe('zh_CN');
    if (addressUnknown) {
      expect(h.og['og:url'], 'built without SITE_URL: no og:url').toBeUndefined();
      expect(h.canonical, 'built without SITE_URL: no canonical link').toBe('');
    } else {
      expect(h.og['og:url']).toMatch(/^https?:\/\//);
      expect(h.og['og:url']).toBe(h.canonical);
      expect(new URL(h.og['og:url'] ?? '').pathname.endsWith(url)).toBe(true);
    }
  });
}

test('goal and measure descriptions name plan, domain and item', async ({ request }) => {
  const goal = await head(request, '/luozheng-2022-62/p1/d1/g2/');
  expect(goal.description).toMatch(new RegExp(`^${WOMEN} · 妇女与健康 · 主要目标第2项：孕产妇死亡率`));
  const measure = await head(request, '/luozheng-2022-62/p2/d7/m14/');
  expect(measure.description).toMatch(/^洛阳市儿童发展规划（2021—2030年） · 儿童与法律保护 · 策略措施第14项：/);
});

test('every page in the sitemap has its own title and the Open Graph tags', async ({ request }) => {
  test.setTimeout(120_000);
  const xml = await (await request.get('/sitemap.xml', { failOnStatusCode: true })).text();
  const urls = Array.from(xml.matchAll(/<loc>\s*([^<]+?)\s*<\/loc>/g), (m) => new URL(decode(m[1] ?? '')).pathname);
  expect(urls.length).toBeGreaterThan(300);
  const titles = new Map<string, string>();
  const problems: string[] = [];
  for (const url of urls) {
    const h = await head(request, url);
    for (const tag of ['og:title', 'og:description', ...(addressUnknown ? [] : ['og:url']), 'og:type', 'og:site_name', 'og:locale']) {
      if ((h.og[tag] ?? '') === '') problems.push(`${url}: no ${tag}`);
    }
    const other = titles.get(h.title);
    if (other !== undefined) problems.push(`${url}: same <title> as ${other}: ${h.title}`);
    titles.set(h.title, url);
  }
  expect(problems).toEqual([]);
});
