// Accessibility (WCAG 2.1 AA) of every page type, as the browser renders it: an axe-core sweep in
// the light and the dark colour scheme, the page's landmarks and heading outline, then the keyboard:
// the skip link, visible focus, `/`, the search filters, the targets table and the table of contents.
import AxeBuilder from '@axe-core/playwright';
import type { Result } from 'axe-core';
import { expect, test, type Page } from '@playwright/test';
import { contrastRatio } from '../shared/contrast';
import { library, targetsTable } from './site';

// axe-core takes seconds per page, and the tests share two cores with the preview servers.
test.describe.configure({ timeout: 120_000 });

/** Every kind of page the site has, in the state a reader sees it. */
const pageTypes: { name: string; path: string; ready?: (page: Page) => Promise<void> }[] = [
  { name: 'home', path: '/' },
  { name: 'document (notice)', path: '/luozheng-2022-62/' },
  { name: 'plan', path: '/luozheng-2022-62/p1/' },
  { name: 'whole plan', path: '/luozheng-2022-62/p1/full/' },
  { name: 'part', path: '/luozheng-2022-62/p1/part1/' },
  { name: 'domain', path: '/luozheng-2022-62/p1/d1/' },
  { name: 'goal', path: '/luozheng-2022-62/p1/d1/g3/' },
  { name: 'measure', path: '/luozheng-2022-62/p1/d1/m5/' },
  // A search result's link: the unit is the :target and the match is marked on arrival.
  { name: 'clause reached from a search result', path: `/luozheng-2022-62/p1/part4/?hl=${encodeURIComponent('监测组')}#i2`, ready: async (page) => void (await expect(page.locator('mark.arrival-hit').first()).toBeVisible()) },
  { name: 'targets', path: targetsTable.path, ready: async (page) => void (await expect(page.locator('#targets-filters')).toBeVisible()) },
  // A library's /targets/ compares the documents; each document's chart and table are above.
  ...(library ? [{ name: 'targets of a library', path: '/targets/' }] : []),
  { name: 'actors index', path: '/actors/' },
  { name: 'actor', path: '/actors/fulian/' },
  { name: 'departments index', path: '/departments/' },
  { name: 'department', path: '/departments/weijian/' },
  { name: '任务分解表', path: '/departments/breakdown/' },
  { name: 'open data', path: '/data/' },
  { name: 'topics', path: '/topics/' },
  { name: 'topic', path: '/topics/jinshi/' },
  { name: 'site map (for people)', path: '/sitemap/' },
  { name: 'search naming a department', path: `/search/?q=${encodeURIComponent('人社局 就业')}`, ready: searchDone(true) },
  { name: 'search with results', path: `/search/?q=${encodeURIComponent('家暴')}`, ready: searchDone(true) },
  { name: 'search as asked (a question with a typing error: the correction and its link)', path: `/search/?q=${encodeURIComponent('母婴式在哪里')}`, ready: searchDone(true) },
  { name: 'search in English', path: `/search/?q=${encodeURIComponent('domestic violence')}`, ready: searchDone(true) },
  { name: 'search without results (suggestions)', path: `/search/?q=${encodeURIComponent('溺毙')}`, ready: searchDone(false) },
  { name: '404', path: '/no-such-page/' },
];

function searchDone(withResults: boolean) {
  return async (page: Page) => {
    const list = page.locator('#search-results');
    await expect(list).toHaveAttribute('data-search-state', 'done');
    await expect(list).toHaveAttribute('data-excerpts-state', 'done');
    if (withResults) await expect(list.locator('[data-result-id] mark').first()).toBeVisible();
    else await expect(page.locator('#search-suggestions').getByRole('link').first()).toBeVisible();
  };
}

async function open(page: Page, type: (typeof pageTypes)[number]): Promise<void> {
  const response = await page.goto(type.path);
  expect(response?.status(), type.path).toBe(type.name === '404' ? 404 : 200);
  await type.ready?.(page);
}

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One line per failing element: rule, impact, what is wrong, where, and axe's help page. */
function describe(violations: readonly Result[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map((node) => {
      const why = node.failureSummary?.replace(/\s+/g, ' ').trim() ?? '';
      return `[${v.impact ?? 'unknown'}] ${v.id}: ${v.help}\n    at ${node.target.join(' ')}\n    ${node.html.slice(0, 200)}\n    ${why}\n    ${v.helpUrl}`;
    }),
  );
}

