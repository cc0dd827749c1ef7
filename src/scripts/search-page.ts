// The search page: reads ?q=&plan=&domain=&kind=, runs the query on load and as you type
// (debounced), keeps the URL in step (so a search can be shared and Back works), renders filters
// with counts, results with highlighted excerpts, glossary expansions and suggestions.
import { SearchEngine, type Result } from '../lib/search/engine';
import { excerpt, matchRanges } from '../lib/search/highlight';
import { contentWords, parseQuery, passages, splitWords, type Query, type Term } from '../lib/search/query';
import { glossarySplit, suggest, type Glossary } from '../lib/search/variants';
import type { UnitsTable } from '../lib/search-index';
import { unitKindNames, unitUrl, type UnitKind } from '../lib/site';

const engine = new SearchEngine('/');
engine.preload();
const pageSize = 10;
const kindGroups = { goal: '主要目标', measure: '策略措施', other: '其他条文' } as const;
type KindGroup = keyof typeof kindGroups;

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`search page: #${id} is missing`);
  return el as T;
};
const form = $<HTMLFormElement>('search-form');
const input = $<HTMLInputElement>('q');
const planSelect = $<HTMLSelectElement>('filter-plan');
const domainSelect = $<HTMLSelectElement>('filter-domain');
const kindSelect = $<HTMLSelectElement>('filter-kind');
const status = $('search-status');
const expansion = $('search-expansion');
const suggestions = $('search-suggestions');
const list = $<HTMLOListElement>('search-results');
const more = $<HTMLButtonElement>('search-more');

interface State {
  q: string;
  plan: string;
  domain: string;
  kind: string;
}

function readUrl(): State {
  const p = new URLSearchParams(location.search);
  return { q: p.get('q') ?? '', plan: p.get('plan') ?? '', domain: p.get('domain') ?? '', kind: p.get('kind') ?? '' };
}

function urlOf(s: State): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(s)) if (v !== '') p.set(k, v);
  const qs = p.toString();
  return `${location.pathname}${qs === '' ? '' : `?${qs}`}`;
}

function formState(): State {
  return { q: input.value, plan: planSelect.value, domain: domainSelect.value, kind: kindSelect.value };
}

function kindGroup(kind: string): KindGroup {
  return kind === 'goal' || kind === 'measure' ? kind : 'other';
}

/** The unit's URL with the matched text to highlight on arrival (?hl=…), before any #anchor. */
function linkWithHighlight(url: string, marks: readonly string[]): string {
  const [path = url, hash] = url.split('#');
  const p = new URLSearchParams();
  for (const m of marks.slice(0, 3)) p.append('hl', m);
  const qs = p.toString();
  return `${path}${qs === '' ? '' : `?${qs}`}${hash === undefined ? '' : `#${hash}`}`;
}

function setOptions(select: HTMLSelectElement, all: string, options: { value: string; label: string; count: number }[], selected: string): void {
  select.replaceChildren(new Option(all, ''), ...options.map((o) => new Option(`${o.label}（${o.count}）`, o.value)));
  select.value = options.some((o) => o.value === selected) ? selected : '';
}

function passes(r: Result, s: State, skip: 'plan' | 'domain' | 'kind' | null): boolean {
  return (
    (skip === 'plan' || s.plan === '' || String(r.plan + 1) === s.plan) &&
    (skip === 'domain' || s.domain === '' || String(r.domain + 1) === s.domain) &&
    (skip === 'kind' || s.kind === '' || kindGroup(r.kind) === s.kind)
  );
}

/** Filters with counts: each facet counted over the results that pass the other facets. */
function renderFilters(results: readonly Result[], table: UnitsTable, s: State): void {
  const count = (skip: 'plan' | 'domain' | 'kind', test: (r: Result) => boolean) => results.filter((r) => passes(r, s, skip) && test(r)).length;
  setOptions(planSelect, '全部规划', table.plans.flatMap((title, i) => (title === '' ? [] : [{ value: String(i + 1), label: title, count: count('plan', (r) => r.plan === i) }])), s.plan);
  const domains = table.domains.flatMap((d, i) => (s.plan !== '' && String(d.plan + 1) !== s.plan ? [] : [{ value: String(i + 1), label: d.name, count: count('domain', (r) => r.domain === i) }]));
  setOptions(domainSelect, '全部领域', domains, s.domain);
  setOptions(kindSelect, '全部类型', (Object.keys(kindGroups) as KindGroup[]).map((k) => ({ value: k, label: kindGroups[k], count: count('kind', (r) => kindGroup(r.kind) === k) })), s.kind);
}

