// The search page: reads ?q=&plan=&domain=&kind=, runs the query on load and as you type
// (debounced), keeps the URL in step (so a search can be shared and Back works), renders filters
// with counts, results with highlighted excerpts, what else was searched, and suggestions. What is
// searched is search/fallbacks.ts `answer`; this script holds the DOM and the URL.
import { docSlugOf, unitUrl } from '../model/ids';
import { base, withBase } from './base';
import { unitKindNames, type UnitKind } from '../model/unit';
import { SearchEngine, type Result } from '../search/engine';
import { answer, expansionNote, suggestions as findSuggestions, type Answer } from '../search/fallbacks';
import type { Glossary } from '../search/glossary';
import { excerpt, matchRanges } from '../search/highlight';
import { parseQuery, type Query } from '../search/query';
import { shortTitle } from '../text/short-title';
import type { SearchUnits } from '../search/wire';

const engine = new SearchEngine(base);
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
/** A library's document filter (search.astro renders it, with each document's label, only when the site holds several). */
const docSelect = document.getElementById('filter-doc') as HTMLSelectElement | null;
const documentLabels = [...(docSelect?.options ?? [])].flatMap((o) => (o.value === '' ? [] : [{ slug: o.value, label: o.dataset['label'] ?? o.value }]));
const planSelect = $<HTMLSelectElement>('filter-plan');
const domainSelect = $<HTMLSelectElement>('filter-domain');
const kindSelect = $<HTMLSelectElement>('filter-kind');
const status = $('search-status');
const expansion = $('search-expansion');
const correction = $('search-correction');
const departments = $<HTMLUListElement>('search-departments');
const suggestions = $('search-suggestions');
const list = $<HTMLOListElement>('search-results');
const more = $<HTMLButtonElement>('search-more');

interface State {
  q: string;
  /** A document's slug (a library only). */
  doc: string;
  plan: string;
  domain: string;
  kind: string;
  /** '1': search the text as typed, without correcting typing errors (the "仍按…搜索" link). */
  exact: string;
}

function readUrl(): State {
  const p = new URLSearchParams(location.search);
  return { q: p.get('q') ?? '', doc: p.get('doc') ?? '', plan: p.get('plan') ?? '', domain: p.get('domain') ?? '', kind: p.get('kind') ?? '', exact: p.get('exact') === '1' ? '1' : '' };
}

function searchUrl(s: State): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(s)) if (v !== '') p.set(k, v);
  const qs = p.toString();
  return `${location.pathname}${qs === '' ? '' : `?${qs}`}`;
}

