// Clause text that looks like MDX, HTML or JavaScript must show literally and run nothing. The site
// under test is built from tests/fixtures/hostile/hostile-markup.txt (`npm run build:hostile`).
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { hostileURL } from '../../playwright.config';

interface Clause {
  id: string;
  url: string;
  text: string;
  citation: string;
  permalink: string;
}

const clauses = JSON.parse(readFileSync('.build/hostile-dist/data/clauses.json', 'utf8')) as Clause[];
/** Every page that shows a clause in full: its own, a goal's or measure's domain page, and its plan's whole-plan page. */
const shownOn = (c: Clause): string[] => {
  const own = c.url.replace(/#.*$/, '');
  const [doc, plan] = c.id.split('.');
  const full = plan !== undefined && /^p\d+$/.test(plan) ? [`/${doc}/${plan}/full/`] : [];
  return [...(/\/d\d+\/[gm]\d+\/$/.test(own) ? [own, own.replace(/[gm]\d+\/$/, '')] : [own]), ...full];
};
const pages = [...new Set(clauses.flatMap(shownOn))];

test.use({ baseURL: hostileURL });

test('the fixture carries markup in its clauses', () => {
  expect(clauses.filter((c) => /<script>|\{globalThis|export const|<img|javascript:/.test(c.text)).length).toBeGreaterThanOrEqual(6);
});

for (const url of pages) {
  test(`markup in clause text shows literally on ${url}`, async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    for (const clause of clauses.filter((c) => shownOn(c).includes(url))) {
      const unit = page.locator(`article[data-unit-id="${clause.id}"]`);
      await expect(unit).toHaveCount(1);
      // Each source line is one paragraph, shown character for character.
      const paragraphs = await unit.locator('p').allTextContents();
      for (const line of clause.text.split('\n')) expect(paragraphs).toContain(line);
      if (url.endsWith('/full/')) {
        // On a whole-plan page a unit has no citation tools, but links to its own page, which has.
        await expect(unit.getByRole('button')).toHaveCount(0);
        await expect(unit.locator('a.unit-page')).toHaveAttribute('href', clause.url);
      } else {
        // Its citation, titles and all, is what the copy button copies, character for character
        // (on the address the page is served from: the fixture is built without SITE_URL).
        const served = clause.citation.split(new URL(clause.permalink).origin).join(new URL(page.url()).origin);
        await expect(unit.getByRole('button', { name: '复制引用' })).toHaveAttribute('data-copy', served);
      }
    }
    // Nothing from the clauses became markup or ran.
    expect(await page.evaluate(() => (globalThis as { pwned?: unknown }).pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    const main = page.locator('main');
    await expect(main.locator('script, img, iframe, style, b, i')).toHaveCount(0);
    await expect(main.locator('a[href^="javascript:"]')).toHaveCount(0);
  });
}