function renderItem(r: Result, table: UnitsTable): HTMLLIElement {
  const label = r.label;
  const li = document.createElement('li');
  li.className = 'result';
  li.dataset['resultId'] = r.id;
  const h = document.createElement('h2');
  const a = document.createElement('a');
  a.href = unitUrl(r.id, r.kind as UnitKind);
  a.textContent = label;
  h.append(a);
  const meta = document.createElement('p');
  meta.className = 'result-meta';
  const where = [table.plans[r.plan] ?? '', r.domain === -1 ? '' : (table.domains[r.domain]?.name ?? '')].filter((x) => x !== '');
  const kindName = unitKindNames[r.kind as UnitKind] ?? r.kind;
  const code = document.createElement('code');
  code.textContent = r.id;
  meta.append(`${kindName} · ${where.join(' · ')} · ID `, code);
  li.append(h, meta);
  const note = notes.get(r.id);
  if (note !== undefined) {
    const p = document.createElement('p');
    p.className = 'result-related';
    p.textContent = note;
    li.append(p);
  }
  return li;
}

/** Fetch a rendered result's text and title: the title joins the link, the excerpt is marked. */
async function fillItem(li: HTMLLIElement, r: Result): Promise<void> {
  const fragment = await r.fragment();
  const text = fragment.meta['text'] ?? '';
  const title = fragment.meta['title'] ?? '';
  const ranges = matchRanges(text, r.needles);
  const link = li.querySelector('a');
  if (link !== null) {
    if (title !== '' && !link.textContent?.includes(title)) link.textContent = `${link.textContent ?? ''} ${title}`;
    link.href = linkWithHighlight(link.href, [...new Set(ranges.map((x) => text.slice(x.start, x.end)))]);
  }
  const ex = excerpt(text, ranges);
  const p = document.createElement('p');
  p.className = 'result-excerpt';
  if (ex.clippedStart) p.append('…');
  for (const piece of ex.pieces) {
    if (piece.mark) {
      const m = document.createElement('mark');
      m.textContent = piece.text;
      p.append(m);
    } else p.append(piece.text);
  }
  if (ex.clippedEnd) p.append('…');
  li.append(p);
}

/**
 * Up to this many characters a query is a term (a word or two: 家暴, 校园霸凌, 三孩政策), whose
 * words may stand apart in a clause; longer, it is a phrase, to be found as it stands (looking up
 * the words of a phrase's every equivalent would read dozens of index chunks).
 */
const maxTermLength = 6;

let generation = 0;
/** Results that match otherwise than by the query or a glossary equivalent (see run): id → how to say so. */
let notes = new Map<string, string>();
let shown: { li: HTMLLIElement; r: Result }[] = [];
let filled = 0;

async function fillNext(): Promise<void> {
  const batch = shown.slice(filled, filled + pageSize);
  filled += batch.length;
  await Promise.all(
    batch.map(({ li, r }) =>
      fillItem(li, r).catch(() => {
        // The link still works; only the excerpt is missing.
        const p = document.createElement('p');
        p.className = 'result-excerpt';
        p.textContent = '（摘要未能加载，请打开条文查看。）';
        li.append(p);
      }),
    ),
  );
  more.hidden = filled >= shown.length;
}

function describeExpansion(query: Query): void {
  const parts = query.terms.filter((t) => t.alternatives.length > 0).map((t) => `${t.raw} → ${t.alternatives.join('、')}`);
  expansion.hidden = parts.length === 0;
  expansion.textContent = parts.length === 0 ? '' : `同时搜索了同义词：${parts.join('；')}`;
}

