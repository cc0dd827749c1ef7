// The indicator pages (/targets/<slug>/) as readers use them, on whatever site was built (one
// document or a library): every expectation comes from the built site's own data
// (data/targets.json), and, for the fixture library, from tests/fixtures/library/README.md, which
// says what differs.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { TargetExport } from '../../src/build/10-open-data/open-data';
import { targetValue, type Comparator } from '../../src/model/target';
import { siteJson, targetsTable } from './site';

/** A row of data/targets.json (docs/contracts.md). */
type Target = TargetExport & { comparator: Comparator };

const targets = siteJson<Target[]>('data/targets.json');

/** The targets by indicator key, in the order of targets.json. */
const byKey = new Map<string, Target[]>();
for (const t of targets) byKey.set(t.indicatorKey, [...(byKey.get(t.indicatorKey) ?? []), t]);
const documents = [...new Set(targets.map((t) => t.document))];

/** A target's card on its indicator's page: the article holding the link to its clause. */
const card = (page: Page, t: Target) => page.getByRole('article').filter({ has: page.locator(`a[href="${t.url}"]`) });

test('each indicator has one page, at a URL-safe address of its own', () => {
  expect(byKey.size).toBeGreaterThan(0);
  const urls = new Map<string, string>();
  for (const [key, ts] of byKey) {
    const url = ts[0]?.indicatorUrl ?? '';
    expect(url, key).toMatch(/^\/targets\/[a-z0-9]+(?:-[a-z0-9]+)*\/$/);
    expect(new Set(ts.map((t) => t.indicatorUrl)), `${key}: one page`).toEqual(new Set([url]));
    expect(urls.get(url), `${url}: the page of one key only`).toBeUndefined();
    urls.set(url, key);
  }
});

test('an indicator’s page shows every target set for it, side by side: document, plan, value, year, clause and sentence as written', async ({ page }) => {
  test.setTimeout(180_000);
  for (const [key, ts] of byKey) {
    const first = ts[0]!;
    await page.goto(first.indicatorUrl);
    await expect(page.getByRole('heading', { level: 1 }), key).toHaveText(first.indicator);
    await expect(page.getByRole('navigation', { name: '面包屑' }).getByRole('link', { name: '量化目标' })).toHaveAttribute('href', '/targets/');
    await expect(page.getByRole('main').getByRole('article'), `${key}: one card per target`).toHaveCount(ts.length);
    for (const t of ts) {
      const c = card(page, t);
      await expect(c, `${key}: the card of ${t.clauseId}`).toHaveCount(ts.filter((u) => u.url === t.url).length);
      const mine = c.nth(ts.filter((u) => u.url === t.url).indexOf(t));
      await expect(mine.getByRole('heading', { level: 2 })).toContainText(t.planTitle);
      await expect(mine.getByRole('definition').first()).toHaveText(targetValue(t));
      if (t.year !== null) await expect(mine).toContainText(`${t.year}年`);
      await expect(mine.getByRole('link', { name: t.document, exact: true })).toHaveCount(1);
      await expect(mine.locator(`a[href="${t.url}"]`)).toContainText(t.domain);
      // The sentence, every character as the data file (and so the plan) has it.
      expect(await mine.locator('blockquote p').textContent()).toBe(t.text);
    }
  }
});

/** What tests/fixtures/library/README.md says the fixture changes: its 文号, and each changed target. */
function fixtureStatement(): { docNumber: string; changes: { indicator: string; from: string; to: string }[] } {
  const readme = readFileSync('tests/fixtures/library/README.md', 'utf8');
  const docNumber = /文号\s*[（(]([^）)]+)[）)]/.exec(readme)?.[1] ?? '';
  const list = /changed targets\s*[（(](.+?)[）)]\./s.exec(readme)?.[1] ?? '';
  const changes = list.split(/[,，]/).map((item) => {
    const m = /^\s*(\S+?)\s+(\S+)\s*→\s*(\S+?)\s*$/.exec(item.replace(/\s+/g, ' '));
    return { indicator: m?.[1] ?? '', from: m?.[2] ?? '', to: m?.[3] ?? '' };
  });
  return { docNumber, changes };
}

