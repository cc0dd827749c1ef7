// The targets' chart and table as their readers use them (/targets/, or in a library each
// document's /<doc>/targets/): on a phone each indicator stays with its bar and value, and the
// table shows indicator and value first; the page says the year the targets are for; the
// indicators several plans set stand side by side; the filters live in the address and narrow the
// chart as well as the table. In a library, /targets/ lists the documents' pages and compares the
// indicators across documents. Expectations come from the site's data/targets.json.
import { expect, test } from '@playwright/test';
import { docSlugOf, planIdOf } from '../../src/model/ids';
import { indicatorKey, targetValue, type Comparator } from '../../src/model/target';
import { library, siteJson, targetsTable } from './site';

interface Target {
  clauseId: string;
  indicator: string;
  indicatorKey: string;
  url: string;
  planTitle: string;
  domain: string;
  year: number | null;
  indicatorUrl: string;
  value: number;
  unit: string;
  comparator: Comparator;
}

const all = siteJson<Target[]>('data/targets.json');
/** The targets of the page under test (targetsTable.path). */
const targets = all.filter(targetsTable.holds);
/** A target's plan: its ID, the first two segments of its clause's (plans of two documents share titles). */
const planOf = (t: Target) => planIdOf(t.clauseId);
const plans = [...new Set(targets.map(planOf))];

test('on a phone every indicator stays beside its bar and value, and the table starts with indicator and value', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(targetsTable.path);
  const rows = page.locator('.targets-chart .row[data-plan]');
  expect(await rows.count()).toBe(targets.length);
  const off = await rows.evaluateAll((els) =>
    els.flatMap((row) => {
      const parts = [row.querySelector('.label'), row.querySelector('.value')];
      return parts.some((p) => p === null || p.getBoundingClientRect().right > document.documentElement.clientWidth || p.getBoundingClientRect().left < 0)
        ? [row.querySelector('.label')?.textContent ?? '']
        : [];
    }),
  );
  expect(off, 'chart rows whose label or value leaves the screen').toEqual([]);
  const headers = await page.locator('#targets-table thead th').allTextContents();
  expect(headers[0]).toBe('指标');
  expect(headers[1]).toMatch(/目标值$/);
});

test('the page says which year the targets are for', async ({ page }) => {
  const years = [...new Set(targets.map((t) => t.year))];
  test.skip(years.length !== 1 || years[0] === null, 'targets of several years are labelled row by row');
  await page.goto(targetsTable.path);
  await expect(page.locator('main .intro').first()).toContainText(`到${years[0]}年`);
  await expect(page.getByRole('columnheader', { name: `${years[0]}年目标值` })).toBeVisible();
});

test('indicators that several plans set are compared side by side, each value linked to its clause', async ({ page }) => {
  const byKey = new Map<string, Target[]>();
  for (const t of targets) {
    expect(t.indicatorKey).toBe(indicatorKey(t.indicator));
    byKey.set(t.indicatorKey, [...(byKey.get(t.indicatorKey) ?? []), t]);
  }
  const shared = [...byKey.values()].filter((ts) => new Set(ts.map(planOf)).size > 1);
  test.skip(shared.length === 0, 'no indicator is set by more than one plan');
  await page.goto(targetsTable.path);
  const table = page.locator('#shared-table');
  await expect(table.locator('tbody tr')).toHaveCount(shared.length);
  for (const ts of shared) {
    const row = table.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: ts[0]?.indicator ?? '', exact: true }) });
    await expect(row).toHaveCount(1);
    for (const t of ts) await expect(row.locator(`a[href="${t.url}"]`)).toHaveCount(1);
  }
});