/** A suggestion: a query that does find something, with how many units. */
interface Suggestion {
  q: string;
  count: number;
}

/** No results is never a dead end: drop a term, or try near words and glossary terms that occur. */
async function findSuggestions(query: Query, glossary: Glossary): Promise<Suggestion[]> {
  const terms = query.terms.map((t) => t.raw);
  const tries: string[] = [];
  if (terms.length > 1) {
    terms.forEach((_, i) => tries.push(terms.filter((__, k) => k !== i).join(' ')));
  } else {
    const vocabulary = await engine.vocabulary();
    const text = query.terms[0]?.text ?? '';
    tries.push(...suggest(text, vocabulary, 6));
    tries.push(...glossary.entries.filter((e) => e.terms.some((g) => text.includes(g) || g.includes(text))).flatMap((e) => e.terms));
  }
  const unique = [...new Set(tries)].filter((q) => q !== query.raw).slice(0, 12);
  const counted = await Promise.all(unique.map(async (q) => ({ q, count: (await engine.search(parseQuery(q, null))).length })));
  return counted.filter((s) => s.count > 0).slice(0, 8);
}

async function renderSuggestions(query: Query, glossary: Glossary): Promise<void> {
  const found = await findSuggestions(query, glossary);
  suggestions.replaceChildren();
  suggestions.hidden = false;
  const p = document.createElement('p');
  if (found.length === 0) {
    p.textContent = '没有找到相关条文。请换一个词，或从首页按规划和领域浏览。';
    suggestions.append(p);
    return;
  }
  p.textContent = query.terms.length > 1 ? '没有同时包含这些词的条文。可以少用一个词：' : '没有找到。您可以试试：';
  const ul = document.createElement('ul');
  for (const s of found) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = urlOf({ q: s.q, plan: '', domain: '', kind: '' });
    a.textContent = s.q;
    li.append(a, `（${s.count} 条）`);
    ul.append(li);
  }
  suggestions.append(p, ul);
}

/** What a step after the search finds: results, how each of them matches, and what to tell the reader. */
interface Extra {
  readonly results: readonly Result[];
  readonly notes: ReadonlyMap<string, string>;
  /** One sentence for the expansion line. */
  readonly said: string;
}

const quote = (words: readonly string[]) => words.map((w) => `“${w}”`).join('');
const isNew = (results: readonly Result[]) => (r: Result) => !results.some((x) => x.id === r.id);

/**
 * After the clauses that hold a short term or an equivalent, the clauses that hold the words of one
 * of them apart: a term joining a glossary word to another (校园霸凌 → 校园 … 欺凌, `parts`), or an
 * equivalent the plan words differently (虐童 ↔ 虐待儿童 → 虐待 … 儿童).
 */
async function apart(only: Term, parts: readonly string[], results: readonly Result[], glossary: Glossary): Promise<Extra | null> {
  if (results.length === 0 || [...only.text].length > maxTermLength) return null;
  const wordSets = [parts, ...only.alternatives.filter((a) => [...a].length >= 4).map((a) => splitWords(a))].filter((w) => w.length > 1).slice(0, 3);
  const founds = await Promise.all(wordSets.map((words) => engine.search(parseQuery(words.join(' '), glossary))));
  const found = new Map<string, { r: Result; note: string }>();
  for (const [k, rs] of founds.entries()) {
    const words = wordSets[k] ?? [];
    for (const r of rs.filter(isNew(results))) if (!found.has(r.id)) found.set(r.id, { r, note: `分别包含${quote(words)}${words === parts ? '（或其同义词）' : ''}` });
  }
  if (found.size === 0) return null;
  return { results: [...found.values()].map((x) => x.r), notes: new Map([...found].map(([id, x]) => [id, x.note])), said: `后 ${found.size} 条结果没有连续出现“${only.raw}”或其同义词，而是分别包含其中的词语` };
}

/**
 * A short query the plan does not say (not at all, or only where two words meet) may be a short
 * form the glossary does not know (义教 → 义务教育, 公卫 → 公共卫生): the clauses holding the long
 * forms its characters mark (abbreviation.ts), each marked with the form it holds.
 */
