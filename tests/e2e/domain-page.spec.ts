// A domain page as a reader uses it: one reading column (goals, then measures), each headed by a
// link to its own page; on a desktop the table of contents comes before the content in the tab
// order and marks the section being read; each clause costs three tab stops. The domain is the
// first one of dist/data/clauses.json.
import { expect, test } from '@playwright/test';
import { siteJson } from './site';

interface Clause {
  id: string;
  kind: string;
  url: string;
  label: string;
  shortTitle: string | null;
}

const clauses = siteJson<Clause[]>('data/clauses.json');
const first = clauses.find((c) => c.kind === 'goal') as Clause;
const domainUrl = first.url.replace(/g\d+\/$/, '');
const goals = clauses.filter((c) => c.kind === 'goal' && c.url.startsWith(domainUrl));
const measures = clauses.filter((c) => c.kind === 'measure' && c.url.startsWith(domainUrl));

test('goals and measures are one column: the measures follow the goals, at the same left edge', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(domainUrl);
  const goalBox = await page.locator(`article[data-unit-id="${goals[0]?.id}"]`).boundingBox();
  const lastGoal = await page.locator(`article[data-unit-id="${goals.at(-1)?.id}"]`).boundingBox();
  const measureBox = await page.locator(`article[data-unit-id="${measures[0]?.id}"]`).boundingBox();
  expect(goalBox && lastGoal && measureBox).toBeTruthy();
  expect(measureBox!.x).toBe(goalBox!.x);
  expect(measureBox!.y).toBeGreaterThan(lastGoal!.y + lastGoal!.height);
});

test('each clause is headed by a link to its own page, named by its short title', async ({ page }) => {
  await page.goto(domainUrl);
  for (const goal of goals) {
    const link = page.locator(`article[data-unit-id="${goal.id}"]`).getByRole('heading').getByRole('link');
    await expect(link).toHaveAttribute('href', goal.url);
    await expect(link).toHaveText(`${goal.label} ${goal.shortTitle ?? ''}`.trim());
  }
});

test('on a desktop, Tab reaches the table of contents before the first clause, and each clause takes three stops', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(domainUrl);
  const toc = page.getByRole('navigation', { name: '本页目录' });
  await expect(toc).toBeVisible();
  const stops: string[] = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    stops.push(
      await page.evaluate(() => {
        const el = document.activeElement;
        const inToc = el?.closest('nav[aria-label="本页目录"]') !== null;
        const unit = el?.closest('article[data-unit-id]')?.getAttribute('data-unit-id');
        return inToc ? 'toc' : unit ? `unit:${unit}` : 'other';
      }),
    );
  }
  const firstToc = stops.indexOf('toc');
  const firstUnit = stops.findIndex((s) => s.startsWith('unit:'));
  expect(firstToc).toBeGreaterThanOrEqual(0);
  expect(firstToc).toBeLessThan(firstUnit);
  expect(stops.filter((s) => s === `unit:${goals[0]?.id}`)).toHaveLength(3);
  expect(stops.filter((s) => s === `unit:${goals[1]?.id}`)).toHaveLength(3);
});

test('the table of contents marks the section being read', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(domainUrl);
  const toc = page.getByRole('navigation', { name: '本页目录' });
  const measure = measures[Math.floor(measures.length / 2)] as Clause;
  await page.locator(`article[data-unit-id="${measure.id}"]`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const anchor = measure.url.replace(/\/$/, '').split('/').at(-1) ?? '';
  await expect(toc.locator('[aria-current="location"]')).toHaveAttribute('href', `#${anchor}`);
  await expect(toc.locator('[aria-current="location"]')).toHaveCount(1);
  await expect(toc.locator('[aria-current="location"]')).toBeInViewport();
});
