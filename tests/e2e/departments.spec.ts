// The 任务分解 as an official uses it, in Chromium: from the home page to a department's page to a
// clause; 复制全部引用 puts every listed citation on the clipboard; the department's CSV and the
// whole table (CSV and Excel) download and parse; a search for a department's everyday name leads
// to its page. Expectations come from dist/data/, what the build wrote.
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { expect, test, type Download } from '@playwright/test';
import { docSlugOf } from '../../src/model/ids';
import { asServed, library, siteJson } from './site';

interface Department {
  name: string;
  aliases: string[];
  url: string;
  clauses: { id: string; role: 'lead' | 'support'; basis: string; reason: string }[];
}
interface Clause {
  id: string;
  url: string;
  citation: string;
  kind: string;
}

const departments = siteJson<Department[]>('data/departments.json');
const clauses = new Map((siteJson<Clause[]>('data/clauses.json')).map((c) => [c.id, c]));
/** The health commission, the example, or else the department with the most clauses. */
const busiest = departments.find((d) => d.name === '市卫生健康委' && d.clauses.length > 0) ?? ([...departments].sort((a, b) => b.clauses.length - a.clauses.length)[0] as Department);
/** In a library a department's clauses are listed one document per page: /departments/<slug>/<doc>/. */
/** The busiest department's first document, and the page listing its clauses there. */
const firstDoc = docSlugOf(busiest.clauses[0]?.id ?? '');
const listPage = library ? `${busiest.url}${firstDoc}/` : busiest.url;
const listed = busiest.clauses.filter((c) => !library || docSlugOf(c.id) === firstDoc);
/** A name people use for it that the plans never write (卫健委, 人社局 …). */
const everydayName = busiest.aliases.find((a) => ![...clauses.values()].some((c) => c.citation.includes(a))) ?? busiest.name;

/** RFC 4180, as the build writes it: a BOM, CRLF, quoted fields with "" for ". */
function parseCsv(text: string): string[][] {
  expect(text.startsWith('\ufeff')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.slice(1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && body[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += ch;
  }
  return rows;
}

const read = async (download: Download) => readFileSync((await download.path()) ?? '');

test.beforeEach(async ({ context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL ?? '').origin });
});

test('every department of the lexicon has a page, and every clause of the 任务分解 a row', async ({ page, request }) => {
  for (const d of departments) expect((await request.get(d.url)).status(), d.url).toBe(200);
  const assigned = [...clauses.values()].filter((c) => ['goal', 'measure', 'implementation', 'monitoring'].includes(c.kind));
  await page.goto('/departments/breakdown/');
  if (!library) {
    await expect(page.locator('tbody tr')).toHaveCount(assigned.length);
    return;
  }
  // A library: no table here, a page per document, each with that document's rows.
  await expect(page.locator('tbody tr')).toHaveCount(0);
  const tables = await page.getByRole('main').locator('.document-list a').evaluateAll((els) => els.map((a) => a.getAttribute('href') ?? ''));
  expect(tables.map((url) => url.split('/').at(-2))).toEqual([...new Set(assigned.map((c) => docSlugOf(c.id)))]);
  for (const url of tables) {
    await page.goto(url);
    await expect(page.locator('tbody tr'), url).toHaveCount(assigned.filter((c) => url.endsWith(`/${docSlugOf(c.id)}/`)).length);
  }
});

