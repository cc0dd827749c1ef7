// What the search page does beyond the query itself: each step a function of the engine and the
// query, so unit tests reach them (tests/unit/search-engine.test.ts) and the page script keeps
// only the DOM and the URL. `answer` runs them in order:
//   1. words apart     a short term's parts, or an equivalent's words, standing apart (校园 … 欺凌);
//   2. short forms     a short query the plan does not say, as the long forms it may abbreviate;
//   then, only while nothing is found:
//   3. passages        a long pasted text, by its first and last passages;
//   4. understood      the query without its filler and question words, years and place names
//                      (understand.ts: 产假有几天 → 产假);
//   5. typos           a word found nowhere, corrected to the plans' word of the same sound
//                      (typos.ts: 母婴式 → 母婴室), when there is no doubt; else offered;
//   6. relaxed         the clauses holding some of its words, scored (relaxed.ts: BM25 times
//                      how much of the query a clause covers), the best few;
//   and last, after a short list:
//   7. paired clauses  the goals and measures the plan pairs with the first results.
// Before all of it, a query in English is read as the plans' Chinese words (english.ts), and a
// department word (卫健委, 人社局; departments.ts) is taken out of the query: it picks the
// department, whose clauses then come first (or weigh more in step 6), or make the results when
// nothing else was asked. Every result a step adds carries a note saying how it matches, and each
// step says what it did.
import { departmentsIn, type DepartmentMatch } from './departments';
import type { Result, SearchEngine } from './engine';
import { isEnglish, translate } from './english';
import { equivalents, expand, glossarySplit, type Glossary } from './glossary';
import { parseQuery, passages, splitWords, type Query, type Term } from './query';
import { relaxedRank, relaxedWords } from './relaxed';
import { suggest } from './suggest';
import { corrections, unambiguous, unknownRuns } from './typos';
import { fillerWords, placesOf, understand } from './understand';
import { chineseWords } from '../text/segmenter';

/** What a step after the search finds: results, how each of them matches, and what to tell the reader. */
export interface Extra {
  readonly results: readonly Result[];
  /** Result id → how it matches (shown under it). */
  readonly notes: ReadonlyMap<string, string>;
  /** One sentence for the line above the results. */
  readonly said: string;
}

/** A search's whole answer. */
export interface Answer {
  readonly query: Query;
  /** The results in order: those of the query and its steps, then the paired clauses. */
  readonly results: readonly Result[];
  /** How many of `results` come before the paired clauses. */
  readonly main: number;
  readonly notes: ReadonlyMap<string, string>;
  /** What was searched besides the query, one sentence each. */
  readonly said: readonly string[];
  /** The departments the query names, to link to first. */
  readonly departments: readonly DepartmentLink[];
  /** How many of the first `main` results are the relaxed match's (step 6): they come last among them. */
  readonly relaxed: number;
  /** Words found nowhere that were searched as corrected (母婴式 → 母婴室): the page links to the text as typed. */
  readonly corrected: readonly Corrected[];
  /** Corrections offered when there was doubt (the page links to each). */
  readonly offered: readonly string[];
  /** A query in English: what it was read as. */
  readonly english: EnglishReading | null;
}

export interface Corrected {
  readonly from: string;
  readonly to: string;
}

export interface EnglishReading {
  /** The Chinese query searched ('' when no word of the query is known). */
  readonly searched: string;
  /** The English phrases recognized, each with the Chinese searched for it. */
  readonly found: readonly { readonly en: string; readonly zh: string }[];
  /** English words no entry covers. */
  readonly unknown: readonly string[];
}

export interface AnswerOptions {
  /** Asked between steps: when it says a newer search has started, the answer is abandoned (null). */
  readonly stale?: () => boolean;
  /** Search the text as typed: no typing-error correction (the page's "仍按…搜索" link). */
  readonly asTyped?: boolean;
}