test('where documents set one indicator differently, its page shows each document’s value beside its clause', async ({ page }) => {
  // The same clause of two documents (same plan, domain and item): ID without the document slug.
  const place = (t: Target) => t.clauseId.split('.').slice(1).join('.');
  const differing = [...byKey].flatMap(([key, ts]) =>
    [...new Set(ts.map(place))].flatMap((at) => {
      const same = ts.filter((t) => place(t) === at);
      return new Set(same.map((t) => targetValue(t))).size > 1 ? [{ key, targets: same }] : [];
    }),
  );
  test.skip(documents.length < 2, 'one document: nothing differs between documents');

  const fixture = fixtureStatement();
  if (documents.includes(fixture.docNumber)) {
    // The fixture library: what differs is what its README says, and nothing else.
    expect(fixture.changes.length, 'changes listed in the fixture README').toBeGreaterThan(0);
    expect(differing.map((d) => d.targets[0]?.indicator).sort()).toEqual(fixture.changes.map((c) => c.indicator).sort());
    for (const change of fixture.changes) {
      const d = differing.find((x) => x.targets[0]?.indicator === change.indicator)!;
      const numberAndUnit = (t: Target) => `${t.value}${t.unit}`;
      expect(d.targets.find((t) => t.document === fixture.docNumber)?.value, change.indicator).toBe(parseFloat(change.to));
      expect(d.targets.filter((t) => t.document !== fixture.docNumber).map(numberAndUnit), change.indicator).toEqual([change.from]);
    }
  }
  for (const d of differing) {
    await page.goto(d.targets[0]!.indicatorUrl);
    await expect(page.getByRole('main')).toContainText('目标值不同');
    for (const t of d.targets) {
      const c = card(page, t);
      await expect(c, `${d.key} in ${t.document}`).toHaveCount(1);
      await expect(c.getByRole('link', { name: t.document, exact: true })).toHaveCount(1);
      await expect(c.getByRole('definition').first()).toHaveText(targetValue(t));
      await expect(c.locator('blockquote')).toContainText(`${t.value}${t.unit}`);
    }
  }
});

test('the targets table links each indicator, in the table and the comparison, to its page', async ({ page }) => {
  const shown = targets.filter(targetsTable.holds);
  await page.goto(targetsTable.path);
  const table = page.locator('#targets-table');
  const hrefs = await table.locator('tbody tr').evaluateAll((rows) =>
    rows.sort((a, b) => Number(a.getAttribute('data-order')) - Number(b.getAttribute('data-order'))).map((r) => r.querySelector('th a')?.getAttribute('href') ?? ''),
  );
  expect(hrefs).toEqual(shown.map((t) => t.indicatorUrl));
  const first = shown[0]!;
  await table.getByRole('rowheader').first().getByRole('link', { name: first.indicator }).click();
  await expect(page).toHaveURL(first.indicatorUrl);

  await page.goto(targetsTable.path);
  const shared = page.locator('#shared-table tbody th');
  for (const th of await shared.all()) {
    const name = (await th.textContent()) ?? '';
    const ts = [...byKey.values()].find((x) => x[0]?.indicator === name);
    expect(ts, `comparison row ${name}`).toBeDefined();
    await expect(th.getByRole('link')).toHaveAttribute('href', ts![0]!.indicatorUrl);
  }
});

test('a goal or measure that sets a target links to its indicator’s page', async ({ page }) => {
  test.setTimeout(120_000);
  for (const url of [...new Set(targets.map((t) => t.url))]) {
    await page.goto(url);
    const section = page.getByRole('main').locator('section').filter({ has: page.getByRole('heading', { name: '本条的量化目标' }) });
    for (const t of targets.filter((x) => x.url === url)) {
      await expect(section.getByRole('link', { name: t.indicator, exact: true }), `${url}: ${t.indicator}`).toHaveAttribute('href', t.indicatorUrl);
    }
  }
});

test('both sitemaps list every indicator’s page', async ({ page, request }) => {
  const xml = await (await request.get('/sitemap.xml')).text();
  const listed = new Set([...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname));
  await page.goto('/sitemap/');
  for (const ts of byKey.values()) {
    const t = ts[0]!;
    expect(listed.has(t.indicatorUrl), `sitemap.xml: ${t.indicatorUrl}`).toBe(true);
    await expect(page.getByRole('main').getByRole('link', { name: t.indicator, exact: true })).toHaveAttribute('href', t.indicatorUrl);
  }
});

/** The indicator set most often: the page with the most cards. */
const busiest = [...byKey.values()].sort((a, b) => b.length - a.length)[0]!;

test('an indicator’s page reads on a 390 px phone (one card under another) and side by side on a 1280 px screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(busiest[0]!.indicatorUrl);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const boxes = async () => Promise.all((await page.getByRole('article').all()).map(async (a) => (await a.boundingBox())!));
  const phone = await boxes();
  for (let i = 1; i < phone.length; i++) expect(phone[i]!.y, 'on a phone each card under the one before').toBeGreaterThan(phone[i - 1]!.y + phone[i - 1]!.height - 1);
  await page.setViewportSize({ width: 1280, height: 900 });
  const wide = await boxes();
  if (wide.length > 1) expect(Math.abs(wide[0]!.y - wide[1]!.y), 'on a wide screen the first two cards side by side').toBeLessThan(1);
});

test('an indicator’s page passes axe (WCAG 2.1 AA), with one h1, no skipped heading level and named regions', async ({ page }) => {
  for (const path of [busiest[0]!.indicatorUrl]) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`), path).toEqual([]);
    const structure = await new AxeBuilder({ page }).withRules(['heading-order', 'page-has-heading-one', 'landmark-unique', 'region']).analyze();
    expect(structure.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`), path).toEqual([]);
  }
});
