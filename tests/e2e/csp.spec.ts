// The Content-Security-Policy (src/render/content-security-policy.ts) on the built site: every page carries it first in
// <head>; no page has an inline script, an event-handler attribute or an inline style that it
// would refuse; every page type loads without a single violation while its features work (search
// reads the index and shows excerpts, the targets table sorts, the header search box searches); and the
// policy is really in force: script injected into a page does not run.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { hostileURL } from '../../playwright.config';
import { pageSamples, searchQuery, type PageSample } from '../../scripts/page-budgets';
import { contentSecurityPolicy } from '../../src/render/content-security-policy';
import { inspectHtml } from './dist-html';
import { siteDir, siteFile } from './site';

const policy = contentSecurityPolicy();

/**
 * Installed before any page script: every violation the page reports, as text, kept in the page
 * and handed to the test (through __cspReport, when the test exposes it) so none is lost when the
 * page navigates.
 */
const RECORD_VIOLATIONS = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    const text = e.effectiveDirective + ' refused ' + (e.blockedURI || '(inline)') + ' at ' + e.sourceFile + ':' + e.lineNumber + ' ' + e.sample;
    window.__cspViolations.push(text);
    window.__cspReport?.(text);
  }, true);
`;

/** What goes wrong on a page, across navigations: policy violations, console errors, uncaught exceptions. */
async function watch(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.exposeFunction('__cspReport', (text: string) => problems.push(`violation: ${text}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // The 404 page is served with status 404, which Chromium logs as an error about the page itself.
    if (/status of 404/.test(message.text()) && /\/no-such-page\/$/.test(message.location().url)) return;
    problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return problems;
}

test.beforeEach(async ({ context }) => {
  await context.addInitScript({ content: RECORD_VIOLATIONS });
});

test.describe('every built page', () => {
  for (const [name, root] of [
    ['the site', siteDir],
    ['the hostile-markup fixture site', '.build/hostile-dist'],
  ] as const) {
    test(`${name}: the policy comes first in <head>; no inline script, event handler or inline style`, async ({ page }) => {
      const pages = await inspectHtml(page, root);
      expect(pages.length, `HTML files in ${root}/`).toBeGreaterThan(name === 'the site' ? 300 : 10);
      const wrong = pages.flatMap((p) => [
        ...(p.policies.length === 1 && p.policies[0] === policy ? [] : [`${p.file}: policies ${JSON.stringify(p.policies)}`]),
        ...p.beforePolicy.filter((tag) => !/^<meta charset=/i.test(tag)).map((tag) => `${p.file}: ${tag} before the policy`),
        ...p.inlineScripts.map((s) => `${p.file}: inline script ${s}`),
        ...p.handlers.map((h) => `${p.file}: event handler ${h}`),
        ...p.scriptUrls.map((u) => `${p.file}: javascript: URL ${u}`),
        ...p.inlineStyles.map((s) => `${p.file}: inline style ${s}`),
      ]);
      expect(wrong).toEqual([]);
    });
  }
});

/** What shows that a page type's scripts ran under the policy. */
const works: Record<PageSample['type'], (page: Page) => Promise<void>> = {
  // Every page but the search page: its header search box takes `/` (slash-focus.ts).
  home: headerBoxTakesSlash,
  document: headerBoxTakesSlash,
  plan: headerBoxTakesSlash,
  // A whole-plan page: its print button is offered only by its script (print-button.ts).
  full: async (page) => {
    await headerBoxTakesSlash(page);
    await expect(page.getByRole('button', { name: '打印全文' })).toBeVisible();
  },
  part: headerBoxTakesSlash,
  domain: headerBoxTakesSlash,
  goal: headerBoxTakesSlash,
  measure: headerBoxTakesSlash,
  indicator: headerBoxTakesSlash,
  actors: headerBoxTakesSlash,
  actor: headerBoxTakesSlash,
  departments: headerBoxTakesSlash,
  breakdown: headerBoxTakesSlash,
  // A department's page: its 复制全部引用 button is shown only by its script (copy.ts).
  department: async (page) => {
    await headerBoxTakesSlash(page);
    await expect(page.getByRole('button', { name: '复制全部引用' })).toBeVisible();
  },
  '404': headerBoxTakesSlash,
  targets: async (page) => {
    await headerBoxTakesSlash(page);
    const header = page.getByRole('columnheader', { name: /目标值$/ });
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
    const values = await page.locator('#targets-table tbody td.value').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-sort'))));
    expect(values.length).toBeGreaterThan(50);
    expect(values).toEqual([...values].sort((a, b) => a - b));
  },
  search: async (page) => {
    const results = page.locator('#search-results');
    await expect(results).toHaveAttribute('data-search-query', searchQuery);
    await expect(results).toHaveAttribute('data-search-state', 'done');
    await expect(results).toHaveAttribute('data-excerpts-state', 'done');
    expect(await page.locator('[data-result-id]').count()).toBeGreaterThan(10);
    await expect(page.locator('.result-excerpt mark').first()).toHaveText(searchQuery);
  },
};

