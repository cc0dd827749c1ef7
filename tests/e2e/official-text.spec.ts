// Read like the official text: the notice is laid out as a 公文, and on a phone no line breaks inside
// a plan's period （2021—2030年） or a range such as 0—6岁; a search hit that runs across such a range
// is still marked on arrival. Expectations come from dist/data/clauses.json and src/text/no-break.ts.
import { expect, test, type Page } from '@playwright/test';
import { noBreakRuns } from '../../src/text/no-break';
import { siteJson } from './site';

interface Clause {
  id: string;
  kind: string;
  url: string;
  text: string;
  docNumber: string | null;
}

const clauses = siteJson<Clause[]>('data/clauses.json');
const notices = clauses.filter((c) => c.kind === 'notice');
/** A goal or measure whose text holds a kept run followed by more text, and that run with two characters after it. */
const ranged = clauses
  .filter((c) => c.kind === 'goal' || c.kind === 'measure')
  .flatMap((c) => {
    const runs = noBreakRuns(c.text);
    const i = runs.findIndex((r, k) => r.keep && (runs[k + 1]?.text.length ?? 0) >= 2);
    return i === -1 ? [] : [{ clause: c, run: runs[i]!.text, hit: runs[i]!.text + [...runs[i + 1]!.text].slice(0, 2).join('') }];
  });

/** The kept runs on the page that a line breaks inside: they take more than one line box. */
async function brokenRuns(page: Page): Promise<string[]> {
  return page.locator('main .nobr').evaluateAll((els) =>
    els.filter((el) => el.checkVisibility() && new Set(Array.from(el.getClientRects(), (r) => Math.round(r.top))).size > 1).map((el) => el.textContent ?? ''),
  );
}

test('the notice is laid out as a 公文: number and issuer over a rule, title centred, body indented, date to the right', async ({ page }) => {
  expect(notices.length).toBeGreaterThan(0);
  for (const notice of notices) {
    await page.goto(notice.url);
    const unit = page.locator(`article[data-unit-id="${notice.id}"]`);
    const align = (part: string) => unit.locator(`.notice-${part} p`).first().evaluate((p) => getComputedStyle(p).textAlign);
    if (notice.docNumber !== null) await expect(unit.locator('.notice-number')).toHaveText(notice.docNumber);
    expect(await align('title')).toBe('center');
    expect(await align('issuer')).toBe('center');
    expect(await align('date')).toMatch(/^(end|right)$/);
    expect(await unit.locator('.notice-body p').first().evaluate((p) => parseFloat(getComputedStyle(p).textIndent))).toBeGreaterThan(0);
    expect(await unit.locator('.notice-issuer').evaluate((el) => getComputedStyle(el).borderBottomStyle)).toBe('solid');
    // Every line of the notice is there, in order, as written.
    const shown = await unit.locator('.notice-part p').allTextContents();
    expect(shown.join('\n').replace(/\s+/g, '')).toBe(notice.text.replace(/\s+/g, ''));
  }
});

test('on a phone no line breaks inside a period or a range', async ({ page }) => {
  expect(ranged.length, 'clauses holding a range such as 0—6岁').toBeGreaterThan(0);
  await page.setViewportSize({ width: 320, height: 800 });
  const urls = [...new Set([...notices.map((n) => n.url.replace(/#.*$/, '')), ...ranged.slice(0, 4).map((r) => r.clause.url)])];
  for (const url of urls) {
    await page.goto(url);
    expect(await page.locator('main .nobr').count(), `kept runs on ${url}`).toBeGreaterThan(0);
    expect(await brokenRuns(page), `runs broken across lines on ${url}`).toEqual([]);
  }
});

test('a search hit running across a kept range is marked on arrival', async ({ page }) => {
  const { clause, hit } = ranged[0]!;
  await page.goto(`${clause.url}?hl=${encodeURIComponent(hit)}`);
  const marks = page.locator(`article[data-unit-id="${clause.id}"] mark.arrival-hit`);
  await expect(marks.first()).toBeVisible();
  expect((await marks.allTextContents()).join('')).toBe(hit);
});
