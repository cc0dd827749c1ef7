// Cross-links, the responsibilities index and the targets table, as a reader follows them.
import { expect, test } from '@playwright/test';
import { targetsTable } from './site';

test('from a goal to a measure that carries it out, and back to the goal', async ({ page }) => {
  await page.goto('/luozheng-2022-62/p1/d1/g3/');
  const related = page.getByRole('region', { name: '落实本目标的策略措施' });
  await expect(related).toContainText('共同要点：宫颈癌');
  await related.getByRole('link', { name: /策略措施第5项 完善宫颈癌和乳腺癌综合防治体系/ }).click();
  await expect(page).toHaveURL(/\/p1\/d1\/m5\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('策略措施第5项');
  const goals = page.getByRole('region', { name: '本措施服务的主要目标' });
  await goals.getByRole('link', { name: /主要目标第3项/ }).click();
  await expect(page).toHaveURL(/\/p1\/d1\/g3\/$/);
});

test("from a body's page to a clause that names it", async ({ page }) => {
  await page.goto('/actors/');
  await page.getByRole('link', { name: /^妇联/ }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('妇联');
  const first = page.locator('main mark').first();
  await expect(first).toHaveText(/妇联/);
  const clause = page.locator('main').getByRole('link', { name: /策略措施第\d+项/ }).first();
  const href = await clause.getAttribute('href');
  await clause.click();
  await expect(page).toHaveURL(new RegExp(`${(href ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await expect(page.locator('article[data-unit-id]').first()).toContainText('妇联');
});

test('the targets table lists each target with a link to its clause, and filters by plan', async ({ page }) => {
  await page.goto(targetsTable.path);
  await expect(page.getByRole('img').first()).toBeVisible();
  const rows = page.getByRole('table', { name: /^各规划主要目标和策略措施中的量化目标/ }).locator('tbody tr');
  const all = await rows.count();
  expect(all).toBeGreaterThanOrEqual(50);
  const maternal = rows.filter({ hasText: '孕产妇死亡率' }).first();
  await expect(maternal).toContainText('12/10万');
  await maternal.getByRole('link', { name: /第\d+项/ }).click();
  await expect(page).toHaveURL(/\/p1\/d1\/g2\/$/);
  await page.goBack();
  const plan = page.getByRole('combobox', { name: /规划/ });
  await plan.selectOption({ index: 2 });
  await expect.poll(async () => rows.filter({ visible: true }).count()).toBeLessThan(all);
});
