// The home page's list of documents as readers use it, on whatever site was built (one document or
// a library): each document with its 文号, 发文机关, region and level, date and plans; a library
// grouped by level (国家 → 省 → 市 → 县, then not recorded), newest first within a level. What each
// document is comes from the built site itself: data/clauses.json (its notice and plans) and its
// own page's 信息索引.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

/** The site folder under test (the lead's E2E_DIST, else dist/). */
const dist = process.env['E2E_DIST'] ?? 'dist';

interface Clause {
  id: string;
  url: string;
  kind: string;
  docNumber: string | null;
}

const clauses = JSON.parse(readFileSync(join(dist, 'data/clauses.json'), 'utf8')) as Clause[];

interface DocumentFacts {
  docNumber: string;
  url: string;
  /** From the document page's 信息索引. */
  issuer: string | null;
  place: string | null;
  level: string | null;
  date: { label: string; iso: string } | null;
  plans: string[];
}

/** Each document of the site (the first folder of its clauses' addresses) with the 信息索引 its own page shows. */
async function siteDocumentFacts(page: Page): Promise<DocumentFacts[]> {
  /** A document's page: the first folder of a clause's address, /luozheng-2022-62/. */
  const docOf = (c: Clause) => /^\/[^/]+\//.exec(c.url)?.[0] ?? '';
  const firsts = new Map<string, Clause>();
  for (const c of clauses) if (!firsts.has(docOf(c))) firsts.set(docOf(c), c);
  expect(firsts.size, 'documents in clauses.json').toBeGreaterThan(0);
  const out: DocumentFacts[] = [];
  for (const [url, n] of firsts) {
    await page.goto(url);
    const rows = await page.locator('.info-index > div').evaluateAll((divs) =>
      divs.map((d) => ({ dt: d.querySelector('dt')?.textContent ?? '', dd: d.querySelector('dd')?.textContent ?? '', iso: d.querySelector('time')?.getAttribute('datetime') ?? null })),
    );
    const row = (dt: string) => rows.find((r) => r.dt === dt);
    const published = row('发布日期');
    const written = row('成文日期');
    const date = published?.iso ? { label: '发布日期', iso: published.iso } : written?.iso ? { label: '成文日期', iso: written.iso } : null;
    const place = row('层级')?.dd ?? null;
    const prefix = url;
    const plans = [...new Set(clauses.filter((c) => c.url.startsWith(prefix)).flatMap((c) => /^\/[^/]+\/p\d+\//.exec(c.url)?.[0] ?? []))];
    out.push({ docNumber: n.docNumber ?? '', url, issuer: row('发文机关')?.dd ?? null, place, level: /(国家|省|市|县)级$/.exec(place ?? '')?.[1] ?? null, date, plans });
  }
  return out;
}

test('the home page lists each document with its 文号, 发文机关, region and level, date and plans; a library by level, newest first', async ({ page }) => {
  const docs = await siteDocumentFacts(page);
  await page.goto('/');
  const main = page.getByRole('main');
  /** The 信息索引 line of an entry: [dt, dd] pairs. */
  const facts = async (scope: Locator) =>
    scope.locator('.doc-facts').first().locator(':scope > div').evaluateAll((divs) => divs.map((d) => [d.querySelector('dt')?.textContent ?? '', d.querySelector('dd')?.textContent ?? '']));
  const expectedFacts = (d: DocumentFacts) =>
    [d.issuer === null ? null : ['发文机关', d.issuer], d.place === null ? null : ['地区', d.place], d.date === null ? null : [d.date.label, `${Number(d.date.iso.slice(0, 4))}年${Number(d.date.iso.slice(5, 7))}月${Number(d.date.iso.slice(8, 10))}日`]].filter((x) => x !== null);

  if (docs.length === 1) {
    // One document: it stands under the introduction, no list or level to choose from.
    const d = docs[0]!;
    await expect(main.getByRole('heading', { level: 2, name: d.docNumber, exact: true })).toHaveCount(1);
    await expect(main.getByRole('heading', { name: '文件', exact: true })).toHaveCount(0);
    expect(await facts(main)).toEqual(expectedFacts(d));
    for (const plan of d.plans) await expect(main.locator(`a[href="${plan}"]`).first()).toBeVisible();
    return;
  }

  const levels = ['国家', '省', '市', '县', null];
  const when = (d: DocumentFacts) => d.date?.iso ?? '';
  const expected = [...docs].sort((a, b) => levels.indexOf(a.level) - levels.indexOf(b.level) || (when(a) < when(b) ? 1 : when(a) > when(b) ? -1 : 0));
  const catalogue = main.getByRole('region', { name: '文件' });
  const groupNames = [...new Set(expected.map((d) => d.level))].map((l) => (l === null ? '层级未登记' : `${l}级`));
  await expect(catalogue.getByRole('heading', { level: 3 })).toHaveText(groupNames.map((n) => new RegExp(`^\\s*${n}`)));
  const entries = catalogue.getByRole('listitem').filter({ has: page.locator('.doc-title') });
  await expect(entries).toHaveCount(docs.length);
  // Within a level, documents of one date go by 文号; the order across levels and dates is checked here.
  const shown = await entries.locator('.doc-title a').allTextContents();
  expect(shown.map((n) => expected.findIndex((d) => d.docNumber === n)).map((i) => [levels.indexOf(expected[i]!.level), when(expected[i]!)])).toEqual(expected.map((d) => [levels.indexOf(d.level), when(d)]));
  for (const d of docs) {
    const entry = entries.filter({ has: page.getByRole('link', { name: d.docNumber, exact: true }) });
    await expect(entry.getByRole('link', { name: d.docNumber, exact: true })).toHaveAttribute('href', d.url);
    expect(await facts(entry), d.docNumber).toEqual(expectedFacts(d));
    expect(await entry.locator('ul a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), `${d.docNumber}: plans`).toEqual(d.plans);
  }
});

test('the home page’s list of documents reads on a 390 px phone without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('/');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const heading = page.getByRole('main').getByRole('heading', { level: 2 }).first();
  await expect(heading).toBeInViewport();
});

test('the home page passes axe (WCAG 2.1 AA), with one h1, no skipped heading level and regions of distinct names', async ({ page }) => {
  await page.goto('/');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  const structure = await new AxeBuilder({ page }).withRules(['heading-order', 'page-has-heading-one', 'landmark-unique', 'region']).analyze();
  expect(structure.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
});
