// The whole-plan pages (/<doc>/p<n>/full/): reached from the plan page, listed in the sitemap,
// holding every unit of the plan from /data/clauses.json in document order with its text verbatim
// and a link to its own page (where its citation tools are), and printed in one go with a real
// button.
import { expect, test } from '@playwright/test';

interface Clause {
  id: string;
  url: string;
  kind: string;
  planTitle: string | null;
  text: string;
}

/** The plans of /data/clauses.json, each with its units in the file's (document) order. */
async function plans(request: import('@playwright/test').APIRequestContext) {
  const clauses = (await (await request.get('/data/clauses.json')).json()) as Clause[];
  const byPlan = new Map<string, { title: string; url: string; clauses: Clause[] }>();
  for (const c of clauses) {
    if (c.planTitle === null) continue;
    const [doc, plan] = c.id.split('.');
    const key = `${doc}.${plan}`;
    const entry = byPlan.get(key) ?? { title: c.planTitle, url: `/${doc}/${plan}/`, clauses: [] };
    entry.clauses.push(c);
    byPlan.set(key, entry);
  }
  return [...byPlan.values()];
}

test('each plan page links to its whole-plan page, which holds every unit of the plan, in order and verbatim', async ({ page, request }) => {
  const all = await plans(request);
  test.setTimeout(45_000 * all.length);
  expect(all.length).toBeGreaterThan(0);
  for (const plan of all) {
    await test.step(plan.title, async () => {
      await page.goto(plan.url);
      await page.getByRole('main').getByRole('link', { name: '本规划全文（单页，便于通读和打印）' }).click();
      await expect(page).toHaveURL(`${plan.url}full/`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${plan.title}全文`);

      const shown = await page.locator('main article[data-unit-id]').evaluateAll((els) =>
        els.map((el) => ({
          id: el.getAttribute('data-unit-id') ?? '',
          anchor: el.id,
          idShown: el.querySelector('.unit-id')?.textContent ?? '',
          lines: Array.from(el.querySelectorAll('.unit-body p'), (p) => p.textContent ?? ''),
          ownPage: Array.from(el.querySelectorAll('a.unit-page'), (a) => a.getAttribute('href')),
        })),
      );
      expect(shown.map((u) => u.id), 'unit ids on the page, in order').toEqual(plan.clauses.map((c) => c.id));
      const mainText = (await page.getByRole('main').textContent()) ?? '';
      plan.clauses.forEach((clause, i) => {
        const unit = shown[i];
        expect(unit?.lines.join('\n'), `text of ${clause.id}`).toBe(clause.text);
        expect(unit?.idShown, `${clause.id} shows its ID`).toContain(clause.id);
        // Its anchor is its ID within the plan: luozheng-2022-62.p1.d1.g2 → #d1.g2.
        expect(unit?.anchor).toBe(clause.id.split('.').slice(2).join('.'));
        // It links to its own page, where its citation and permalink are.
        expect(unit?.ownPage, `${clause.id} links to its own page`).toEqual([clause.url]);
        for (const line of clause.text.split('\n')) expect(mainText.includes(line), `${clause.id}: “${line.slice(0, 30)}…” on the page`).toBe(true);
      });

      // Lean, to stay within the page budget: no citation tools, and no scoped-style attribute on
      // any element of a unit (budgets.spec.ts weighs the page).
      const main = page.getByRole('main');
      await expect(main.getByRole('button', { name: /^复制/ })).toHaveCount(0);
      await expect(main.locator('[data-copy], details.cite')).toHaveCount(0);
      const scoped = await main.locator('article[data-unit-id], article[data-unit-id] *').evaluateAll((els) =>
        els.filter((el) => el.getAttributeNames().some((a) => a.startsWith('data-astro-cid'))).map((el) => el.outerHTML.slice(0, 80)),
      );
      expect(scoped, 'unit elements with data-astro-cid attributes').toEqual([]);
    });
  }
});

test('the sitemap lists every whole-plan page, and each document page links to its own', async ({ page, request }) => {
  const xml = await (await request.get('/sitemap.xml')).text();
  const paths = Array.from(xml.matchAll(/<loc>([^<]+)<\/loc>/g), (m) => new URL(m[1] ?? '').pathname);
  const full = (await plans(request)).map((p) => `${p.url}full/`);
  for (const url of full) expect(paths, 'sitemap.xml').toContain(url);

  for (const doc of new Set(full.map((url) => url.split('/')[1]))) {
    await page.goto(`/${doc}/`);
    const links = page.getByRole('main').getByRole('link', { name: '全文（单页）' });
    expect(await links.evaluateAll((els) => els.map((a) => a.getAttribute('href'))), doc).toEqual(full.filter((url) => url.startsWith(`/${doc}/`)));
  }
});

test('the print button of a whole-plan page is a real button that opens the print dialog, and is not printed', async ({ page }) => {
  await page.goto('/luozheng-2022-62/p2/full/');
  await page.evaluate(() => {
    const w = window as unknown as { printed: number };
    w.printed = 0;
    window.print = () => void w.printed++;
  });
  const button = page.getByRole('button', { name: '打印全文' });
  await expect(button).toBeVisible();
  expect(await button.evaluate((el) => el.tagName)).toBe('BUTTON');
  await button.click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  await page.emulateMedia({ media: 'print' });
  await expect(button).toBeHidden();
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('navigation', { name: '本页目录' })).toHaveCount(0);
  await expect(page.getByRole('article', { name: /^策略措施第14项/ }).first()).toBeVisible();
});

test('without JavaScript the print button is not offered, since it could do nothing', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/luozheng-2022-62/p1/full/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: '打印全文' })).toHaveCount(0);
  await context.close();
});
