// Printing: a domain page on paper is its title and its clauses, one column, with every link's
// address written out, and none of the screen's chrome. Each check first sees the thing on screen,
// so it cannot pass because the thing is missing.
import { expect, test, type Locator, type Page } from '@playwright/test';

const DOMAIN = '/luozheng-2022-62/p1/d1/';

/** What a screen needs and paper does not, each with at least one element on a domain page. */
function chrome(page: Page): [string, Locator][] {
  const all = { includeHidden: true };
  return [
    ['site header', page.getByRole('banner', all)],
    ['site navigation', page.getByRole('navigation', { name: '网站导航', ...all })],
    ['header search', page.getByRole('search', all)],
    ['breadcrumbs', page.getByRole('navigation', { name: '面包屑', ...all })],
    ['table of contents', page.getByRole('navigation', { name: '本页目录', ...all })],
    ['previous/next', page.getByRole('navigation', { name: '上一页/下一页', ...all })],
    ['buttons', page.getByRole('button', all)],
    ['footer', page.getByRole('contentinfo', all)],
  ];
}

/** How many of the elements a locator finds are rendered. */
async function visibleCount(locator: Locator): Promise<number> {
  return locator.evaluateAll((els) => els.filter((el) => el.checkVisibility()).length);
}

test('on paper a domain page has no navigation, header, search, breadcrumbs, table of contents, previous/next or buttons', async ({ page }) => {
  await page.goto(DOMAIN);
  for (const [name, locator] of chrome(page)) expect(await visibleCount(locator), `${name} on screen`).toBeGreaterThan(0);
  await page.emulateMedia({ media: 'print' });
  for (const [name, locator] of chrome(page)) expect(await visibleCount(locator), `${name} in print`).toBe(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('article', { name: '主要目标第2项' })).toContainText('孕产妇死亡率下降到12/10万以下');
});

test('on paper every link in a domain page shows its absolute address after its text', async ({ page }) => {
  await page.emulateMedia({ media: 'print' });
  await page.goto(DOMAIN);
  const links = await page.locator('main a[href]').evaluateAll((els) =>
    els
      .filter((a) => a.checkVisibility())
      .map((a) => ({ text: a.textContent ?? '', href: new URL(a.getAttribute('href') ?? '', location.href).href, after: getComputedStyle(a, '::after').content })),
  );
  expect(links.length, 'links left on the printed page').toBeGreaterThan(0);
  for (const link of links) {
    // The generated text, e.g. "（" "http://127.0.0.1:4321/luozheng-2022-62/p2/d1/" "）".
    const printed = /https?:\/\/[^"\s）]+/.exec(link.after)?.[0];
    expect(printed, `address printed after “${link.text}” (::after is ${link.after})`).toBeDefined();
    const url = new URL(printed ?? '');
    expect(url.pathname + url.hash, `address printed after “${link.text}”`).toBe(new URL(link.href).pathname + new URL(link.href).hash);
  }
});

test('on paper the goals and measures of a domain page run in one column, and no clause is split across pages where it can be helped', async ({ page }) => {
  await page.goto(DOMAIN);
  const goals = page.locator('#goals');
  const measures = page.locator('#measures');
  await page.emulateMedia({ media: 'print' });
  const print = { goals: await goals.boundingBox(), measures: await measures.boundingBox() };
  expect(print.goals, '#goals in print').not.toBeNull();
  expect(print.measures?.x, 'in print the measures start where the goals start').toBeCloseTo(print.goals?.x ?? -1, 0);
  expect(print.measures?.y ?? 0, 'in print the measures follow the goals').toBeGreaterThanOrEqual((print.goals?.y ?? 0) + (print.goals?.height ?? 0) - 1);

  const breaks = await page.locator('main article[data-unit-id]').evaluateAll((els) => els.map((el) => getComputedStyle(el).breakInside));
  expect(breaks.length).toBeGreaterThan(10);
  expect(new Set(breaks), 'break-inside of each clause in print').toEqual(new Set(['avoid']));
});

test('on A4 paper nothing on a domain page is cut off at the right edge', async ({ page }) => {
  // 210 mm at 96 px per inch; the printable area is narrower still, so this is the least it must fit.
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  await page.goto(DOMAIN);
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = Array.from(document.querySelectorAll('main *'))
      .filter((el) => el.checkVisibility() && el.getBoundingClientRect().right > width + 0.5)
      .map((el) => `${el.tagName.toLowerCase()}${el.id === '' ? '' : `#${el.id}`}.${el.className}`);
    return { scroll: document.documentElement.scrollWidth, width, wide };
  });
  expect(overflow.wide, 'elements reaching past the right edge').toEqual([]);
  expect(overflow.scroll).toBeLessThanOrEqual(overflow.width);
});

test('on paper a page says where its text comes from, in page margins, with its IDs small', async ({ page }) => {
  await page.goto(DOMAIN);
  const docNumber = (await page.locator('.source a').first().textContent()) ?? '';
  expect(docNumber, 'the 出处 line names the document number').toMatch(/〔\d{4}〕\d+号/);
  const idSize = { screen: await page.locator('.unit-meta').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize)) };
  await page.emulateMedia({ media: 'print' });
  const source = page.locator('.source');
  await expect(source).toBeVisible();
  await expect(source).toContainText(docNumber);
  await expect(source).toContainText('以正式印发文本为准');
  const printed = await source.locator('a').evaluate((a) => getComputedStyle(a, '::after').content);
  expect(printed, 'the 出处 link prints its address').toMatch(/https?:\/\//);
  const body = await page.locator('.unit-body').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const idPrint = await page.locator('.unit-meta').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(idPrint, 'IDs in print are smaller than the text').toBeLessThan(body * 0.8);
  expect(idPrint).toBeLessThan(idSize.screen);
  const margins = await page.evaluate(() =>
    Array.from(document.styleSheets)
      .flatMap((sheet) => Array.from(sheet.cssRules))
      .filter((rule): rule is CSSPageRule => rule instanceof CSSPageRule)
      .map((rule) => rule.style.getPropertyValue('margin')),
  );
  expect(margins.filter((m) => /\d+mm/.test(m)), '@page margins').not.toEqual([]);
});
