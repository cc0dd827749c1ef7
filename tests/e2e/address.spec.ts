// Built without SITE_URL, the site does not hand out the address it was built on: served from
// another address, a copied citation and permalink carry the address the page is served from.
// The test serves dist/ itself, on a free port of 127.0.0.1 (never a server already running).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { serveStatic, type StaticServer } from '../../scripts/static-server';
import { siteDir, siteFile, siteJson } from './site';

interface Clause {
  id: string;
  kind: string;
  url: string;
  citation: string;
  permalink: string;
}

const clauses = siteJson<Clause[]>('data/clauses.json');
const built = readFileSync(siteFile('index.html'), 'utf8');
let server: StaticServer;

test.beforeAll(async () => {
  server = await serveStatic(path.resolve(siteDir), { redirectDirectories: true });
});
test.afterAll(async () => server.close());

test('served from another address, 复制引用 and 复制链接 copy that address', async ({ page, context }) => {
  test.skip(process.env['SITE_URL'] !== undefined, 'built with SITE_URL: the pages carry the public address');
  expect(built).toContain('data-assumed-origin=');
  const goal = clauses.find((c) => c.kind === 'goal') as Clause;
  const served = new URL(server.base).origin;
  const assumed = new URL(goal.permalink).origin;
  expect(served).not.toBe(assumed);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served });
  await page.goto(server.base + goal.url);
  const article = page.locator(`article[data-unit-id="${goal.id}"]`);
  await article.getByRole('button', { name: '复制引用' }).click();
  await expect(article.getByRole('status')).toHaveText('已复制引用');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(goal.citation.split(assumed).join(served));
  await article.getByRole('button', { name: '复制链接' }).click();
  await expect(article.getByRole('status')).toHaveText('已复制链接');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${served}${goal.url}`);
  const printed = await page.locator('[data-print-url]').evaluateAll((els) => els.map((e) => e.getAttribute('data-print-url') ?? ''));
  expect(printed.length).toBeGreaterThan(0);
  for (const url of printed) expect(url.startsWith(assumed)).toBe(false);
});

test('served from another address, the citations a department page shows to read name that address', async ({ page }) => {
  test.skip(process.env['SITE_URL'] !== undefined, 'built with SITE_URL: the pages carry the public address');
  const departments = siteJson<{ url: string; clauses: unknown[] }[]>('data/departments.json');
  const department = departments.find((d) => d.clauses.length > 0);
  if (department === undefined) throw new Error('no department with clauses in data/departments.json');
  const served = new URL(server.base).origin;
  await page.goto(server.base + department.url);
  // In a library the department's clauses are on its page of each document.
  const perDocument = page.getByRole('main').locator('.document-list a').first();
  if ((await perDocument.count()) > 0) await perDocument.click();
  const shown = await page.locator('.clauses .citation').allTextContents();
  expect(shown.length).toBeGreaterThan(0);
  for (const text of shown) expect(text, text).toContain(`${served}/`);
});
