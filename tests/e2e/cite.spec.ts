// Citations as a person copies them, in Chromium: 复制引用 puts exactly the unit's citation from
// /data/clauses.json on the clipboard, 复制链接 its permalink, 复制参考文献 the document's GB/T 7714
// reference with today's date; by mouse or keyboard, with a polite status line, with the text
// selected for copying by hand when the clipboard refuses, and readable without JavaScript.
import { existsSync, readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { parse as parseYaml } from 'yaml';
import { asServed, siteJson } from './site';

interface Clause {
  id: string;
  url: string;
  kind: string;
  label: string;
  planTitle: string | null;
  domain: string | null;
  number: number | null;
  docNumber: string | null;
  citation: string;
  permalink: string;
}

const clauses = siteJson<Clause[]>('data/clauses.json');
const clause = (id: string): Clause => {
  const c = clauses.find((x) => x.id === `luozheng-2022-62.${id}`);
  if (c === undefined) throw new Error(`no clause ${id} in dist/data/clauses.json`);
  return c;
};

const readClipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
/** Something else on the clipboard first, so a copy that does nothing cannot pass. */
const clearClipboard = (page: Page) => page.evaluate(() => navigator.clipboard.writeText('(nothing copied yet)'));
const unitArticle = (page: Page, c: Clause) => page.locator(`article[data-unit-id="${c.id}"]`);
const pathOf = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.hash;
};

test.beforeEach(async ({ context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL ?? '').origin });
});

test('on a goal page, 复制引用 copies its full citation and 复制链接 its permalink', async ({ page, baseURL }) => {
  const goal = clause('p1.d1.g2');
  await page.goto('/luozheng-2022-62/p1/d1/g2/');
  const article = page.getByRole('article', { name: '主要目标第2项' });
  await clearClipboard(page);

  await article.getByRole('button', { name: '复制引用' }).click();
  await expect(article.getByRole('status')).toHaveText('已复制引用');
  const citation = await readClipboard(page);
  expect(citation).toBe(asServed(goal.citation, baseURL));
  for (const part of ['《洛阳市妇女发展规划（2021—2030年）》', '（洛政〔2022〕62号）', '“（一）妇女与健康”', '主要目标第2项']) expect(citation).toContain(part);
  expect(pathOf(citation.slice(citation.lastIndexOf('，') + 1))).toBe('/luozheng-2022-62/p1/d1/g2/');

  await article.getByRole('button', { name: '复制链接' }).click();
  await expect(article.getByRole('status')).toHaveText('已复制链接');
  expect(await readClipboard(page)).toBe(asServed(goal.permalink, baseURL));
  expect(pathOf(goal.permalink)).toBe(new URL(page.url()).pathname);
});

test('on a domain page, each unit copies its own citation; a unit on a shared page links to its anchor', async ({ page, baseURL }) => {
  await page.goto('/luozheng-2022-62/p2/d7/');
  const buttons = page.getByRole('button', { name: '复制引用' });
  const articles = page.locator('article[data-unit-id]');
  await expect(buttons).toHaveCount(await articles.count());
  const measure = clause('p2.d7.m14');
  await clearClipboard(page);
  await unitArticle(page, measure).getByRole('button', { name: '复制引用' }).click();
  await expect(unitArticle(page, measure).getByRole('status')).toHaveText('已复制引用');
  expect(await readClipboard(page)).toBe(asServed(measure.citation, baseURL));
  expect(measure.citation).toContain('“（七）儿童与法律保护”策略措施第14项');

  const principle = clause('p1.part1.r2');
  await page.goto('/luozheng-2022-62/p1/part1/');
  await unitArticle(page, principle).getByRole('button', { name: '复制链接' }).click();
  await expect(unitArticle(page, principle).getByRole('status')).toHaveText('已复制链接');
  const link = await readClipboard(page);
  expect(link).toBe(asServed(principle.permalink, baseURL));
  await page.goto(pathOf(link));
  await expect(page.locator(':target')).toHaveAttribute('data-unit-id', principle.id);
});