/** What the steps after the query need besides it. */
interface StepContext {
  readonly stale: () => boolean;
  readonly asTyped: boolean;
  /** The names of the place the plans are for (understand.ts `placesOf`). */
  readonly places: readonly string[];
  /** A factor per result key for the relaxed match (a named department's clauses weigh more). */
  readonly boost: (key: string) => number;
  /** The query was read from English (its words scored, none required). */
  readonly english: boolean;
}

/** A department a query names, as the page links to it. */
export interface DepartmentLink {
  readonly name: string;
  readonly url: string;
  /** How many clauses it leads and supports. */
  readonly lead: number;
  readonly support: number;
}

/**
 * Up to this many characters a query is a term (a word or two: 家暴, 校园霸凌, 三孩政策), whose
 * words may stand apart in a clause; longer, it is a phrase, to be found as it stands (looking up
 * the words of a phrase's every equivalent would read dozens of index chunks).
 */
export const maxTermLength = 6;

/** At most this many results, a search also lists the goals and measures the plan pairs with its first ones. */
export const maxResultsForPaired = 10;

const quote = (words: readonly string[]) => words.map((w) => `“${w}”`).join('');
const isNew = (results: readonly Result[]) => (r: Result) => !results.some((x) => x.id === r.id);

/** What was searched besides the query as typed (its simplified form, its glossary equivalents), one sentence; '' when nothing. */
export function expansionNote(query: Query): string {
  // A term typed in traditional characters (兒童) is searched in the plans' simplified ones: say so first.
  const simplified = query.terms.filter((t) => /\p{Script=Han}/u.test(t.raw) && t.raw.normalize('NFKC').replace(/\s/gu, '').toLowerCase() !== t.text).map((t) => `“${t.text}”`);
  const parts = query.terms.filter((t) => t.alternatives.length > 0).map((t) => `${t.raw} → ${t.alternatives.join('、')}`);
  return [simplified.length > 0 ? `已按简体${simplified.join('')}检索` : '', parts.length === 0 ? '' : `同时搜索了同义词：${parts.join('；')}`].filter((x) => x !== '').join('；');
}

/** A named department's lead clauses weigh this much more in the relaxed match, its supporting ones `supportBoost`. */
const leadBoost = 2;
const supportBoost = 1.5;

/**
 * A search and its steps (see the top of this file); null when abandoned (`options.stale`).
 */
export async function answer(engine: SearchEngine, typed: Query, glossary: Glossary, options: AnswerOptions = {}): Promise<Answer | null> {
  const stale = options.stale ?? (() => false);
  const reading = await readEnglish(engine, typed, glossary);
  const query = reading?.query ?? typed;
  const extras = { english: reading?.english ?? null };
  if (query.terms.length === 0) return { ...emptyAnswer(typed), ...extras };
  const [table, { departments: all }] = await Promise.all([engine.table(), engine.departments()]);
  const { matches, rest } = departmentsIn(query, all, glossary);
  const base = { stale, asTyped: options.asTyped === true, places: placesOf(table.plans), english: reading !== null };
  if (matches.length === 0) {
    const found = await searchWithSteps(engine, query, glossary, { ...base, boost: () => 1 });
    return found === null ? null : { ...found, query: typed, ...extras };
  }
  const departments = matches.map(({ department: d }) => ({ name: d.name, url: d.url, lead: d.lead.length, support: d.support.length }));
  if (rest.terms.length === 0) {
    const found = await departmentClauses(engine, query, matches);
    return stale() ? null : { ...emptyAnswer(typed), ...found, main: found.results.length, departments, ...extras };
  }
  const boost = (key: string) => {
    const page = table.byFragment.get(key)?.page ?? -1;
    return roleNote(matches, page)?.rank === 0 ? leadBoost : roleNote(matches, page) === null ? 1 : supportBoost;
  };
  // The whole query as typed first, where the plans hold all of it (妇联 维权): a department word
  // that the text does contain is the best evidence there is.
  const [literal, found] = await Promise.all([engine.search(query), searchWithSteps(engine, rest, glossary, { ...base, boost })]);
  return found === null ? null : { ...found, ...boosted(found, matches, literal), query: typed, departments, ...extras };
}