test('the filters are in the address and narrow the chart and the table; Back undoes them', async ({ page }) => {
  test.skip(plans.length < 2, 'one plan: nothing to filter');
  const plan = plans[1] ?? '';
  const mine = targets.filter((t) => planOf(t) === plan);
  await page.goto(`${targetsTable.path}?plan=${encodeURIComponent(plan)}`);
  await expect(page.getByRole('combobox', { name: '规划' })).toHaveValue(plan);
  const chartRows = page.locator('.targets-chart .row[data-plan]');
  await expect(chartRows.filter({ visible: true })).toHaveCount(mine.length);
  await expect(page.locator('#targets-table tbody tr').filter({ visible: true })).toHaveCount(mine.length);
  for (const p of await chartRows.filter({ visible: true }).evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-plan')))])) expect(p).toBe(plan);

  const domain = mine[0]?.domain ?? '';
  await page.getByRole('combobox', { name: '领域' }).selectOption(domain);
  await expect(page).toHaveURL((u) => u.searchParams.get('domain') === domain && u.searchParams.get('plan') === plan);
  const inDomain = mine.filter((t) => t.domain === domain).length;
  await expect(chartRows.filter({ visible: true })).toHaveCount(inDomain);
  await expect(page.locator('.targets-chart .domain').filter({ visible: true })).toHaveCount(1);

  await page.goBack();
  await expect(page.getByRole('combobox', { name: '领域' })).toHaveValue('');
  await expect(chartRows.filter({ visible: true })).toHaveCount(mine.length);
});

test('in a library, /targets/ leads to each document’s targets and compares the indicators across documents', async ({ page }) => {
  test.skip(!library, 'one document: /targets/ holds its chart and table');
  await page.goto('/targets/');
  await expect(page.locator('#targets-table')).toHaveCount(0);
  const documents = [...new Set(all.map((t) => docSlugOf(t.clauseId)))];
  const listed = page.getByRole('main').locator('.document-list li');
  const links = await listed.getByRole('link').evaluateAll((els) => els.map((a) => a.getAttribute('href') ?? ''));
  expect(links).toEqual(documents.map((d) => `/${d}/targets/`));
  for (const [i, doc] of documents.entries()) await expect(listed.nth(i)).toContainText(`${all.filter((t) => docSlugOf(t.clauseId) === doc).length}项量化目标`);

  const byKey = new Map<string, Target[]>();
  for (const t of all) byKey.set(t.indicatorKey, [...(byKey.get(t.indicatorKey) ?? []), t]);
  const rows = page.locator('#indicators-table tbody tr');
  await expect(rows).toHaveCount(byKey.size);
  const shown = await rows.evaluateAll((trs) => trs.map((tr) => ({ href: tr.querySelector('th a')?.getAttribute('href') ?? '', cells: [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '') })));
  const documentsOf = (ts: Target[]) => new Set(ts.map((t) => docSlugOf(t.clauseId))).size;
  for (const row of shown) {
    const ts = [...byKey.values()].find((x) => x[0]?.indicatorUrl === row.href);
    expect(ts, row.href).toBeDefined();
    const values = new Set(ts!.map((t) => targetValue(t)));
    expect(row.cells.slice(0, 2), row.href).toEqual([String(documentsOf(ts!)), String(new Set(ts!.map(planOf)).size)]);
    expect(new Set(row.cells[2]?.split('；')), row.href).toEqual(values);
  }
  // Indicators set by more documents come first.
  const counts = shown.map((r) => Number(r.cells[0]));
  expect(counts).toEqual([...counts].sort((a, b) => b - a));

  await listed.first().getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`${links[0]}$`));
  await expect(page.locator('#targets-table tbody tr')).toHaveCount(all.filter((t) => `/${docSlugOf(t.clauseId)}/targets/` === links[0]).length);
  await expect(page.getByRole('navigation', { name: '面包屑' }).getByRole('link', { name: '量化目标' })).toHaveAttribute('href', '/targets/');
});

test('a plan’s count of targets, in its document’s overview, opens the targets of that plan', async ({ page }) => {
  const plan = plans[0] ?? '';
  const mine = targets.filter((t) => planOf(t) === plan);
  // The overview of the plans: the home page of one document; in a library, the document's own page.
  await page.goto(library ? `/${docSlugOf(plan)}/` : '/');
  await page.getByRole('link', { name: `${mine.length}项量化目标`, exact: true }).first().click();
  await expect(page).toHaveURL((u) => u.pathname === targetsTable.path && u.searchParams.get('plan') === plan);
  await expect(page.locator('#targets-table tbody tr').filter({ visible: true })).toHaveCount(mine.length);
});
