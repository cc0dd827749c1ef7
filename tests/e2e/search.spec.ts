// The search page as a person uses it: the URL runs a query, typing updates results, filters narrow
// them with counts, the URL keeps it all (Back works), `/` focuses the box, and the clause a result
// links to is highlighted on arrival.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { decodeCbor } from '../../src/search/cbor';
import { pagefindSignature } from '../../src/search/wire';
import { isToken } from '../../src/search/tokens';
import { unitKindNames, type UnitKind } from '../../src/model/unit';
import { docSlugOf } from '../../src/model/ids';
import { siteFile, siteJson } from './site';

const results = (page: Page) => page.locator('#search-results');

const clauses = siteJson<{ id: string; text: string }[]>('data/clauses.json');
/** The units whose text holds q as written, by ID. */
const holding = (q: string) => clauses.filter((c) => c.text.includes(q)).map((c) => c.id).sort();
/** The unit and, in a library, the units of other documents with the very same text. */
const sameText = (id: string) => {
  const text = clauses.find((c) => c.id === id)?.text;
  if (text === undefined) throw new Error(`no unit ${id} in clauses.json`);
  return clauses.filter((c) => c.text === text).map((c) => c.id);
};
/** 安全头盔 stands in few units (of this document: a goal and its measure): the results of a short list. */
const HELMET = '安全头盔';
const helmet = holding(HELMET);

/** The results the page lists as paired with another result (the goals and measures the plan pairs), not as matching. */
async function paired(page: Page): Promise<string[]> {
  return page.locator('[data-result-id]').filter({ has: page.locator('.result-related', { hasText: /^对应第 \d+ 条结果/ }) }).evaluateAll((els) => els.map((e) => e.getAttribute('data-result-id') ?? ''));
}

async function done(page: Page, q: string): Promise<string[]> {
  await expect(results(page)).toHaveAttribute('data-search-query', q);
  await expect(results(page)).toHaveAttribute('data-search-state', 'done');
  return page.locator('[data-result-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-result-id') ?? ''));
}

test('a query in the URL runs on load, ranks the clause holding it first and marks the match', async ({ page }) => {
  expect(helmet).toContain('luozheng-2022-62.p2.d2.g3');
  await page.goto('/search/?q=' + encodeURIComponent(HELMET));
  const ids = await done(page, HELMET);
  expect(ids.slice(0, helmet.length).sort()).toEqual(helmet);
  const first = page.locator('[data-result-id]').first();
  await expect(first.locator('mark').first()).toHaveText(HELMET);
  await expect(first).toContainText(`ID ${ids[0]}`);
  await expect(page.getByRole('status')).toContainText(`共 ${helmet.length} 条结果`);
});

test('a pasted phrase, a number, a quoted phrase and traditional characters each find their clause', async ({ page }) => {
  for (const [q, id] of [
    ['孕产妇死亡率下降到12/10万以下', 'luozheng-2022-62.p1.d1.g2'],
    ['５.０‰', 'luozheng-2022-62.p2.d1.g3'],
    ['“学生欺凌”', 'luozheng-2022-62.p2.d2.m9'],
    ['兒童近視', 'luozheng-2022-62.p2.d1.m11'],
  ] as const) {
    await page.goto('/search/?q=' + encodeURIComponent(q));
    expect(sameText(id), q).toContain((await done(page, q))[0]);
  }
});

test('an abbreviation shows its expansion; words that never stand together list the clauses holding some of them', async ({ page }) => {
  await page.goto('/search/?q=' + encodeURIComponent('家暴'));
  const ids = await done(page, '家暴');
  expect(ids.length).toBeGreaterThan(3);
  await expect(page.getByText('同时搜索了同义词：家暴 → 家庭暴力')).toBeVisible();

  await page.goto('/search/?q=' + encodeURIComponent('溺水 歧视'));
  const some = await done(page, '溺水 歧视');
  expect(some.length).toBeGreaterThan(0);
  await expect(page.locator('#search-expansion')).toContainText('没有条文同时包含“溺水”“歧视”；以下');
  await expect(page.locator('[data-result-id] .result-related').first()).toHaveText(/^包含“(溺水|歧视)”$/);
});

test('a query of which no word occurs says so, and how to go on', async ({ page }) => {
  await page.goto('/search/?q=' + encodeURIComponent('钢琴 咖啡'));
  expect(await done(page, '钢琴 咖啡')).toEqual([]);
  await expect(page.locator('#search-suggestions')).toContainText('没有找到相关条文');
  await expect(page.getByRole('status')).toHaveText('共 0 条结果。');
});