async function headerBoxTakesSlash(page: Page): Promise<void> {
  await page.locator('body').press('/');
  await expect(page.getByRole('search').getByRole('searchbox', { name: '搜索条文' })).toBeFocused();
}

for (const sample of pageSamples(siteDir)) {
  test(`no violation on the ${sample.type} page (${decodeURIComponent(sample.path)}), and its scripts work`, async ({ page }) => {
    const problems = await watch(page);
    await page.goto(sample.path, { waitUntil: 'networkidle' });
    await works[sample.type](page);
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
  });
}

test('no violation: a search from the header box of a goal page, and a result link highlighting its clause', async ({ page }) => {
  const problems = await watch(page);
  await page.goto('/luozheng-2022-62/p2/d2/g3/');
  const box = page.getByRole('search').getByRole('searchbox', { name: '搜索条文' });
  await box.fill('安全头盔');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=/);
  const results = page.locator('#search-results');
  await expect(results).toHaveAttribute('data-search-state', 'done');
  await expect(results).toHaveAttribute('data-excerpts-state', 'done');
  await page.locator('[data-result-id]').first().getByRole('link').first().click();
  await expect(page.locator('mark.arrival-hit').first()).toHaveText('安全头盔');
  await page.waitForLoadState('networkidle');
  expect(problems).toEqual([]);
});

test('the policy is in force: script and handlers injected into a page do not run, and are reported', async ({ page }) => {
  // A real page with an inline script and an inline event handler added, served at its own address.
  const html = readFileSync(siteFile('luozheng-2022-62', 'p1', 'd1', 'g2', 'index.html'), 'utf8').replace(
    '</main>',
    '<script>window.__inline = 1</script><img src="/favicon.png" onload="window.__handler = 1" alt=""></main>',
  );
  await page.route('**/luozheng-2022-62/p1/d1/g2/', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto('/luozheng-2022-62/p1/d1/g2/', { waitUntil: 'networkidle' });
  await headerBoxTakesSlash(page); // the page's own scripts still run
  const seen = await page.evaluate(() => {
    const w = window as unknown as { __inline?: number; __handler?: number; __cspViolations: string[] };
    return { inline: w.__inline, handler: w.__handler, violations: w.__cspViolations };
  });
  expect(seen.inline).toBeUndefined();
  expect(seen.handler).toBeUndefined();
  expect(seen.violations.map((v) => v.split(' ')[0]).sort()).toEqual(['script-src-attr', 'script-src-elem']);
});

test('the hostile-markup site: clause text that looks like script causes no violation', async ({ page }) => {
  const problems = await watch(page);
  const clauses = JSON.parse(readFileSync('.build/hostile-dist/data/clauses.json', 'utf8')) as { url: string; text: string }[];
  const hostile = [...new Set(clauses.filter((c) => /<script|onerror|javascript:/i.test(c.text)).map((c) => c.url.replace(/#.*$/, '')))];
  expect(hostile.length).toBeGreaterThan(0);
  for (const url of hostile) await page.goto(hostileURL + url, { waitUntil: 'networkidle' });
  expect(problems).toEqual([]);
});