async function shortForms(only: Term, results: readonly Result[]): Promise<Extra | null> {
  const itself = results.filter((r) => r.distance === 0);
  if (itself.length > 0 && !(await engine.onlyAcrossWords(only.text, itself))) return null;
  const forms = (await engine.longForms(only.text)).map((f) => f.text);
  const [head, ...others] = forms;
  if (head === undefined) return null;
  const found = (await engine.search({ raw: only.raw, terms: [{ raw: only.raw, text: head, quoted: false, alternatives: others }] })).filter(isNew(results));
  if (found.length === 0) return null;
  const said = `“${only.raw}”可能是${quote(forms)}的简称`;
  return {
    results: found,
    notes: new Map(found.map((r) => [r.id, `包含“${forms[r.distance] ?? ''}”（“${only.raw}”可能是其简称）`])),
    said: results.length === 0 ? `规划中没有“${only.raw}”。${said}，以下条文包含这些说法` : `${said}：后 ${found.length} 条结果包含这些说法`,
  };
}

/**
 * Nothing holds a long pasted text: the clauses holding one of its passages, each marked with the
 * passage it holds (those holding more passages first).
 */
async function passagesOf(only: Term): Promise<Extra | null> {
  const pieces = passages(only.text);
  if (pieces.length === 0) return null;
  const founds = await Promise.all(pieces.map((p) => engine.search(parseQuery(`“${p}”`, null))));
  const held = new Map<string, { r: Result; pieces: string[] }>();
  for (const [k, found] of founds.entries()) {
    for (const r of found) {
      const entry = held.get(r.id) ?? { r, pieces: [] };
      entry.pieces.push(pieces[k] ?? '');
      held.set(r.id, entry);
    }
  }
  const ordered = [...held.values()].sort((a, b) => b.pieces.length - a.pieces.length);
  return {
    results: ordered.map((x) => x.r),
    notes: new Map(ordered.map((x) => [x.r.id, `包含${quote(x.pieces)}`])),
    said: ordered.length > 0 ? `没有条文包含完整的“${only.raw}”；以下条文包含其中的一段（${quote(pieces)}）` : `没有条文包含完整的“${only.raw}”，也没有条文包含其中的一段（${quote(pieces)}）`,
  };
}

/** Nothing holds the whole term (nor an equivalent): its parts, then its words (and each equivalent's) together. */
async function wordsTogether(only: Term, parts: readonly string[], glossary: Glossary): Promise<Extra | null> {
  for (const words of [parts, ...[only.raw, ...only.alternatives].map(splitWords)]) {
    if (words.length < 2) continue;
    const found = await engine.search(parseQuery(words.join(' '), glossary));
    if (found.length > 0) return { results: found, notes: new Map(), said: `没有条文包含完整的“${only.raw}”；以下条文同时包含${quote(words)}` };
  }
  return null;
}

/**
 * Nothing holds the term, nor all of its words: the clauses holding some of them (防沉迷 → 沉迷,
 * 广告进校园 → 广告, 校园), those holding more words first, then those holding rarer words (a word
 * in few clauses says more of what was meant than one in many), each marked with its words.
 */
async function someWords(only: Term, glossary: Glossary, table: UnitsTable): Promise<Extra | null> {
  const words = contentWords(only.text);
  if (words.length === 0) return null;
  const founds = await Promise.all(words.map((w) => engine.search(parseQuery(w, glossary))));
  const total = Object.keys(table.units).length;
  const held = new Map<string, { r: Result; words: string[]; weight: number; best: number }>();
  for (const [k, found] of founds.entries()) {
    const weight = Math.log(1 + total / Math.max(1, found.length));
    for (const [rank, r] of found.entries()) {
      const entry = held.get(r.id) ?? { r, words: [], weight: 0, best: rank };
      entry.words.push(words[k] ?? '');
      entry.weight += weight;
      entry.best = Math.min(entry.best, rank);
      held.set(r.id, entry);
    }
  }
  if (held.size === 0) return null;
  const ordered = [...held.values()].sort((a, b) => b.words.length - a.words.length || b.weight - a.weight || a.best - b.best);
  return {
    results: ordered.map((x) => x.r),
    notes: new Map(ordered.map((x) => [x.r.id, `包含${quote(x.words)}`])),
    said: `没有条文包含完整的“${only.raw}”${words.length > 1 ? '，也没有条文同时包含其中的词语' : ''}；以下条文包含其中的词语（${quote(words)}）${words.length > 1 ? '，包含得多的在前' : ''}`,
  };
}

