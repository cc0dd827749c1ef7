// A reader's path through the site, using only what a person sees (roles and names):
// home → a domain → one of its goals → back to the domain → one of its measures,
// then back up to the home page one breadcrumb at a time.
import { expect, test, type Page } from '@playwright/test';
import { planIdOf } from '../../src/model/ids';
import { library, siteJson } from './site';

const DOC = '/luozheng-2022-62/';
const PLAN = `${DOC}p1/`;
const PART = `${PLAN}part2/`;
const DOMAIN = `${PLAN}d1/`;

const DOMAIN_NAME = '妇女与健康';
const PLAN_NAME = '洛阳市妇女发展规划（2021—2030年）';
const PART_NAME = '二、发展领域、主要目标和策略措施';
const DOC_NAME = '洛政〔2022〕62号';
/** The goal's page title: its label and its short title (dist/data/clauses.json). */
const GOAL_TITLE = `主要目标第2项 ${(siteJson<{ id: string; shortTitle?: string }[]>('data/clauses.json')).find((c) => c.id === 'luozheng-2022-62.p1.d1.g2')?.shortTitle ?? ''}`;

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const main = (page: Page) => page.getByRole('main');
const breadcrumbs = (page: Page) => page.getByRole('navigation', { name: '面包屑' });
const crumb = (page: Page, name: string) => breadcrumbs(page).getByRole('link', { name });

/** The breadcrumb trail ends with the current page, marked as such. */
async function expectCurrentCrumb(page: Page, name: string | RegExp) {
  const current = breadcrumbs(page).getByRole('link').last();
  await expect(current).toHaveAttribute('aria-current', 'page');
  await expect(current).toHaveText(name);
}

test('a reader goes from the home page to a goal and a measure, and back up by the breadcrumbs', async ({ page }) => {
  // Ten page loads in one test, sharing two cores with the link crawl: allow more than the default 30 s.
  test.setTimeout(90_000);
  await test.step('home page', async () => {
    await page.goto('/');
    await expect(heading(page)).toBeVisible();
  });

  await test.step(`home → domain ${DOMAIN_NAME}`, async () => {
    // A library's home page lists the documents: the reader opens the document first.
    if (library) {
      await main(page).getByRole('link', { name: DOC_NAME, exact: true }).click();
      await expect(page).toHaveURL(DOC);
    }
    await main(page).getByRole('link', { name: DOMAIN_NAME }).click();
    await expect(page).toHaveURL(DOMAIN);
    await expect(heading(page)).toHaveText(`（一）${DOMAIN_NAME}`);
    await expectCurrentCrumb(page, `（一）${DOMAIN_NAME}`);
    await expect(main(page).getByRole('heading', { name: '主要目标', exact: true })).toBeVisible();
    await expect(main(page).getByRole('heading', { name: '策略措施', exact: true })).toBeVisible();
  });

  await test.step('domain → its 2nd goal', async () => {
    const goal = main(page).getByRole('article', { name: '主要目标第2项' });
    await expect(goal).toContainText('luozheng-2022-62.p1.d1.g2'); // the unit shows its ID
    await goal.getByRole('heading').getByRole('link', { name: '主要目标第2项' }).click();
    await expect(page).toHaveURL(`${DOMAIN}g2/`);
    await expect(heading(page)).toHaveText(GOAL_TITLE);
    await expect(main(page).getByRole('article', { name: '主要目标第2项' })).toContainText('luozheng-2022-62.p1.d1.g2');
    await expectCurrentCrumb(page, GOAL_TITLE);
  });

  await test.step('goal → back to the domain by the breadcrumbs → its 3rd measure', async () => {
    await crumb(page, DOMAIN_NAME).click();
    await expect(page).toHaveURL(DOMAIN);
    const measure = main(page).getByRole('article', { name: /^策略措施第3项/ });
    await expect(measure).toContainText('luozheng-2022-62.p1.d1.m3');
    await measure.getByRole('heading').getByRole('link', { name: /^策略措施第3项/ }).click();
    await expect(page).toHaveURL(`${DOMAIN}m3/`);
    await expect(heading(page)).toHaveText(/^策略措施第3项/);
    await expect(main(page).getByRole('article', { name: /^策略措施第3项/ })).toContainText('luozheng-2022-62.p1.d1.m3');
  });

  await test.step('measure → domain → part → plan → document → home, by the breadcrumbs', async () => {
    const trail: [name: string, url: string, h1: string | RegExp][] = [
      [DOMAIN_NAME, DOMAIN, `（一）${DOMAIN_NAME}`],
      [PART_NAME, PART, PART_NAME],
      [PLAN_NAME, PLAN, PLAN_NAME],
      [DOC_NAME, DOC, /^关于印发洛阳市妇女发展规划/],
    ];
    for (const [name, url, h1] of trail) {
      await crumb(page, name).click();
      await expect(page).toHaveURL(url);
      await expect(heading(page)).toHaveText(h1);
      await expect(breadcrumbs(page).getByRole('link').last()).toHaveAttribute('aria-current', 'page');
    }
    await crumb(page, '首页').click();
    await expect(page).toHaveURL('/');
  });
});

test('previous/next into the other plan says so; within a plan it does not', async ({ page }) => {
  const clauses = siteJson<{ id: string; kind: string; planTitle: string | null }[]>('data/clauses.json');
  const plans = [...new Map(clauses.filter((c) => c.kind === 'goal').map((c) => [planIdOf(c.id), c.planTitle ?? ''])).entries()];
  test.skip(plans.length < 2, 'one plan');
  const [[, firstTitle], [secondId]] = plans as [[string, string], [string, string]];
  await page.goto(`/${secondId.split('.').join('/')}/`);
  const nav = page.getByRole('navigation', { name: '上一页/下一页' });
  await expect(nav.locator('a[rel="prev"]')).toContainText(`进入另一规划：《${firstTitle}》`);
  await expect(nav.locator('a[rel="next"]')).not.toContainText('进入另一规划');
});

test('an actor page has one breadcrumb trail', async ({ page }) => {
  await page.goto('/actors/');
  await page.locator('main a[href^="/actors/"]').first().click();
  await expect(page.getByRole('navigation', { name: /面包屑|位置/ })).toHaveCount(1);
});

test('a goal’s own page does not repeat its title above its text', async ({ page }) => {
  await page.goto(`${DOMAIN}g2/`);
  const article = main(page).getByRole('article', { name: /^主要目标第2项/ });
  await expect(article.getByRole('heading')).toHaveCount(1);
  await expect(article.getByRole('heading')).not.toBeInViewport();
  await expect(article.getByRole('link', { name: /本条链接/ })).toHaveCount(0);
});