/** What the form says; `exact` holds while the query is the one it was set for. */
function formState(): State {
  const exact = readUrl().exact === '1' && readUrl().q === input.value ? '1' : '';
  return { q: input.value, doc: docSelect?.value ?? '', plan: planSelect.value, domain: domainSelect.value, kind: kindSelect.value, exact };
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

type Facet = 'doc' | 'plan' | 'domain' | 'kind';

function passes(r: Result, s: State, skip: Facet | null): boolean {
  return (
    (skip === 'doc' || s.doc === '' || docSlugOf(r.id) === s.doc) &&
    (skip === 'plan' || s.plan === '' || String(r.plan + 1) === s.plan) &&
    (skip === 'domain' || s.domain === '' || String(r.domain + 1) === s.domain) &&
    (skip === 'kind' || s.kind === '' || kindGroup(r.kind) === s.kind)
  );
}

/** Filters with counts: each facet counted over the results that pass the other facets. */
function renderFilters(results: readonly Result[], table: SearchUnits, s: State): void {
  const count = (skip: Facet, test: (r: Result) => boolean) => results.filter((r) => passes(r, s, skip) && test(r)).length;
  if (docSelect !== null) setOptions(docSelect, '全部文件', documentLabels.map((d) => ({ value: d.slug, label: d.label, count: count('doc', (r) => docSlugOf(r.id) === d.slug) })), s.doc);
  setOptions(planSelect, '全部规划', table.plans.flatMap((title, i) => (title === '' ? [] : [{ value: String(i + 1), label: title, count: count('plan', (r) => r.plan === i) }])), s.plan);
  const domains = table.domains.flatMap((d, i) => (s.plan !== '' && String(d.plan + 1) !== s.plan ? [] : [{ value: String(i + 1), label: d.name, count: count('domain', (r) => r.domain === i) }]));
  setOptions(domainSelect, '全部领域', domains, s.domain);
  setOptions(kindSelect, '全部类型', (Object.keys(kindGroups) as KindGroup[]).map((k) => ({ value: k, label: kindGroups[k], count: count('kind', (r) => kindGroup(r.kind) === k) })), s.kind);
}

function renderItem(r: Result, table: SearchUnits): HTMLLIElement {
  const kindName = unitKindNames[r.kind as UnitKind] ?? r.kind;
  // 第（二）项 alone says nothing before its excerpt arrives: name its part (组织实施第（二）项).
  const label = r.label.startsWith('第') ? `${kindName}${r.label}` : r.label;
  const li = document.createElement('li');
  li.className = 'result';
  li.dataset['resultId'] = r.id;
  const h = document.createElement('h2');
  const a = document.createElement('a');
  a.href = withBase(unitUrl(r.id, r.kind as UnitKind));
  a.textContent = label;
  h.append(a);
  const meta = document.createElement('p');
  meta.className = 'result-meta';
  // In a library plans of several documents share a title: the document's label comes first.
  const doc = documentLabels.find((d) => d.slug === docSlugOf(r.id))?.label ?? '';
  const where = [doc, table.plans[r.plan] ?? '', r.domain === -1 ? '' : (table.domains[r.domain]?.name ?? '')].filter((x) => x !== '');
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
  const text = fragment.text;
  // A goal has no title of its own: its short title (its first phrase) tells it apart.
  const title = r.kind === 'goal' ? shortTitle(text) : fragment.title;
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

let generation = 0;
/** Results that match otherwise than by the query or a glossary equivalent (see run): id → how to say so. */
let notes: ReadonlyMap<string, string> = new Map();
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

/** The departments a query names, each a link to its page, before the results. */
function renderDepartments(links: Answer['departments']): void {
  departments.replaceChildren(
    ...links.map((d) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = withBase(d.url);
      a.textContent = d.name;
      li.append('部门分工：', a, `（牵头 ${d.lead} 项，配合 ${d.support} 项）`);
      return li;
    }),
  );
  departments.hidden = links.length === 0;
}

/** A link to a search for `q` with the filters of `s`. */
function searchLink(s: State, q: string, exact: string, text: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = searchUrl({ ...s, q, exact });
  a.textContent = text;
  return a;
}

/**
 * What the search made of the query before searching it: read from English (规划原文是中文；已按中文“…”检索),
 * words corrected (已按“母婴室”搜索, with a link to search the text as typed), corrections offered.
 */
function renderCorrection(found: Answer, s: State): void {
  const parts: (string | Node)[] = [];
  const english = found.english;
  if (english !== null) {
    parts.push(
      english.found.length === 0
        ? `规划原文是中文，没有找到“${s.q}”对应的中文词语，请用中文词语搜索。`
        : `规划原文是中文：已按中文“${english.searched}”检索（${english.found.map((f) => `${f.en} → ${f.zh}`).join('；')}）${english.unknown.length > 0 ? `；未识别的英文词：${english.unknown.join('、')}` : ''}。`,
    );
  }
  if (found.corrected.length > 0) {
    parts.push(`规划中没有${found.corrected.map((c) => `“${c.from}”`).join('')}，已按${found.corrected.map((c) => `“${c.to}”`).join('')}搜索。`, searchLink(s, s.q, '1', `仍按“${s.q}”搜索`));
  }
  if (found.offered.length > 0) {
    parts.push(found.corrected.length > 0 ? ' 您是不是要找：' : '您是不是要找：');
    found.offered.forEach((q, i) => parts.push(...(i === 0 ? [] : ['、']), searchLink(s, q, '', q)));
  }
  correction.replaceChildren(...parts);
  correction.hidden = parts.length === 0;
}

async function renderSuggestions(query: Query, glossary: Glossary): Promise<void> {
  const found = await findSuggestions(engine, query, glossary);
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
    a.href = searchUrl({ q: s.q, doc: '', plan: '', domain: '', kind: '', exact: '' });
    a.textContent = s.q;
    li.append(a, `（${s.count} 条）`);
    ul.append(li);
  }
  suggestions.append(p, ul);
}

async function run(s: State): Promise<void> {
  const mine = ++generation;
  list.dataset['searchState'] = 'loading';
  list.dataset['searchQuery'] = s.q;
  const glossary = await engine.glossary();
  if (mine !== generation) return;
  const query = parseQuery(s.q, glossary);
  const expanded = expansionNote(query);
  expansion.hidden = expanded === '';
  expansion.textContent = expanded;
  suggestions.hidden = true;
  departments.hidden = true;
  correction.hidden = true;
  if (query.terms.length === 0) {
    list.replaceChildren();
    status.textContent = s.q.trim() === '' ? '' : '请输入要搜索的词语。';
    more.hidden = true;
    list.dataset['searchState'] = 'done';
    return;
  }
  const [found, table] = await Promise.all([answer(engine, query, glossary, { stale: () => mine !== generation, asTyped: s.exact === '1' }), engine.table()]);
  if (found === null || mine !== generation) return;
  const { results, main, said } = found;
  renderDepartments(found.departments);
  renderCorrection(found, s);
  notes = found.notes;
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
  if (results.length === 0 && found.english === null) await renderSuggestions(query, glossary);
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
  departments.hidden = true;
  correction.hidden = true;
  suggestions.hidden = false;
  const p = document.createElement('p');
  const home = document.createElement('a');
  home.href = withBase('/');
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
  const url = searchUrl(s);
  if (history === 'push' && url !== `${location.pathname}${location.search}`) window.history.pushState(null, '', url);
  if (history === 'replace' && url !== `${location.pathname}${location.search}`) window.history.replaceState(null, '', url);
  document.title = s.q.trim() === '' ? document.title.replace(/^.*?搜索/, '搜索') : `${s.q} · 搜索`;
}

function show(s: State): void {
  input.value = s.q;
  const selects = [...(docSelect === null ? [] : [[docSelect, s.doc] as const]), [planSelect, s.plan], [domainSelect, s.domain], [kindSelect, s.kind]] as const;
  for (const [select, value] of selects) {
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
for (const select of [...(docSelect === null ? [] : [docSelect]), planSelect, domainSelect, kindSelect]) {
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