/** At most this many results, a search also lists the goals and measures the plan pairs with its first ones. */
const maxResultsForPaired = 10;

/**
 * The plan pairs each goal with the measures that serve it (links.ts): after a short list of
 * results, the goals and measures paired with its first three that it does not hold, each marked
 * with the result it belongs to. A measure found by its wording leads to the goal it serves,
 * which often says the same in other words (长期照护 in the measure, 长期照护保障制度 in the goal).
 */
async function pairedWith(results: readonly Result[]): Promise<Extra | null> {
  if (results.length === 0 || results.length > maxResultsForPaired) return null;
  const found = await engine.paired(results.slice(0, 3), results);
  if (found.length === 0) return null;
  return {
    results: found.map((x) => x.result),
    notes: new Map(found.map((x) => [x.result.id, `对应第 ${results.indexOf(x.of) + 1} 条结果（${x.of.label}）`])),
    said: `最后 ${found.length} 条是规划中与前面结果相对应的${[...new Set(found.map((x) => (x.result.kind === 'goal' ? '主要目标' : '策略措施')))].join('和')}`,
  };
}

async function run(s: State): Promise<void> {
  const mine = ++generation;
  list.dataset['searchState'] = 'loading';
  list.dataset['searchQuery'] = s.q;
  const glossary = await engine.glossary();
  if (mine !== generation) return;
  const query = parseQuery(s.q, glossary);
  describeExpansion(query);
  suggestions.hidden = true;
  if (query.terms.length === 0) {
    list.replaceChildren();
    status.textContent = s.q.trim() === '' ? '' : '请输入要搜索的词语。';
    more.hidden = true;
    list.dataset['searchState'] = 'done';
    return;
  }
  let [results, table] = await Promise.all([engine.search(query), engine.table()]);
  if (mine !== generation) return;
  notes = new Map();
  const said: string[] = expansion.textContent === '' ? [] : [expansion.textContent ?? ''];
  /** Take what a step found: after the results so far, or instead of none. */
  const take = (extra: Extra | null) => {
    if (extra === null) return;
    results = [...results, ...extra.results];
    for (const [id, note] of extra.notes) notes.set(id, note);
    said.push(extra.said);
  };
  const only = query.terms.length === 1 ? query.terms[0] : undefined;
  if (only !== undefined && !only.quoted) {
    const parts = glossarySplit(only.text, glossary);
    take(await apart(only, parts, results, glossary));
    if (mine !== generation) return;
    take(await shortForms(only, results));
    if (mine !== generation) return;
    for (const step of [() => passagesOf(only), () => wordsTogether(only, parts, glossary), () => someWords(only, glossary, table)]) {
      if (results.length > 0) break;
      const extra = await step();
      if (mine !== generation) return;
      take(extra);
      if (extra !== null && extra.results.length === 0) break; // a long paste whose passages are nowhere either
    }
  }
  const main = results.length;
  take(await pairedWith(results));
  if (mine !== generation) return;
  expansion.hidden = said.length === 0;
  expansion.textContent = said.length === 0 ? '' : `${said.join('。')}。`;
  renderFilters(results, table, s);
  const visible = results.filter((r) => passes(r, s, null));
  shown = visible.map((r) => ({ li: renderItem(r, table), r }));
  filled = 0;
  list.replaceChildren(...shown.map((x) => x.li));
  const pairedCount = results.length - main;
  const counted = pairedCount === 0 ? `共 ${results.length} 条结果` : `共 ${main} 条结果，另附 ${pairedCount} 条相对应的条文`;
  status.textContent = visible.length === results.length ? `${counted}。` : `${counted}，筛选后 ${visible.length} 条。`;
  if (results.length === 0) await renderSuggestions(query, glossary);
  if (mine !== generation) return;
  // The ranked list (label, kind, place, ID, link) is on the page: done. Titles and marked excerpts
  // of the first results follow as their fragments arrive (data-excerpts-state says when).
  list.dataset['searchState'] = 'done';
  list.dataset['excerptsState'] = 'loading';
  void fillNext().then(() => {
    if (mine === generation) list.dataset['excerptsState'] = 'done';
  });
}