/** An answer with nothing in it yet. */
function emptyAnswer(query: Query): Answer {
  return { query, results: [], main: 0, notes: new Map(), said: [], departments: [], relaxed: 0, corrected: [], offered: [], english: null };
}

/**
 * A query in English, read as the plans' Chinese words (english.ts): each phrase recognized becomes
 * a term, its first wording searched and the others (and their glossary equivalents) as its
 * alternatives. null for a query that is not English, or that the glossary knows as it is (HPV).
 */
async function readEnglish(engine: SearchEngine, query: Query, glossary: Glossary): Promise<{ query: Query; english: EnglishReading } | null> {
  if (!isEnglish(query.raw) || query.terms.every((t) => glossary.byTerm.has(t.text))) return null;
  const { found, unknown } = translate(query.raw, await engine.english());
  const terms: Term[] = found.flatMap(({ en, zh }) => {
    const [head, ...others] = zh;
    if (head === undefined) return [];
    const alternatives = [...new Set([...others, ...expand(head, glossary)])].filter((a) => a !== head && !glossary.absent.has(a));
    return [{ raw: en, text: head, quoted: false, alternatives: alternatives.slice(0, 8) }];
  });
  const searched = terms.map((t) => t.text).join(' ');
  return { query: { raw: searched, terms }, english: { searched, found: terms.map((t) => ({ en: t.raw, zh: t.text })), unknown } };
}

/** The query and its steps 1–7. */
async function searchWithSteps(engine: SearchEngine, query: Query, glossary: Glossary, ctx: StepContext): Promise<Answer | null> {
  let results = ctx.english ? [] : await engine.search(query);
  const notes = new Map<string, string>();
  const expansion = expansionNote(query);
  const said: string[] = expansion === '' ? [] : [expansion];
  /** Take what a step found: after the results so far, or instead of none. */
  const take = (extra: Extra | null) => {
    if (extra === null) return;
    results = [...results, ...extra.results];
    for (const [id, note] of extra.notes) notes.set(id, note);
    if (extra.said !== '') said.push(extra.said);
  };
  const only = query.terms.length === 1 ? query.terms[0] : undefined;
  if (only !== undefined && !only.quoted && !ctx.english) {
    const parts = glossarySplit(only.text, glossary);
    const steps = [
      () => apart(engine, only, parts, results, glossary),
      () => shortForms(engine, only, results),
      () => (results.length > 0 ? null : passagesOf(engine, only)),
    ];
    for (const step of steps) {
      if (ctx.stale()) return null;
      const extra = await step();
      take(extra);
      if (extra !== null && extra.results.length === 0) break; // a long paste whose passages are nowhere either
    }
  }
  let relaxed = 0;
  const corrected: Corrected[] = [];
  const offered: string[] = [];
  /** Step 5 on a query: its words found nowhere, corrected; the query to go on with. */
  const typos = async (q: Query): Promise<Query> => {
    if (results.length > 0 || ctx.asTyped || ctx.stale()) return q;
    const found = await correctTypos(engine, q, glossary);
    offered.push(...found.offered.filter((o) => !offered.includes(o)));
    if (found.corrected.length === 0) return q;
    corrected.push(...found.corrected);
    const hits = await engine.search(found.query);
    // What was corrected is the answer's `corrected`, which the page shows with a link to the text as typed.
    take({ results: hits, notes: new Map(), said: '' });
    return found.query;
  };
  if (results.length === 0 && !ctx.english) {
    // 5, on the query as typed (儿童之佳 → 儿童之家), then 4 and 5 on what it asks (母婴式在哪里 → 母婴式 → 母婴室).
    let core = await typos(query);
    const understood = results.length > 0 ? null : understand(core, glossary, ctx.places);
    if (understood !== null) {
      // The equivalents of the question as typed (产假有几天 → 生育休假有几天) found nothing: say those of what it asks.
      const asked = expansionNote(understood.query);
      if (expansion !== '' && said[0] === expansion) said.shift();
      if (asked !== '') said.unshift(asked);
      core = understood.query;
      const found = await engine.search(core);
      take({ results: found, notes: new Map(), said: `${quote(understood.dropped)}不必出现在条文中，已按${quote(core.terms.map((t) => t.raw))}搜索` });
      core = await typos(core);
    }
    if (results.length === 0 && !ctx.stale()) {
      const extra = await relaxedMatch(engine, core, glossary, ctx.boost);
      take(extra);
      relaxed = extra?.results.length ?? 0;
    }
  } else if (ctx.english) {
    // A query read from English: its Chinese words were chosen for it, so none is required: the
    // clauses are scored by all of them (the relaxed match), those holding every one first.
    const extra = await relaxedMatch(engine, query, glossary, ctx.boost, true);
    take(extra);
    relaxed = extra?.results.length ?? 0;
  }
  if (ctx.stale()) return null;
  const main = results.length;
  take(await pairedWith(engine, results));
  return ctx.stale() ? null : { query, results, main, notes, said, departments: [], relaxed, corrected, offered, english: null };
}

