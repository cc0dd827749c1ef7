// /targets/ as its readers use it: on a phone each indicator stays with its bar and value, and the
// table shows indicator and value first; the page says the year the targets are for; the
// indicators several plans set stand side by side; the filters live in the address and narrow the
// chart as well as the table. Expectations come from dist/data/targets.json.
import { expect, test } from '@playwright/test';
import { planIdOf } from '../../src/model/ids';
import { indicatorKey } from '../../src/model/target';
import { siteJson } from './site';

interface Target {
  clauseId: string;
  indicator: string;
  indicatorKey: string;
  url: string;
  planTitle: string;
  domain: string;
  year: number | null;
}

const targets = siteJson<Target[]>('data/targets.json');
/** A target's plan: its ID, the first two segments of its clause's (plans of two documents share titles). */
const planOf = (t: Target) => planIdOf(t.clauseId);
const plans = [...new Set(targets.map(planOf))];

test('on a phone every indicator stays beside its bar and value, and the table starts with indicator and value', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('/targets/');
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
  await page.goto('/targets/');
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
  await page.goto('/targets/');
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
  await page.goto(`/targets/?plan=${encodeURIComponent(plan)}`);
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