test('typing updates the results and the URL; Back returns to the previous query', async ({ page }) => {
  await page.goto('/search/?q=' + encodeURIComponent('溺水'));
  const first = await done(page, '溺水');
  expect(first.length).toBeGreaterThan(0);
  const box = page.getByRole('searchbox', { name: '搜索' });
  await box.fill('校外活动场所');
  const second = await done(page, '校外活动场所');
  expect(sameText('luozheng-2022-62.p2.d6.g6')).toContain(second[0]);
  await expect(page).toHaveURL(/\?q=%E6%A0%A1%E5%A4%96/);
  await page.goBack();
  expect(await done(page, '溺水')).toEqual(first);
  await expect(box).toHaveValue('溺水');
});

test('filters narrow the results, show counts and live in the URL', async ({ page }) => {
  await page.goto('/search/?q=' + encodeURIComponent('心理健康'));
  const all = await done(page, '心理健康');
  const kind = page.getByRole('combobox', { name: '类型' });
  const goalOption = kind.locator('option[value="goal"]');
  const goalCount = Number(/（(\d+)）/.exec((await goalOption.textContent()) ?? '')?.[1]);
  expect(goalCount).toBeGreaterThan(0);
  await kind.selectOption('goal');
  const goals = await done(page, '心理健康');
  expect(goals.length).toBe(goalCount);
  expect(goals.length).toBeLessThan(all.length);
  expect(goals.every((id) => /\.g\d+$/.test(id))).toBe(true);
  await expect(page).toHaveURL(/kind=goal/);
  await page.reload();
  expect(await done(page, '心理健康')).toEqual(goals);
  await expect(kind).toHaveValue('goal');

  // The plan filter is by title: in a library it takes every document's plan of that title.
  const plan = page.getByRole('combobox', { name: '规划' });
  await plan.selectOption({ index: 2 });
  const chosen = ((await plan.locator('option:checked').textContent()) ?? '').replace(/（\d+）$/, '');
  expect(chosen).toContain('儿童发展规划');
  const children = await done(page, '心理健康');
  const titleOf = new Map(siteJson<{ id: string; planTitle: string | null }[]>('data/clauses.json').map((c) => [c.id, c.planTitle]));
  expect(children.length).toBeGreaterThan(0);
  expect(children.filter((id) => titleOf.get(id) !== chosen)).toEqual([]);
});

test('in a library a document filter narrows the results to one document, with counts, in the URL; a site of one document has none', async ({ page }) => {
  await page.goto('/search/?q=' + encodeURIComponent('心理健康'));
  const all = await done(page, '心理健康');
  const doc = page.getByRole('combobox', { name: '文件' });
  const documents = [...new Set(siteJson<{ id: string }[]>('data/clauses.json').map((c) => docSlugOf(c.id)))];
  if (documents.length < 2) {
    await expect(doc).toHaveCount(0);
    return;
  }
  const values = await doc.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(values).toEqual(['', ...documents]);
  const chosen = documents[1] ?? '';
  const option = doc.locator(`option[value="${chosen}"]`);
  const shown = Number(/（(\d+)）$/.exec((await option.textContent()) ?? '')?.[1]);
  expect(shown).toBe(all.filter((id) => docSlugOf(id) === chosen).length);
  await doc.selectOption(chosen);
  const mine = await done(page, '心理健康');
  expect(mine.length).toBe(shown);
  expect(mine.filter((id) => docSlugOf(id) !== chosen)).toEqual([]);
  await expect(page).toHaveURL((u) => u.searchParams.get('doc') === chosen);
  // Each result names its document, since plans of several documents share a title.
  const label = ((await option.textContent()) ?? '').replace(/（\d+）$/, '');
  await expect(page.locator('[data-result-id] .result-meta').first()).toContainText(label);
  await page.reload();
  expect(await done(page, '心理健康')).toEqual(mine);
  await expect(doc).toHaveValue(chosen);
});

test('`/` focuses the search box in the header, and Enter searches', async ({ page }) => {
  await page.goto('/luozheng-2022-62/p1/d1/');
  await page.locator('body').press('/');
  const box = page.getByRole('searchbox', { name: '搜索条文' });
  await expect(box).toBeFocused();
  await page.keyboard.type('托育');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=%E6%89%98%E8%82%B2/);
  expect((await done(page, '托育')).length).toBeGreaterThan(0);
});