/**
 * The query with each word that occurs nowhere replaced by its correction when there is no doubt
 * (typos.ts `unambiguous`); the corrections in doubt are offered. A whole term of up to
 * `maxTypoLength` characters is tried first, with near sounds too; else each run of characters the
 * segmenter does not know as a word (儿童福力保障 → 福力), with the same sound only, to a word of the
 * plans: the rest of a longer text is words typed as meant. A glossary term is never corrected
 * (外教 is not 外交).
 */
async function correctTypos(engine: SearchEngine, query: Query, glossary: Glossary): Promise<{ query: Query; corrected: Corrected[]; offered: string[] }> {
  const nowhere = async (text: string) => (await engine.where(text)).size === 0;
  const occurrences = async (text: string) => [...(await engine.where(text)).values()].reduce((n, s) => n + s.length, 0);
  // A glossary term counts as often as its equivalents occur (婚前检察 → 婚前检查, the glossary's name for 婚前医学检查).
  const count = async (text: string) => (await occurrences(text)) || (await Promise.all(equivalents(text, glossary).map(occurrences))).reduce((a, b) => a + b, 0);
  const index = { followers: (ch: string) => engine.followers(ch), count };
  const corrected: Corrected[] = [];
  const offered: string[] = [];
  const texts = await Promise.all(
    query.terms.map(async (term) => {
      if (term.quoted || glossary.byTerm.has(term.text) || !(await nowhere(term.text))) return term.text;
      if ((await Promise.all(term.alternatives.map(nowhere))).some((none) => !none)) return term.text;
      const table = await engine.pinyin();
      const whole = await corrections(term.text, index, table);
      const tries = whole.length > 0 ? [{ word: term.text, found: whole }] : [];
      const runs = whole.length > 0 ? [] : unknownRuns(term.text, chineseWords(), (w) => fillerWords.has(w));
      // A run corrects only to a word of the plans (福力 → 福利), never to characters that stand
      // together across two of their words (时女 → 是女, as in 是女性).
      const words = runs.length > 0 ? new Set(await engine.vocabulary()) : new Set<string>();
      for (const run of runs) {
        if (glossary.byTerm.has(run) || !(await nowhere(run))) continue;
        const found = (await corrections(run, index, table, false)).filter((c) => words.has(c.text) || glossary.byTerm.has(c.text));
        tries.push({ word: run, found });
      }
      let text = term.text;
      for (const { word, found } of tries) {
        const best = unambiguous(found);
        if (best !== null) {
          corrected.push({ from: word, to: best.text });
          text = text.replace(word, best.text);
        } else offered.push(...found.slice(0, 3).map((c) => term.text.replace(word, c.text)));
      }
      return text;
    }),
  );
  return { query: parseQuery(texts.join(' '), glossary), corrected, offered: [...new Set(offered)] };
}

