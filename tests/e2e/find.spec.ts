// Finding things without searching (issue 14): the open data page links every published file, a
// goal's page is titled by its short title, and no page shows a build path. Expectations come from
// what the build wrote (dist/).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { siteFile, siteJson } from './site';

interface Clause {
  id: string;
  url: string;
  kind: string;
  text: string;
  shortTitle?: string;
}

const clauses = siteJson<Clause[]>('data/clauses.json');

/** Every file under a folder of dist/, as a path relative to dist/. */
function filesUnder(dir: string): string[] {
  return readdirSync(siteFile(dir)).flatMap((name) => {
    const rel = path.posix.join(dir, name);
    return statSync(siteFile(rel)).isDirectory() ? filesUnder(rel) : [rel];
  });
}

test('the open data page links every file in /data/, and each link downloads it', async ({ page, request }) => {
  await page.goto('/data/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('开放数据');
  const links = (await page.locator('main a[href^="/data/"]').evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''))).filter((h) => h !== '/data/');
  const published = filesUnder('data').filter((f) => f !== 'data/index.html');
  expect(published.length).toBeGreaterThan(5);
  expect(new Set(links)).toEqual(new Set(published.map((f) => `/${f}`)));
  for (const href of links.slice(0, 8)) expect((await request.get(href)).ok(), href).toBe(true);
});

test('the footer, the home page, 量化目标 and 职责索引 link to the open data', async ({ page }) => {
  for (const url of ['/', '/targets/', '/actors/', '/departments/breakdown/']) {
    await page.goto(url);
    await expect(page.locator('a[href="/data/"]').first(), url).toBeVisible();
  }
});

test('a goal’s page title and heading carry its short title, made of its own text', async ({ page }) => {
  const goals = clauses.filter((c) => c.kind === 'goal');
  expect(goals.length).toBeGreaterThan(0);
  for (const goal of goals) {
    expect(goal.shortTitle, goal.id).toBeTruthy();
    const chars = [...(goal.shortTitle ?? '')];
    expect(chars.every((ch) => goal.text.includes(ch)), goal.id).toBe(true);
  }
  const goal = goals[Math.floor(goals.length / 2)] as Clause;
  await page.goto(goal.url);
  await expect(page).toHaveTitle(new RegExp(goal.shortTitle?.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') ?? ''));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(goal.shortTitle ?? '');
});

test('no page shows a build path (seeds/…)', () => {
  const pages = filesUnder('.').filter((f) => f.endsWith('.html'));
  expect(pages.length).toBeGreaterThan(10);
  const showing = pages.filter((f) => readFileSync(siteFile(f), 'utf8').includes('seeds/'));
  expect(showing).toEqual([]);
});

test('/topics/ lists at least 12 everyday topics, each listing every clause that holds one of its terms', async ({ page }) => {
  const { topics } = JSON.parse(readFileSync('src/data/topics.json', 'utf8')) as { topics: { slug: string; name: string; terms: string[] }[] };
  expect(topics.length).toBeGreaterThanOrEqual(12);
  await page.goto('/');
  await page.getByRole('link', { name: '专题' }).first().click();
  await expect(page).toHaveURL(/\/topics\/$/);
  for (const t of topics) await expect(page.getByRole('link', { name: t.name, exact: true })).toBeVisible();
  const listed = new Set(['goal', 'measure', 'implementation', 'monitoring']);
  const flat = (s: string) => s.normalize('NFKC').replace(/\s/gu, '');
  for (const t of [topics[0], topics.at(-1)]) {
    if (t === undefined) continue;
    const expected = clauses.filter((c) => listed.has(c.kind) && t.terms.some((term) => flat(c.text).includes(flat(term)))).map((c) => c.url);
    await page.goto(`/topics/${t.slug}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.name);
    const links = await page.locator('main ul a').evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
    expect(links).toEqual(expected);
  }
});

test('网站地图 is a page for people: every document, plan and domain, and the tools, linked from every footer', async ({ page }) => {
  const clauses = siteJson<{ kind: string; url: string; planTitle: string | null; domain: string | null }[]>('data/clauses.json');
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: '网站地图' }).click();
  await expect(page).toHaveURL(/\/sitemap\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('网站地图');
  const hrefs = new Set(await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '')));
  const domains = new Set(clauses.filter((c) => c.kind === 'goal').map((c) => c.url.replace(/g\d+\/$/, '')));
  expect(domains.size).toBeGreaterThan(0);
  for (const d of domains) expect(hrefs.has(d), `domain ${d}`).toBe(true);
  for (const tool of ['/targets/', '/departments/', '/actors/', '/topics/', '/data/', '/search/']) expect(hrefs.has(tool), tool).toBe(true);
});