test(`from the home page to ${busiest.name}'s page to one of its clauses`, async ({ page, baseURL }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: '网站导航' }).getByRole('link', { name: '部门分工' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('部门分工');
  await page.getByRole('main').getByRole('link', { name: busiest.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${busiest.url}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(busiest.name);
  if (library) {
    // A page per document: the department's page lists them, with its counts in each.
    await expect(page.locator('.clauses > li')).toHaveCount(0);
    const first = page.getByRole('main').locator('.document-list a').first();
    await expect(first).toHaveAttribute('href', listPage);
    await first.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(busiest.name);
  }
  const first = listed[0];
  const clause = clauses.get(first?.id ?? '');
  if (first === undefined || clause === undefined) throw new Error(`${busiest.name} has no clause`);
  await expect(page.locator('.clauses > li')).toHaveCount(listed.length);
  const item = page.locator(`li[id="${first.id}"]`);
  await expect(item.locator('.reason')).toContainText(first.reason);
  await expect(item.locator('.citation')).toContainText(asServed(clause.citation, baseURL));
  await item.getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`${clause.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
});

test('复制全部引用 puts every listed citation on the clipboard, one per line, in document order', async ({ page, baseURL }) => {
  await page.goto(listPage);
  await page.evaluate(() => navigator.clipboard.writeText('(nothing copied yet)'));
  await page.getByRole('button', { name: '复制全部引用' }).click();
  await expect(page.getByRole('status')).toHaveText(`已复制全部 ${listed.length} 条引用`);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.split('\n')).toEqual(listed.map((c) => asServed(clauses.get(c.id)?.citation ?? '', baseURL)));
  const shown = await page.locator('.clauses .citation').allTextContents();
  expect(shown.map((t) => t.replace(/^引用：/, ''))).toEqual(copied.split('\n'));
});

test("the department's clauses download as CSV, and parse to its list", async ({ page }) => {
  await page.goto(busiest.url);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载本部门条文（CSV）' }).click()]);
  const [header, ...rows] = parseCsv((await read(download)).toString('utf8'));
  expect(header).toEqual(['条文ID', '规划', '领域', '条目', '简称', '角色', '依据', '理由', '原文', '引用', '链接']);
  expect(rows.map((r) => r[0])).toEqual(busiest.clauses.map((c) => c.id));
  expect(rows.map((r) => r[5])).toEqual(busiest.clauses.map((c) => (c.role === 'lead' ? '牵头' : '配合')));
  expect(rows.map((r) => r[9])).toEqual(busiest.clauses.map((c) => clauses.get(c.id)?.citation));
});

test('the whole 任务分解表 downloads as CSV and as an Excel workbook holding every clause', async ({ page }) => {
  await page.goto('/departments/breakdown/');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载（CSV）' }).click()]);
  const [header, ...rows] = parseCsv((await read(csv)).toString('utf8'));
  expect(header?.slice(0, 7)).toEqual(['条文ID', '规划', '领域', '条目', '简称', '牵头单位', '配合单位']);
  const ids = rows.map((r) => r[0] ?? '');
  for (const d of departments) for (const c of d.clauses.filter((x) => x.role === 'lead')) expect(rows.find((r) => r[0] === c.id)?.[5], `${c.id} ${d.name}`).toContain(d.name);
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载（Excel）' }).click()]);
  const files = unzipSync(new Uint8Array(await read(xlsx)));
  const sheet = new TextDecoder().decode(files['xl/worksheets/sheet1.xml']);
  const strings = new TextDecoder().decode(files['xl/sharedStrings.xml']);
  expect(sheet.match(/<row /g)).toHaveLength(rows.length + 1);
  for (const id of ids) expect(strings, id).toContain(`>${id}<`);
});

test(`a search for ${everydayName} leads to ${busiest.name}'s page`, async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent(everydayName)}`);
  await expect(page.locator('#search-results')).toHaveAttribute('data-search-state', 'done');
  const link = page.locator('#search-departments').getByRole('link', { name: busiest.name });
  await expect(link).toBeVisible();
  await expect(page.locator('[data-result-id]')).toHaveCount(busiest.clauses.length);
  const leads = busiest.clauses.filter((c) => c.role === 'lead').map((c) => c.id);
  const shown = await page.locator('[data-result-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-result-id')));
  expect(shown.slice(0, leads.length)).toEqual(leads);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${busiest.url}$`));
});