/**
 * The search could not run (the index or a data file did not download): say so where results
 * would be, with a way on, and mark the state "error" (not "done"). The engine forgets what
 * failed, so the next search, or pressing 搜索, tries again.
 */
function failed(error: unknown): void {
  console.error(error);
  list.replaceChildren();
  more.hidden = true;
  expansion.hidden = true;
  suggestions.hidden = false;
  const p = document.createElement('p');
  const home = document.createElement('a');
  home.href = '/';
  home.textContent = '从首页按规划和领域浏览';
  p.append('搜索索引未能加载，暂时无法搜索。请检查网络后再按“搜索”重试，或', home, '全部条文。');
  suggestions.replaceChildren(p);
  status.textContent = '搜索暂时无法使用。';
  list.dataset['searchState'] = 'error';
}

/**
 * Run a search and keep the address bar and title in step with it. The history entry is written
 * once the results are on the page (a history call costs a few milliseconds in Chromium, and
 * nothing needs it sooner); Back still returns to the previous search.
 */
async function go(s: State, history: 'push' | 'replace' | 'none'): Promise<void> {
  const mine = generation + 1; // what run() will take
  try {
    await run(s);
  } catch (error) {
    if (mine === generation) failed(error); // unless a newer search has started since
  }
  const url = urlOf(s);
  if (history === 'push' && url !== `${location.pathname}${location.search}`) window.history.pushState(null, '', url);
  if (history === 'replace' && url !== `${location.pathname}${location.search}`) window.history.replaceState(null, '', url);
  document.title = s.q.trim() === '' ? document.title.replace(/^.*?搜索/, '搜索') : `${s.q} · 搜索`;
}

function show(s: State): void {
  input.value = s.q;
  for (const [select, value] of [[planSelect, s.plan], [domainSelect, s.domain], [kindSelect, s.kind]] as const) {
    if (![...select.options].some((o) => o.value === value) && value !== '') select.append(new Option(value, value));
    select.value = value;
  }
}

// Typing: results follow every change as fast as the engine answers. A change made while a search
// is running waits for it and then runs once with the latest text (changes in between coalesce),
// so searches never queue up. While an input method is composing (pinyin not yet turned into
// characters), nothing runs. History: the first change after a pause of a second pushes an entry,
// later ones in the same burst replace it, so Back returns to the previous search, not to each
// keystroke.
let running = false;
let again = false;
let burst: number | undefined;
async function typed(): Promise<void> {
  const history = burst === undefined ? 'push' : 'replace';
  window.clearTimeout(burst);
  burst = window.setTimeout(() => (burst = undefined), 1000);
  if (running) {
    again = true;
    return;
  }
  running = true;
  await go(formState(), history);
  while (again) {
    again = false;
    await go(formState(), 'replace');
  }
  running = false;
}
input.addEventListener('input', (event) => {
  if (!(event instanceof InputEvent && event.isComposing)) void typed();
});
input.addEventListener('compositionend', () => void typed());
for (const select of [planSelect, domainSelect, kindSelect]) {
  select.addEventListener('change', () => {
    if (select === planSelect) domainSelect.value = '';
    void go(formState(), 'push');
  });
}
form.addEventListener('submit', (event) => {
  event.preventDefault();
  void go(formState(), 'push');
});
more.addEventListener('click', () => void fillNext());
window.addEventListener('popstate', () => {
  const s = readUrl();
  show(s);
  void go(s, 'none');
});

const initial = readUrl();
show(initial);
void go(initial, 'none');