/** Step 6: the best few clauses holding some of the query's words (relaxed.ts), each marked with the words it holds. */
export async function relaxedMatch(engine: SearchEngine, query: Query, glossary: Glossary, boost: (key: string) => number = () => 1, chosen = false): Promise<Extra | null> {
  // Words chosen for the query (from English) are kept as they are, with their alternatives.
  const words = chosen ? query.terms.map((t) => ({ text: t.text, alternatives: t.alternatives })) : relaxedWords(query, glossary);
  if (words.length === 0) return null;
  const [table, ...hits] = await Promise.all([engine.table(), ...words.map((w) => Promise.all([w.text, ...w.alternatives].map((s) => engine.where(s))))]);
  const ranked = relaxedRank(words, hits, table.byFragment, boost);
  if (ranked.length === 0) return null;
  const needles = words.flatMap((w) => [w.text, ...w.alternatives]);
  const results = await engine.atKeys(ranked.map((r) => r.key), needles);
  const held = new Map(ranked.map((r) => [r.key, r.words]));
  const nowhere = words.filter((_, i) => (hits[i] ?? []).every((found) => found.size === 0)).map((w) => w.text);
  const absent = nowhere.length > 0 ? `（规划中没有${quote(nowhere)}）` : '';
  return {
    results,
    notes: new Map(results.map((r) => [r.id, `包含${quote(held.get(r.key) ?? [])}`])),
    said: chosen
      ? `以下 ${results.length} 项条文包含这些中文词语${absent}，按相关程度排列（包含的词越多、越少见，越靠前）`
      : `没有条文同时包含${quote(words.map((w) => w.text))}${words.length > 1 ? '' : '或其同义词'}${absent}；以下 ${results.length} 项条文包含其中的词语，按相关程度排列（包含的词越多、越少见，越靠前）`,
  };
}

/** What a department's name says of a clause: 市卫生健康委牵头. */
function roleNote(matches: readonly DepartmentMatch[], page: number): { rank: number; note: string } | null {
  for (const role of ['lead', 'support'] as const) {
    const m = matches.find((x) => x.department[role].includes(page));
    if (m !== undefined) return { rank: role === 'lead' ? 0 : 1, note: `${m.department.name}${role === 'lead' ? '牵头' : '配合'}` };
  }
  return null;
}

/** `results`, the departments' lead clauses first, then their supporting ones, then the rest, each in its order; with how many are theirs. */
function byRole(results: readonly Result[], matches: readonly DepartmentMatch[]): { results: Result[]; theirs: number } {
  const ranked = results.map((r, i) => ({ r, i, rank: roleNote(matches, r.page)?.rank ?? 2 })).sort((a, b) => a.rank - b.rank || a.i - b.i);
  return { results: ranked.map((x) => x.r), theirs: ranked.filter((x) => x.rank < 2).length };
}

/** `notes` with each result's part in the departments (市卫生健康委牵头) put before what it says. */
function withRoleNotes(results: readonly Result[], matches: readonly DepartmentMatch[], notes: ReadonlyMap<string, string> = new Map()): Map<string, string> {
  const out = new Map(notes);
  for (const r of results) {
    const role = roleNote(matches, r.page);
    if (role !== null) out.set(r.id, [role.note, notes.get(r.id)].filter((n) => n !== undefined).join('；'));
  }
  return out;
}

const named = (matches: readonly DepartmentMatch[]) => matches.map((m) => `“${m.raw}”`).join('');
const departmentNames = (matches: readonly DepartmentMatch[]) => matches.map((m) => m.department.name).join('、');

/**
 * A query that is only department words: the clauses that hold them as written (公安机关, 妇联 are
 * words of the plans too), then the departments' other clauses, those they lead first.
 */
