// Search as people really ask, in Chromium: a question's filler words need not occur, a department
// word picks its clauses, a word found nowhere is searched as the plans' word of the same sound
// (with a link to search it as typed), numbers match in any form, and English is read as the
// plans' Chinese words. The typo and English tables load only when a query needs them.
// Expectations come from what the build wrote (dist/data, dist/search), not from one document.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { chineseNumeral } from '../../src/text/numerals';
import { siteFile } from './site';

interface Clause {
  id: string;
  text: string;
  citation: string;
}
interface Department {
  name: string;
  aliases: string[];
  clauses: { id: string; role: 'lead' | 'support' }[];
}

const read = <T,>(file: string): T => JSON.parse(readFileSync(siteFile(file), 'utf8')) as T;
const clauses = read<Clause[]>('data/clauses.json');
const vocabulary = read<string[]>('search/vocabulary.json');
const pinyin = read<Record<string, [string, string]>>('search/pinyin.json');
const english = read<[string, string][]>('search/english.json');
const glossaryTerms = new Set(read<string[]>('search/glossary.json').flatMap((e) => e.split('|').map((t) => t.replace(/^\*/, ''))));
const flat = (s: string) => s.normalize('NFKC').replace(/\s/gu, '');
const holding = (s: string) => clauses.filter((c) => flat(c.text).includes(flat(s))).map((c) => c.id);

async function done(page: Page, q: string): Promise<string[]> {
  const list = page.locator('#search-results');
  await expect(list).toHaveAttribute('data-search-query', q);
  await expect(list).toHaveAttribute('data-search-state', 'done');
  return page.locator('[data-result-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-result-id') ?? ''));
}

/** The search files a page fetched. */
function searchFiles(page: Page): string[] {
  const files: string[] = [];
  page.on('request', (r) => {
    const m = /\/search\/([a-z]+\.json)$/.exec(new URL(r.url()).pathname);
    if (m?.[1] !== undefined) files.push(m[1]);
  });
  return files;
}

/** A frequent word of the plans with its last character replaced by one of the same reading that the plans never write. */
function typo(): { word: string; typed: string } {
  for (const word of vocabulary.slice(0, 200)) {
    if ([...word].length < 3 || glossaryTerms.has(word)) continue;
    const last = [...word].at(-1) ?? '';
    const other = Object.values(pinyin).find(([own]) => own.includes(last))?.[1][0];
    if (other === undefined) continue;
    const typed = word.slice(0, -1) + other;
    if (holding(typed).length === 0) return { word, typed };
  }
  throw new Error('no word of the plans to misspell');
}

test('a question is searched by what it asks; the page says which words need not occur', async ({ page }) => {
  const word = vocabulary.find((w) => [...w].length >= 2 && holding(w).length >= 2 && holding(w).length <= 10) ?? '';
  const q = `${word}有什么规定吗`;
  await page.goto(`/search/?q=${encodeURIComponent(q)}`);
  const ids = await done(page, q);
  expect(ids.slice(0, holding(word).length).sort()).toEqual(holding(word).sort());
  await expect(page.locator('#search-expansion')).toContainText(`“有”“什么”“规定”“吗”不必出现在条文中，已按“${word}”搜索`);
});

test('a word found nowhere is searched as the plans’ word of the same sound, with a link to search it as typed', async ({ page }) => {
  const { word, typed } = typo();
  const files = searchFiles(page);
  await page.goto(`/search/?q=${encodeURIComponent(typed)}`);
  const ids = await done(page, typed);
  expect(ids.slice(0, holding(word).length).sort()).toEqual(holding(word).sort());
  const correction = page.locator('#search-correction');
  await expect(correction).toContainText(`规划中没有“${typed}”，已按“${word}”搜索。`);
  expect(files).toContain('pinyin.json');
  const asTyped = correction.getByRole('link', { name: `仍按“${typed}”搜索` });
  await asTyped.click();
  await expect(page).toHaveURL(/[?&]exact=1/);
  await done(page, typed);
  await expect(correction).toBeHidden();
  await expect(page.getByRole('searchbox', { name: '搜索' })).toHaveValue(typed);
  await expect(page.locator('mark', { hasText: word })).toHaveCount(0);
});

test('numbers match in the plans’ form: 3‰ finds 3.0‰, 百分之九十 finds 90%', async ({ page }) => {
  const permille = clauses.map((c) => /(?<![\d.])(\d+)\.0‰/u.exec(c.text)?.[1]).find((n) => n !== undefined) ?? '';
  expect(permille).not.toBe('');
  await page.goto(`/search/?q=${encodeURIComponent(`${permille}‰`)}`);
  expect(holding(`${permille}.0‰`)).toContain((await done(page, `${permille}‰`))[0]);

  const tens = clauses.map((c) => /(?<![\d.])([1-9])0(?:%|％)/u.exec(c.text)?.[1]).find((n) => n !== undefined) ?? '';
  const q = `百分之${chineseNumeral(Number(tens) * 10)}`;
  await page.goto(`/search/?q=${encodeURIComponent(q)}`);
  const ids = await done(page, q);
  expect([...holding(`${tens}0%`), ...holding(`${tens}0％`)]).toContain(ids[0]);
});

test('a department word with a topic puts the department’s clauses on the topic first', async ({ page }) => {
  const departments = read<Department[]>('data/departments.json');
  for (const d of departments) {
    const name = d.aliases.find((a) => holding(a).length === 0);
    const lead = d.clauses.filter((c) => c.role === 'lead').map((c) => c.id);
    const word = vocabulary.find((w) => {
      const held = holding(w);
      return [...w].length >= 2 && held.some((id) => lead.includes(id)) && held.some((id) => !d.clauses.some((c) => c.id === id));
    });
    if (name === undefined || word === undefined) continue;
    const q = `${name} ${word}`;
    await page.goto(`/search/?q=${encodeURIComponent(q)}`);
    const ids = await done(page, q);
    expect(holding(word).filter((id) => lead.includes(id))).toContain(ids[0]);
    await expect(page.locator('[data-result-id] .result-related').first()).toContainText(`${d.name}牵头`);
    await expect(page.locator('#search-departments').getByRole('link', { name: d.name })).toBeVisible();
    return;
  }
  throw new Error('no department with an everyday name and a topic of its own');
});

test('English is read as the plans’ Chinese words, and the page says so; the English table loads only then', async ({ page }) => {
  const files = searchFiles(page);
  await page.goto(`/search/?q=${encodeURIComponent(vocabulary[0] ?? '')}`);
  await done(page, vocabulary[0] ?? '');
  expect(files).not.toContain('english.json');
  expect(files).not.toContain('pinyin.json');

  const [en = '', zh = ''] = english.find(([e, z]) => !e.includes(' ') && !e.includes('|') && holding(z.split('|')[0] ?? '').length > 0) ?? [];
  const head = zh.split('|')[0] ?? '';
  await page.goto(`/search/?q=${encodeURIComponent(en)}`);
  const ids = await done(page, en);
  expect(zh.split('|').flatMap(holding)).toContain(ids[0]);
  await expect(page.locator('#search-correction')).toContainText(`规划原文是中文：已按中文“${head}”检索（${en} → ${head}）`);
  expect(files).toContain('english.json');

  await page.goto(`/search/?q=${encodeURIComponent('xylophone quasar')}`);
  expect(await done(page, 'xylophone quasar')).toEqual([]);
  await expect(page.locator('#search-correction')).toContainText('规划原文是中文，没有找到“xylophone quasar”对应的中文词语');
});