test.describe('axe-core, WCAG 2.1 A and AA', () => {
  for (const type of pageTypes) {
    test(`${type.name}: no serious or critical violation`, async ({ page }) => {
      await open(page, type);
      const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
      const severe = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(describe(severe), `${type.path}: serious or critical axe-core violations`).toEqual([]);
      // Less severe ones are reported with the test, so they are seen, but do not fail it.
      for (const line of describe(results.violations.filter((v) => !severe.includes(v)))) test.info().annotations.push({ type: 'axe-core (moderate or minor)', description: line });
      expect(results.passes.length, 'axe-core ran its checks').toBeGreaterThan(10);
    });
  }
});

// The dark scheme changes colours only, so it is checked for what colours decide.
test.describe('axe-core, dark colour scheme: contrast', () => {
  test.use({ colorScheme: 'dark' });
  for (const type of pageTypes) {
    test(`${type.name}: no serious or critical violation`, async ({ page }) => {
      await open(page, type);
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
      const results = await new AxeBuilder({ page }).withRules(['color-contrast', 'link-in-text-block']).analyze();
      const severe = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(describe(severe), `${type.path} (dark): serious or critical axe-core violations`).toEqual([]);
    });
  }
});

// axe-core files heading order, landmarks and the skip link under best practice, not under a WCAG
// tag; the site holds itself to them (1.3.1, 2.4.1, 2.4.6), so these fail at any impact.
const structureRules = [
  'bypass',
  'heading-order',
  'page-has-heading-one',
  'empty-heading',
  'landmark-one-main',
  'landmark-unique',
  'landmark-no-duplicate-banner',
  'landmark-no-duplicate-contentinfo',
  'landmark-no-duplicate-main',
  'landmark-banner-is-top-level',
  'landmark-contentinfo-is-top-level',
  'landmark-main-is-top-level',
  'landmark-complementary-is-top-level',
  'region',
  'skip-link',
  'html-has-lang',
  'html-lang-valid',
  'valid-lang',
];

for (const type of pageTypes) {
  test(`${type.name}: landmarks, heading outline and language`, async ({ page }) => {
    await open(page, type);
    const results = await new AxeBuilder({ page }).withRules(structureRules).analyze();
    expect(describe(results.violations), `${type.path}: structure`).toEqual([]);

    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('banner')).toHaveCount(1);
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(page.getByRole('contentinfo')).toHaveCount(1);
    await expect(page.getByRole('navigation', { name: '网站导航' })).toHaveCount(1);
    await expect(page.getByRole('search')).toHaveCount(1);
    // Every navigation landmark is named, so a screen reader's landmark list tells them apart.
    for (const nav of await page.locator('nav').all()) expect(await nav.getAttribute('aria-label'), await nav.evaluate((e) => e.outerHTML.slice(0, 120))).toBeTruthy();

    // The outline a screen reader lists: one h1, first, and no level skipped on the way down.
    const levels = await page.locator('h1, h2, h3, h4, h5, h6').filter({ visible: true }).evaluateAll((hs) => hs.map((h) => `${h.tagName[1]} ${(h.textContent ?? '').trim().slice(0, 30)}`));
    expect(levels[0], `${type.path}: the first heading`).toMatch(/^1 /);
    const skipped = levels.filter((h, i) => i > 0 && Number(h[0]) > Number(levels[i - 1]?.[0]) + 1);
    expect(skipped, `${type.path}: headings that skip a level (outline: ${levels.join(' | ')})`).toEqual([]);
  });
}