test('a result link lands on its clause with the match highlighted', async ({ page }) => {
  await page.goto('/search/?q=' + encodeURIComponent('监测组'));
  const ids = await done(page, '监测组');
  expect(ids[0]).toMatch(/\.part4\.i2$/);
  await page.locator('[data-result-id]').first().getByRole('link').first().click();
  await expect(page).toHaveURL(/\/part4\/\?hl=.*#i2$/);
  const hit = page.locator('#i2 mark.arrival-hit').first();
  await expect(hit).toHaveText('监测组');
  await expect(hit).toBeInViewport();
});

test('every unit holding the query is found, however common the characters, and no other', async ({ page, request }) => {
  test.slow(); // seven page loads, two of them listing most of the plan
  const clauses = (await (await request.get('/data/clauses.json')).json()) as { id: string; text: string; label: string; kind: string }[];
  // 第（二）项 is headed with its part, 组织实施第（二）项, so that it says something before its text arrives.
  const heading = (c: { label: string; kind: string } | undefined) => (c?.label.startsWith('第') ? `${unitKindNames[c.kind as UnitKind]}${c.label}` : c?.label);
  const holding = (q: string) => clauses.filter((c) => c.text.includes(q)).map((c) => c.id).sort();
  // 的 and 儿 begin thousands of index tokens, spread over many index chunks; 体系。 ends units.
  for (const q of ['的', '儿', '儿童', '加强儿童', '体系。', '孕产妇死亡率下降到12/10万以下']) {
    const expected = holding(q);
    expect(expected.length, q).toBeGreaterThan(0);
    await page.goto('/search/?q=' + encodeURIComponent(`"${q}"`));
    const ids = await done(page, `"${q}"`);
    expect(ids.filter((id) => expected.includes(id)).sort(), q).toEqual(expected);
    // Each result is labelled as clauses.json labels its unit (the search table stores goals' and
    // measures' numbers, not their labels); a title follows once the unit's text has arrived.
    const headings = await page.locator('[data-result-id] h2').allTextContents();
    expect(headings.map((h, i) => [ids[i], h.split(' ')[0]]), q).toEqual(ids.map((id) => [id, heading(clauses.find((c) => c.id === id))]));
    const firstOthers = ids.findIndex((id) => !expected.includes(id));
    if (firstOthers !== -1) expect(ids.slice(firstOthers).every((id) => !expected.includes(id)), `${q}: exact matches first`).toBe(true);
  }
  // A unit's last characters followed by text found nowhere: Pagefind offers that unit's short
  // final token as the nearest word; it must not count as a match.
  const tail = clauses[0]?.text.slice(-3) ?? '';
  const absent = `${tail}鑫鑫`;
  expect(holding(absent)).toEqual([]);
  await page.goto('/search/?q=' + encodeURIComponent(`"${absent}"`));
  expect(await done(page, `"${absent}"`)).toEqual([]);
});

test('a query reads small index chunks: every chunk our tokens can fall in stays under 16 KB', () => {
  // The chunk size comes from PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE (src/build/08-search-index/pagefind-bundle.ts); a
  // Pagefind that ignored it would write ~35 KB chunks again. Chunks of words that begin with
  // anything but our base-36 tokens (the CJK words Pagefind takes from the meta fields) are never
  // asked for by the search page. And the bundle holds nothing else: no Pagefind client.
  const dir = siteFile('pagefind', 'index');
  const files = readdirSync(dir);
  expect(files.length).toBeGreaterThan(20);
  for (const file of files) {
    const raw = gunzipSync(readFileSync(path.join(dir, file)));
    const [words] = decodeCbor(raw.subarray(pagefindSignature.length)) as [[string, ...unknown[]][]];
    const first = words[0]?.[0] ?? '';
    if (isToken(first)) expect(statSync(path.join(dir, file)).size, `${file} (from ${first})`).toBeLessThan(16 * 1024);
  }
  expect(readdirSync(siteFile('pagefind')).sort()).toEqual(['fragment', 'index']);
});

test('a term joining an everyday word to another is followed by the clauses that hold them apart', async ({ page }) => {
  await page.goto('/search/?q=' + encodeURIComponent('校园霸凌'));
  const ids = await done(page, '校园霸凌');
  // p1.d2.m13 says 校园环境 … 防欺凌: neither 校园霸凌 nor an equivalent, but both parts.
  const apart = ids.indexOf('luozheng-2022-62.p1.d2.m13');
  expect(apart).toBeGreaterThan(0);
  const item = page.locator('[data-result-id="luozheng-2022-62.p1.d2.m13"]');
  await expect(item.locator('.result-related')).toContainText('分别包含“校园”“霸凌”');
  await expect(page.locator('#search-expansion')).toContainText('没有连续出现“校园霸凌”');
  // Every clause before it holds the term or a glossary equivalent, so none is marked.
  for (const id of ids.slice(0, apart)) await expect(page.locator(`[data-result-id="${id}"] .result-related`)).toHaveCount(0);
});

test('a pasted sentence is found as it stands, and one pasted across two clauses finds both', async ({ page }) => {
  // Long windows of measures (looked up by their first and last characters, the middle read in
  // the text): every unit holding the window, and it first; then only the units paired with it.
  const measures = clauses.filter((c) => /\.m\d+$/.test(c.id) && [...c.text].length > 120);
  for (const c of [measures[0], measures[Math.floor(measures.length / 2)], measures.at(-1)]) {
    if (c === undefined) throw new Error('no long measures in clauses.json');
    const window = [...c.text].slice(40, 90).join('');
    const expected = holding(window);
    expect(expected, window).toContain(c.id);
    await page.goto('/search/?q=' + encodeURIComponent(window));
    const ids = await done(page, window);
    expect(expected, window).toContain(ids[0]);
    const pairs = await paired(page);
    expect(ids.filter((id) => !pairs.includes(id)).sort(), window).toEqual(expected);
    expect(ids.slice(ids.length - pairs.length), window).toEqual(pairs); // after every match
  }
  // The end of one measure and the start of the next, pasted together: no unit holds that, so the
  // page shows the units holding each passage, marked, and says so.
  const lastPiece = (t: string) => t.replace(/[。；]$/, '').split(/[，。；：、（）]/).at(-1) ?? '';
  const firstPiece = (t: string) => t.split(/[，。；：、（）]/)[0] ?? '';
  const pairs = measures.flatMap((a) => {
    const b = clauses[clauses.indexOf(a) + 1];
    const tail = lastPiece(a.text);
    const head = b === undefined ? '' : firstPiece(b.text);
    return b !== undefined && /^\p{Script=Han}{6,}$/u.test(tail) && /^\p{Script=Han}{6,}$/u.test(head) ? [{ a, b, tail, head }] : [];
  });
  const pair = pairs[0];
  if (pair === undefined) throw new Error('no two measures to paste across');
  const pasted = `${pair.tail}。${pair.head}`;
  expect(holding(pasted)).toEqual([]);
  await page.goto('/search/?q=' + encodeURIComponent(pasted));
  const ids = await done(page, pasted);
  const pairedIds = await paired(page);
  expect(ids.filter((id) => !pairedIds.includes(id)).sort()).toEqual([...new Set([...holding(pair.tail), ...holding(pair.head)])].sort());
  expect(ids).toContain(pair.a.id);
  expect(ids).toContain(pair.b.id);
  await expect(page.locator(`[data-result-id="${pair.a.id}"] .result-related`)).toContainText(`包含“${pair.tail}”`);
  await expect(page.locator(`[data-result-id="${pair.b.id}"] .result-related`)).toContainText(`包含“${pair.head}”`);
  await expect(page.locator('#search-expansion')).toContainText(`没有条文包含完整的“${pasted}”`);
});

test('when the index does not download, the page says so and the next search tries again', async ({ page }) => {
  await page.route('**/pagefind/index/**', (route) => route.abort());
  await page.goto('/search/?q=' + encodeURIComponent(HELMET));
  await expect(results(page)).toHaveAttribute('data-search-state', 'error');
  await expect(page.getByRole('status')).toHaveText('搜索暂时无法使用。');
  await expect(page.locator('#search-suggestions')).toContainText('搜索索引未能加载');
  await expect(page.locator('#search-suggestions').getByRole('link', { name: '从首页按规划和领域浏览' })).toHaveAttribute('href', '/');
  // The network is back: pressing 搜索 runs the query.
  await page.unroute('**/pagefind/index/**');
  await page.getByRole('button', { name: '搜索', exact: true }).click();
  const ids = await done(page, HELMET);
  expect(ids.slice(0, helmet.length).sort()).toEqual(helmet);
  await expect(page.locator('#search-suggestions')).toBeHidden();
});

test('a short form the glossary does not know finds the long forms its characters mark', async ({ page }) => {
  const glossary = readFileSync(path.join('src', 'data', 'glossary.json'), 'utf8');
  const textOf = (id: string) => clauses.find((c) => c.id === id)?.text ?? '';
  for (const q of ['义教', '妇保']) expect(glossary, `${q} must not be a glossary term, or this tests the glossary`).not.toContain(`"${q}"`);

  // 义教 stands in the plan only where two words meet (爱国主义教育): that clause comes first, as
  // it holds the query as typed (in a library, so do its copies); then the clauses saying
  // 义务教育, each marked.
  const typed = holding('义教');
  for (const id of typed) expect(textOf(id)).toContain('主义教育');
  await page.goto('/search/?q=' + encodeURIComponent('义教'));
  const ids = await done(page, '义教');
  expect(ids.slice(0, typed.length).sort()).toEqual(typed);
  const pairs = await paired(page);
  const rest = ids.slice(typed.length).filter((id) => !pairs.includes(id));
  expect(rest.length).toBeGreaterThan(3);
  for (const id of rest) expect(textOf(id), id).toContain('义务教育');
  await expect(page.locator(`[data-result-id="${rest[0]}"] .result-related`)).toHaveText('包含“义务教育”（“义教”可能是其简称）');
  await expect(page.locator('#search-expansion')).toContainText('“义教”可能是“义务教育”的简称');

  // 妇保 stands nowhere: every result holds one of the long forms the page names.
  await page.goto('/search/?q=' + encodeURIComponent('妇保'));
  const found = await done(page, '妇保');
  expect(found.length).toBeGreaterThan(0);
  const said = (await page.locator('#search-expansion').textContent()) ?? '';
  expect(said).toMatch(/^规划中没有“妇保”。“妇保”可能是(“[^”]+”)+的简称/);
  const forms = [...(/^规划中没有“妇保”。“妇保”可能是((“[^”]+”)+)的简称/.exec(said)?.[1] ?? '').matchAll(/“([^”]+)”/g)].map((m) => m[1] ?? '');
  expect(forms).toContain('妇幼保健');
  const pairedToo = await paired(page);
  for (const id of found.filter((x) => !pairedToo.includes(x))) expect(forms.some((f) => textOf(id).includes(f)), id).toBe(true);
});

test('a short list of results is followed by the goals and measures the plan pairs with it', async ({ page }) => {
  const linked = siteJson<{ id: string; relatedMeasures?: string[]; relatedGoals?: string[] }[]>('data/clauses.json');
  await page.goto('/search/?q=' + encodeURIComponent(HELMET));
  const ids = await done(page, HELMET);
  const pairs = await paired(page);
  const matched = ids.filter((id) => !pairs.includes(id));
  expect(matched.sort()).toEqual(helmet);
  // Each listed pair is one of those clauses.json pairs with the first results, and every such pair is listed.
  const pairsOf = (id: string) => {
    const c = linked.find((x) => x.id === id);
    return [...(c?.relatedMeasures ?? []), ...(c?.relatedGoals ?? [])].slice(0, 3);
  };
  const expected = [...new Set(ids.slice(0, matched.length).flatMap(pairsOf))].filter((id) => !matched.includes(id));
  expect(pairs.sort()).toEqual(expected.sort());
  expect(pairs.length).toBeGreaterThan(0);
  const first = page.locator(`[data-result-id="${pairs[0]}"] .result-related`);
  await expect(first).toHaveText(/^对应第 \d+ 条结果（(主要目标|策略措施)第\d+项）$/);
  await expect(page.getByRole('status')).toHaveText(`共 ${helmet.length} 条结果，另附 ${pairs.length} 条相对应的条文。`);
});

test('a term found nowhere, nor all its words, lists the clauses holding some of its words', async ({ page, request }) => {
  const clauses = (await (await request.get('/data/clauses.json')).json()) as { id: string; text: string }[];
  const holding = clauses.filter((c) => c.text.includes('沉迷')).map((c) => c.id);
  expect(holding.length).toBeGreaterThan(0);
  expect(clauses.filter((c) => c.text.includes('钢琴'))).toEqual([]);
  await page.goto('/search/?q=' + encodeURIComponent('沉迷钢琴'));
  const ids = await done(page, '沉迷钢琴');
  expect(ids.slice(0, holding.length).sort()).toEqual([...holding].sort());
  await expect(page.locator(`[data-result-id="${holding[0]}"] .result-related`)).toHaveText('包含“沉迷”');
  await expect(page.locator('#search-expansion')).toContainText('没有条文同时包含“沉迷”“钢琴”（规划中没有“钢琴”）；以下');
});