test('every unit, wherever it is shown, has a 复制引用 button that carries exactly its citation, and on its own page 复制链接', async ({ request }) => {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  // A goal or measure is shown on its own page and on its domain page.
  const shownOn = (c: Clause) => {
    const own = c.url.replace(/#.*$/, '');
    return c.kind === 'goal' || c.kind === 'measure' ? [own, own.replace(/[gm]\d+\/$/, '')] : [own];
  };
  const pages = new Map<string, string>();
  for (const url of new Set(clauses.flatMap(shownOn))) pages.set(url, await (await request.get(url, { failOnStatusCode: true })).text());
  const missing: string[] = [];
  for (const c of clauses) {
    for (const url of shownOn(c)) {
      const html = pages.get(url) ?? '';
      if (!html.includes(`data-copy="${escape(c.citation)}"`)) missing.push(`${c.id} on ${url}: no button copying ${c.citation}`);
      // On its domain page a goal or measure links to its own page (its heading) instead.
      const ownPage = url === c.url.replace(/#.*$/, '');
      if (ownPage && !html.includes(`data-copy="${escape(c.permalink)}"`)) missing.push(`${c.id} on ${url}: no button copying ${c.permalink}`);
      if (!ownPage && !html.includes(`<a class="unit-page" href="${c.url}"`)) missing.push(`${c.id} on ${url}: its heading does not link to ${c.url}`);
    }
  }
  expect(clauses.length).toBeGreaterThan(300);
  expect(missing).toEqual([]);
});

test('the buttons work from the keyboard and show where the focus is', async ({ page, baseURL }) => {
  const goal = clause('p1.d1.g2');
  await page.goto('/luozheng-2022-62/p1/d1/g2/');
  await clearClipboard(page);
  const article = page.getByRole('article', { name: '主要目标第2项' });
  // On its own page nothing of the clause comes before its buttons: start from the breadcrumbs.
  await page.getByRole('navigation', { name: '面包屑' }).getByRole('link').last().focus();
  await page.keyboard.press('Tab');
  const cite = article.getByRole('button', { name: '复制引用' });
  await expect(cite).toBeFocused();
  expect(await outlineOf(cite)).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(article.getByRole('status')).toHaveText('已复制引用');
  expect(await readClipboard(page)).toBe(asServed(goal.citation, baseURL));

  await page.keyboard.press('Tab');
  await expect(article.getByRole('button', { name: '复制链接' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(article.getByRole('status')).toHaveText('已复制链接');
  expect(await readClipboard(page)).toBe(asServed(goal.permalink, baseURL));
});

test('when the clipboard refuses, the citation is shown and selected for copying by hand', async ({ page, baseURL }) => {
  await page.addInitScript(() => {
    Clipboard.prototype.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));
  });
  const measure = clause('p1.d1.m3');
  await page.goto('/luozheng-2022-62/p1/d1/m3/');
  const article = unitArticle(page, measure);
  await article.getByRole('button', { name: '复制引用' }).click();
  await expect(article.getByRole('status')).toContainText('未能自动复制，已选中引用文字');
  await expect(article.locator('details')).toHaveAttribute('open', '');
  await expect(article.getByText(asServed(measure.citation, baseURL), { exact: true })).toBeVisible();
  expect(await page.evaluate(() => getSelection()?.toString())).toBe(asServed(measure.citation, baseURL));
});

test('each document page is headed by its 信息索引: its metadata file and notice, and what is not recorded', async ({ page }) => {
  const documents = clauses.filter((c) => c.kind === 'notice');
  expect(documents.length).toBeGreaterThan(0);
  for (const notice of documents) {
    const slug = notice.id.split('.')[0] ?? '';
    const metaFile = `seeds/${slug}.yaml`;
    const meta = (existsSync(metaFile) ? parseYaml(readFileSync(metaFile, 'utf8')) : {}) as Record<string, string | null>;
    await page.goto(notice.url.replace(/#.*$/, ''));
    const index = page.getByRole('region', { name: '信息索引' });
    await expect(index).toBeVisible();
    const row = (term: string) => index.locator('div').filter({ has: page.locator('dt', { hasText: term }) }).locator('dd');
    if (notice.docNumber !== null) await expect(row('文号')).toHaveText(notice.docNumber);
    for (const [field, term] of [['writtenDate', '成文日期'], ['publishedDate', '发布日期']] as const) {
      const iso = meta[field];
      if (typeof iso === 'string') await expect(row(term).locator('time')).toHaveAttribute('datetime', iso);
      else if (field === 'publishedDate') await expect(row(term)).toHaveText('本站未登记');
    }
    const source = meta['source'];
    if (typeof source === 'string') await expect(row('正式文本').getByRole('link')).toHaveAttribute('href', source);
    else await expect(row('正式文本')).toContainText('官方发布地址本站未登记');
    await expect(row('正式文本')).toContainText('正式印发的文本为准');
  }
});

test('the document page gives a GB/T 7714 reference, copied with today as the access date', async ({ page, baseURL }) => {
  await page.goto('/luozheng-2022-62/');
  const section = page.getByRole('region', { name: '引用本文件' });
  // The document's address where the page is served (built without SITE_URL, the page names that).
  const address = new URL('/luozheng-2022-62/', page.url()).href;
  const reference = `洛阳市人民政府. 洛阳市人民政府关于印发洛阳市妇女发展规划（2021—2030年）和洛阳市儿童发展规划（2021—2030年）的通知: 洛政〔2022〕62号[EB/OL]. (2022-12-29)[引用日期]. ${address}.`;
  await expect(section.getByText(reference, { exact: true })).toBeVisible();
  await expect(section).toContainText('[引用日期] 处填写您查阅本页的日期');

  await clearClipboard(page);
  await section.getByRole('button', { name: '复制参考文献' }).click();
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await expect(section.getByRole('status')).toHaveText(`已复制参考文献（引用日期 ${today}）`);
  expect(await readClipboard(page)).toBe(reference.replace('[引用日期]', `[${today}]`));

  // The notice itself is a unit with its own short citation.
  const notice = clause('notice');
  await clearClipboard(page);
  await unitArticle(page, notice).getByRole('button', { name: '复制引用' }).click();
  await expect(unitArticle(page, notice).getByRole('status')).toHaveText('已复制引用');
  expect(await readClipboard(page)).toBe(asServed(notice.citation, baseURL));
});

test('reading pages load little JavaScript, all of it from this site', async ({ page, request, baseURL }) => {
  const origin = new URL(baseURL ?? '').origin;
  for (const url of ['/luozheng-2022-62/', '/luozheng-2022-62/p1/d1/', '/luozheng-2022-62/p1/d1/g2/', '/luozheng-2022-62/p2/d7/m14/']) {
    await page.goto(url, { waitUntil: 'networkidle' });
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(loaded.filter((u) => new URL(u).origin !== origin), `requests to other hosts from ${url}`).toEqual([]);
    const scripts = loaded.filter((u) => /\.m?js$/.test(new URL(u).pathname));
    let bytes = 0;
    for (const script of scripts) bytes += (await (await request.get(script, { failOnStatusCode: true })).body()).length;
    expect(scripts.length, `scripts on ${url}`).toBeGreaterThan(0);
    expect(bytes, `bytes of JavaScript on ${url}`).toBeLessThan(25 * 1024);
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the citation and the reference are on the page to read and select, and no dead buttons show', async ({ page }) => {
    const goal = clause('p1.d1.g2');
    await page.goto('/luozheng-2022-62/p1/d1/g2/');
    const article = page.getByRole('article', { name: '主要目标第2项' });
    await expect(article.getByRole('button')).toHaveCount(0);
    await article.getByText('引用与链接').click();
    await expect(article.getByText(goal.citation, { exact: true })).toBeVisible();
    await expect(article.getByText(goal.permalink, { exact: true })).toBeVisible();

    await page.goto('/luozheng-2022-62/');
    const section = page.getByRole('region', { name: '引用本文件' });
    await expect(section.getByRole('button')).toHaveCount(0);
    await expect(section).toContainText('[EB/OL]. (2022-12-29)[引用日期]. ');
  });
});

async function outlineOf(locator: Locator): Promise<string> {
  return locator.evaluate((el) => getComputedStyle(el).outlineStyle);
}