test.describe('keyboard', () => {
  test('Tab from the top reaches the skip link first; Enter moves focus to the main area', async ({ page }) => {
    await page.goto('/luozheng-2022-62/p1/d1/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '跳到正文' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
    await expect(page).toHaveURL(/#main$/);
    // The next Tab continues from the main area, not from the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
  });

  for (const path of [targetsTable.path, '/luozheng-2022-62/p1/d1/g3/', `/search/?q=${encodeURIComponent('家暴')}`]) {
    test(`every element Tab reaches on ${path} shows a focus outline of 3:1 or more, in both schemes`, async ({ page }) => {
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(path);
        if (path.startsWith('/search/')) await searchDone(true)(page);
        const seen = new Set<string>();
        const bad: string[] = [];
        for (let i = 0; i < 80; i++) {
          await page.keyboard.press('Tab');
          const focus = await page.evaluate(() => {
            const el = document.activeElement;
            if (!(el instanceof HTMLElement) || el === document.body) return null;
            const style = getComputedStyle(el);
            // The outline is drawn outside the element, on its parent's background.
            let ground = 'rgb(255, 255, 255)';
            for (let p = el.parentElement; p !== null; p = p.parentElement) {
              const bg = getComputedStyle(p).backgroundColor;
              if (bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg)) {
                ground = bg;
                break;
              }
            }
            const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} “${(el.textContent ?? '').trim().slice(0, 20)}” ${el.getAttribute('href') ?? ''}`;
            return { name, visible: el.matches(':focus-visible'), outline: style.outlineStyle, width: parseFloat(style.outlineWidth), color: style.outlineColor, ground };
          });
          if (focus === null || seen.has(focus.name)) break; // round to the start: every stop seen
          seen.add(focus.name);
          const ratio = contrastRatio(focus.color, focus.ground);
          if (!focus.visible || focus.outline === 'none' || focus.width < 2 || ratio < 3) bad.push(`${scheme}: ${focus.name} — outline ${focus.outline} ${focus.width}px ${focus.color} on ${focus.ground} (${ratio.toFixed(2)}:1)`);
        }
        expect(seen.size, `${path} (${scheme}): focus stops reached`).toBeGreaterThan(5);
        expect(bad, `${path}: focused elements without a visible outline`).toEqual([]);
      }
    });
  }

  test('the targets table sorts and filters from the keyboard', async ({ page }) => {
    await page.goto(targetsTable.path);
    // The sort arrows are drawn, not part of the name.
    const sort = page.getByRole('button', { name: /目标值$/ });
    await sort.focus();
    await page.keyboard.press('Enter');
    const header = page.getByRole('columnheader', { name: /目标值$/ });
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
    await page.keyboard.press('Space');
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    const rows = page.locator('#targets-table tbody tr');
    const all = await rows.count();
    const plan = page.getByRole('combobox', { name: '规划' });
    await plan.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => rows.filter({ visible: true }).count()).toBeLessThan(all);
    await expect(page.getByRole('status')).toContainText(`共${all}项`);
  });

  test('the search filters work from the keyboard', async ({ page }) => {
    await page.goto(`/search/?q=${encodeURIComponent('心理健康')}`);
    await searchDone(true)(page);
    const before = await page.locator('[data-result-id]').count();
    await page.getByRole('combobox', { name: '类型' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(page).toHaveURL(/kind=goal/);
    await expect.poll(() => page.locator('[data-result-id]').count()).toBeLessThan(before);
  });

  test('the table of contents opens from the keyboard on a narrow screen', async ({ page }) => {
    await page.setViewportSize({ width: 400, height: 800 });
    await page.goto('/luozheng-2022-62/p1/d1/');
    const summary = page.locator('summary', { hasText: '本页目录' });
    await summary.focus();
    await page.keyboard.press('Enter');
    const toc = page.getByRole('navigation', { name: '本页目录' });
    await expect(toc).toBeVisible();
    await toc.getByRole('link').first().focus();
    await expect(toc.getByRole('link').first()).toBeFocused();
  });
});

test('reduced motion: no smooth scrolling when the reader asks for less motion', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.goto('/luozheng-2022-62/p1/d1/');
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('smooth');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
  const moving = await page.evaluate(() =>
    [...document.querySelectorAll('*')].filter((el) => {
      const s = getComputedStyle(el);
      return s.animationName !== 'none' && parseFloat(s.animationDuration) > 0.001;
    }).length,
  );
  expect(moving).toBe(0);
});

test('reflow: at 320 CSS pixels wide no page scrolls sideways (WCAG 1.4.10)', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const wide: string[] = [];
  for (const type of pageTypes) {
    await open(page, type);
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      // The chart and the table scroll inside their own focusable regions, which 1.4.10 allows.
      const beyond = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > width + 1 && e.closest('.table-scroll, .chart-scroll') === null);
      return { scroll: document.documentElement.scrollWidth, width, beyond: beyond.slice(0, 3).map((e) => `${e.tagName.toLowerCase()}.${e.className}`) };
    });
    if (overflow.scroll > overflow.width) wide.push(`${type.path}: ${overflow.scroll}px wide (${overflow.beyond.join(', ')})`);
  }
  expect(wide).toEqual([]);
});