async function departmentClauses(engine: SearchEngine, query: Query, matches: readonly DepartmentMatch[]): Promise<Pick<Answer, 'results' | 'notes' | 'said'>> {
  const pages = [...new Set(matches.flatMap((m) => [...m.department.lead, ...m.department.support]))];
  const [literal, all] = await Promise.all([engine.search(query), engine.atPages(pages)]);
  const others = byRole(all.filter(isNew(literal)), matches).results;
  const results = [...literal, ...others];
  const whose = departmentNames(matches);
  return {
    results,
    notes: withRoleNotes(results, matches),
    said: [
      literal.length > 0
        ? `${named(matches)}是部门名称：先列出写有它的 ${literal.length} 项条文，再列出按任务分解归${whose}牵头或配合的其他 ${others.length} 项条文，牵头的在前`
        : `${named(matches)}是部门名称，规划原文没有写这个名称；以下是按任务分解归${whose}牵头或配合的 ${others.length} 项条文，牵头的在前`,
    ],
  };
}

/**
 * The results of the rest of a query, after those of the whole query (`literal`), the named
 * departments' clauses first (those they lead before those they support).
 */
function boosted(found: Answer, matches: readonly DepartmentMatch[], literal: readonly Result[]): Pick<Answer, 'results' | 'main' | 'notes' | 'said'> {
  // The relaxed match's results are already weighed by the departments (answer's `boost`).
  const strict = byRole(found.results.slice(0, found.main - found.relaxed).filter(isNew(literal)), matches);
  const relaxed = found.results.slice(found.main - found.relaxed, found.main).filter(isNew(literal));
  const main = { results: [...strict.results, ...relaxed], theirs: strict.theirs + relaxed.filter((r) => roleNote(matches, r.page) !== null).length };
  const first = literal.length > 0 ? `先列出同时写有这些词的 ${literal.length} 项条文，再` : '';
  return {
    results: [...literal, ...main.results, ...found.results.slice(found.main).filter(isNew(literal))],
    main: literal.length + main.results.length,
    notes: withRoleNotes([...literal, ...main.results], matches, found.notes),
    said: [`${named(matches)}是部门名称，条文不必包含它：${first}${main.theirs > 0 ? `列出归${departmentNames(matches)}牵头或配合的 ${main.theirs} 项条文` : `列出其他条文（其中没有归${departmentNames(matches)}的）`}`, ...found.said],
  };
}

/**
 * After the clauses that hold a short term or an equivalent, the clauses that hold the words of one
 * of them apart: a term joining a glossary word to another (校园霸凌 → 校园 … 欺凌, `parts`), or an
 * equivalent the plan words differently (虐童 ↔ 虐待儿童 → 虐待 … 儿童).
 */
export async function apart(engine: SearchEngine, only: Term, parts: readonly string[], results: readonly Result[], glossary: Glossary): Promise<Extra | null> {
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
export async function shortForms(engine: SearchEngine, only: Term, results: readonly Result[]): Promise<Extra | null> {
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
export async function passagesOf(engine: SearchEngine, only: Term): Promise<Extra | null> {
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

/**
 * The plan pairs each goal with the measures that serve it (build/06-analysis/links.ts): after a
 * short list of results, the goals and measures paired with its first three that it does not
 * hold, each marked with the result it belongs to. A measure found by its wording leads to the
 * goal it serves, which often says the same in other words (长期照护 in the measure,
 * 长期照护保障制度 in the goal).
 */
export async function pairedWith(engine: SearchEngine, results: readonly Result[]): Promise<Extra | null> {
  if (results.length === 0 || results.length > maxResultsForPaired) return null;
  const found = await engine.paired(results.slice(0, 3), results);
  if (found.length === 0) return null;
  return {
    results: found.map((x) => x.result),
    notes: new Map(found.map((x) => [x.result.id, `对应第 ${results.indexOf(x.of) + 1} 条结果（${x.of.label}）`])),
    said: `最后 ${found.length} 条是规划中与前面结果相对应的${[...new Set(found.map((x) => (x.result.kind === 'goal' ? '主要目标' : '策略措施')))].join('和')}`,
  };
}

/** A query that does find something, with how many units. */
export interface Suggestion {
  readonly q: string;
  readonly count: number;
}

/** No results is never a dead end: drop a term, or try near words and glossary terms that occur. */
export async function suggestions(engine: SearchEngine, query: Query, glossary: Glossary): Promise<Suggestion[]> {
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
