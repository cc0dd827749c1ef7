// The search engine (src/search/engine.ts), the files it reads (src/search/wire.ts) and the search
// page's steps beyond the query (src/search/fallbacks.ts), on a real index: the build's
// search-index step writes it from the seeds into a temporary folder, and the engine reads it from
// there instead of over HTTP. Every case is derived from the seed text,
// not written down: the expectations say what each step must find in whatever the plans say.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode } from '../../src/build/02-decode/decode';
import { parse } from '../../src/build/03-parse/parse';
import { enrich } from '../../src/build/05-enrich/enrich';
import type { Site } from '../../src/build/05-enrich/site';
import { writeSearchIndex } from '../../src/build/08-search-index/write-search-index';
import { vocabulary } from '../../src/build/08-search-index/search-page-files';
import { SearchEngine, type Result } from '../../src/search/engine';
import { answer, apart, pairedWith, passagesOf, relaxedMatch, shortForms, suggestions } from '../../src/search/fallbacks';
import { maxRelaxed } from '../../src/search/relaxed';
import { glossarySplit, type Glossary } from '../../src/search/glossary';
import { contentWords, parseQuery, pastedLength, type Term } from '../../src/search/query';
import { streamChars } from '../../src/search/tokens';
import { encodeUnits, fragmentName, type SearchDepartment, type UnitsFile } from '../../src/search/wire';
import { departmentsIn } from '../../src/search/departments';
import { normalize } from '../../src/text/normalize';
import { seedBytes, seedFile } from './helpers';

let dir = '';
let site: Site;
let engine: SearchEngine;
let glossary: Glossary;
/** Each unit's text as the index holds it: normalized, without whitespace. */
let streams: Map<string, string>;

const flat = (text: string) => streamChars(normalize(text)).join('');
const holding = (s: string) => [...streams].filter(([, t]) => t.includes(flat(s))).map(([id]) => id);
const ids = (results: readonly Result[]) => results.map((r) => r.id);
const term = (q: string): Term => {
  const [t] = parseQuery(q, glossary).terms;
  if (t === undefined) throw new Error(`no term in ${q}`);
  return t;
};

beforeAll(async () => {
  site = enrich([parse(decode(seedFile, seedBytes), 'luozheng-2022-62')], 'https://example.org');
  dir = mkdtempSync(path.join(tmpdir(), 'search-fallbacks-'));
  await writeSearchIndex(site, { departments: [], breakdown: [] }, dir);
  engine = new SearchEngine('/', async (url) => {
    try {
      return new Response(await readFile(path.join(dir, url)));
    } catch {
      return new Response(null, { status: 404 });
    }
  });
  glossary = await engine.glossary();
  streams = new Map(site.units.map((u) => [u.id, flat(u.text)]));
}, 60_000);

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe('search/units.json', () => {
  it('tells the engine, for every unit, what the site says of it', async () => {
    const [table, paired] = await Promise.all([engine.table(), engine.pairedTable()]);
    expect(table.units.map((u) => u.id)).toEqual(site.units.map((u) => u.id));
    for (const [i, unit] of site.units.entries()) {
      const entry = table.units[i];
      expect(entry, unit.id).toMatchObject({ kind: unit.kind, label: unit.label, length: [...(streams.get(unit.id) ?? '')].length, order: i });
      expect(table.plans[entry?.plan ?? -1]).toBe(unit.planTitle ?? '');
      expect(entry?.domain === -1 ? null : table.domains[entry?.domain ?? -1]?.name).toBe(unit.domain);
      expect(table.byPage[entry?.page ?? -1]).toBe(entry);
      const related = unit.kind === 'goal' ? unit.relatedMeasures : unit.kind === 'measure' ? unit.relatedGoals : [];
      expect(paired[entry?.page ?? -1]?.map((p) => table.byPage[p]?.id)).toEqual(related.slice(0, 3));
    }
  });

  it('reads back what it writes', async () => {
    const table = await engine.table();
    const raw = JSON.parse(await readFile(path.join(dir, 'search/units.json'), 'utf8')) as UnitsFile;
    expect(encodeUnits(table.units.map(({ order: _order, ...entry }) => entry), table.documents)).toEqual(raw.units);
    // A goal's or measure's label is written as its number, the rest as written.
    expect(raw.units.label.some((cell) => typeof cell === 'number')).toBe(true);
    expect(raw.units.label.some((cell) => typeof cell === 'string')).toBe(true);
    // Each unit's fragment is named by its page, and is the unit's.
    const fragments = new Set(readdirSync(path.join(dir, 'pagefind', 'fragment')));
    for (const unit of table.units) expect(fragments.has(`${fragmentName(raw.fragmentPrefix, unit.page)}.pf_fragment`), unit.id).toBe(true);
    expect(fragments.size).toBe(table.units.length);
    const sample = table.units[Math.floor(table.units.length / 2)];
    expect((await engine.atPages([sample?.page ?? -1]))[0]?.id).toBe(sample?.id);
    expect((await (await engine.atPages([sample?.page ?? -1]))[0]?.fragment())?.id).toBe(sample?.id);
  });
});

describe('the engine on the written index', () => {
  it('finds exactly the units that hold a term, from the index alone', async () => {
    const word = vocabulary(site.units)[10] ?? '';
    expect(ids(await engine.search(parseQuery(word, null))).sort()).toEqual(holding(word).sort());
  });
});

describe('passages of a long paste', () => {
  it('lists the clauses holding its first or last passage when it runs across two clauses', async () => {
    const [a, b] = site.units.filter((u) => u.kind === 'measure');
    if (a === undefined || b === undefined) throw new Error('two measures');
    const paste = `${[...flat(a.text)].slice(-12).join('')}${[...flat(b.text)].slice(0, 12).join('')}`;
    expect([...paste].length).toBeGreaterThan(pastedLength);
    expect(holding(paste)).toEqual([]);
    const extra = await passagesOf(engine, term(paste));
    expect(extra?.results.map((r) => r.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    for (const r of extra?.results ?? []) {
      const note = extra?.notes.get(r.id) ?? '';
      const pieces = [...note.matchAll(/“([^”]+)”/g)].map((m) => m[1] ?? '');
      expect(pieces.length, note).toBeGreaterThan(0);
      for (const piece of pieces) expect(streams.get(r.id), piece).toContain(piece);
    }
  });

  it('says so when no passage is anywhere either, and then the search stops there', async () => {
    const nowhere = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉';
    expect(holding(nowhere.slice(0, 10))).toEqual([]);
    const extra = await passagesOf(engine, term(nowhere));
    expect(extra?.results).toEqual([]);
    expect(extra?.said).toMatch(/也没有条文包含其中的一段/);
    const whole = await answer(engine, parseQuery(nowhere, glossary), glossary);
    expect(whole?.results).toEqual([]);
    expect(whole?.said.some((s) => s.includes('也没有条文包含其中的一段'))).toBe(true);
  });
});

/** Two words of the plan that stand together in some clause, but never run together in any. */
function wordsApart(): [string, string] {
  for (const unit of site.units) {
    const words = contentWords(flat(unit.text)).filter((w) => [...w].length === 2 && /^\p{Script=Han}+$/u.test(w));
    for (const [i, w1] of words.entries()) {
      const w2 = words[i + 3];
      if (w2 !== undefined && w1 !== w2 && holding(w1 + w2).length === 0 && holding(w2 + w1).length === 0 && contentWords(w1 + w2).length === 2) return [w1, w2];
    }
  }
  throw new Error('the seed has no two words apart');
}

describe('relaxed match', () => {
  it('puts the clauses holding all the words of a term the plan holds nowhere whole first', async () => {
    const [w1, w2] = wordsApart();
    const extra = await relaxedMatch(engine, parseQuery(w1 + w2, glossary), glossary);
    const both = holding(w1).filter((id) => holding(w2).includes(id));
    expect(both.length).toBeGreaterThan(0);
    const first = ids(extra?.results ?? []).slice(0, both.length);
    expect(first.sort()).toEqual(both.slice(0, first.length).sort());
    expect(extra?.said).toContain(`没有条文同时包含“${w1}”“${w2}”`);
  });

  it('lists the best few clauses holding some of the words, marked with them, never a common word’s whole list', async () => {
    const [w1] = wordsApart();
    const absent = ['钢琴', '咖啡', '火箭', '沙漠', '潜艇'].find((w) => holding(w).length === 0 && contentWords(w1 + w).length === 2);
    if (absent === undefined) throw new Error('no absent word');
    const extra = await relaxedMatch(engine, parseQuery(`${w1}${absent}`, glossary), glossary);
    const found = ids(extra?.results ?? []);
    expect(found.length).toBe(Math.min(maxRelaxed, holding(w1).length));
    expect(holding(w1)).toEqual(expect.arrayContaining(found));
    for (const r of extra?.results ?? []) expect(extra?.notes.get(r.id)).toBe(`包含“${w1}”`);
    expect(extra?.said).toContain(`（规划中没有“${absent}”）`);
    const common = vocabulary(site.units)[0] ?? '';
    expect(holding(common).length).toBeGreaterThan(maxRelaxed);
    const many = await relaxedMatch(engine, parseQuery(`${common}${absent}`, glossary), glossary);
    expect(many?.results.length).toBe(maxRelaxed);
  });

  it('ranks the clause holding a rare word above those holding only a common one', async () => {
    const vocab = vocabulary(site.units);
    const common = vocab[0] ?? '';
    // The vocabulary's rarest words stand in two clauses.
    const rare = [...vocab].reverse().find((w) => holding(w).length === 2 && contentWords(common + w).length === 2);
    if (rare === undefined) throw new Error('no word of the plan in two clauses only');
    const extra = await relaxedMatch(engine, parseQuery(`${common} ${rare}`, glossary), glossary);
    expect(holding(rare)).toContain(ids(extra?.results ?? [])[0]);
  });
});

/** A glossary term of the plan and the two characters after it, which follow it in some clause and stand apart from it in others. */
function joinedAndApart(): { t: string; w: string } {
  for (const text of streams.values()) {
    for (const t of glossary.termsLongestFirst) {
      if ([...t].length > 3 || glossary.absent.has(t)) continue;
      const at = text.indexOf(t);
      const w = [...text.slice(at + t.length)].slice(0, 2).join('');
      if (at === -1 || !/^\p{Script=Han}{2}$/u.test(w) || glossary.byTerm.has(w)) continue;
      if (glossarySplit(t + w, glossary).join(' ') !== `${t} ${w}`) continue;
      const apartOnly = holding(t).filter((id) => holding(w).includes(id) && !holding(t + w).includes(id));
      if (apartOnly.length > 0) return { t, w };
    }
  }
  throw new Error('no term joined in one clause and apart in another');
}

describe('words apart', () => {
  it('adds the clauses holding a short term’s parts apart, after those holding it whole', async () => {
    const { t, w } = joinedAndApart();
    const only = term(t + w);
    const results = await engine.search(parseQuery(t + w, glossary));
    expect(results.length).toBeGreaterThan(0);
    const extra = await apart(engine, only, [t, w], results, glossary);
    const apartOnly = holding(t).filter((id) => holding(w).includes(id) && !ids(results).includes(id));
    expect(ids(extra?.results ?? [])).toEqual(expect.arrayContaining(apartOnly));
    expect(ids(extra?.results ?? []).some((id) => ids(results).includes(id))).toBe(false);
    expect(extra?.notes.get(apartOnly[0] ?? '')).toMatch(new RegExp(`分别包含“${t}”“${w}”`));
  });
});

/** Two characters of each four-character word of the plan (its 1st and 3rd) that the plan never writes together. */
function* abbreviations(): Generator<{ short: string; long: string }> {
  for (const long of vocabulary(site.units)) {
    const chars = [...long];
    if (chars.length !== 4 || !/^\p{Script=Han}+$/u.test(long)) continue;
    const short = `${chars[0] ?? ''}${chars[2] ?? ''}`;
    if (holding(short).length === 0) yield { short, long };
  }
}

/** The forms a short-form step names (“…”可能是“A”“B”的简称), and the form each result is marked with. */
function formsOf(short: string, extra: Awaited<ReturnType<typeof shortForms>>): { forms: string[]; marked: Map<string, string> } {
  const forms = [...(extra?.said ?? '').matchAll(/“([^”]+)”/g)].map((m) => m[1] ?? '').filter((f) => f !== short);
  const marked = new Map((extra?.results ?? []).map((r) => [r.id, /包含“([^”]+)”/.exec(extra?.notes.get(r.id) ?? '')?.[1] ?? '']));
  return { forms, marked };
}

describe('short forms', () => {
  it('finds the word a short query was made from among the wordings it may abbreviate', async () => {
    const { short, long } = abbreviations().next().value ?? { short: '', long: '' };
    const extra = await shortForms(engine, term(short), []);
    const { forms } = formsOf(short, extra);
    expect(forms).toContain(long);
    // Each form holds the query's characters in order.
    for (const form of forms) expect(form).toMatch(new RegExp([...short].join('.*')));
  });

  it('marks each result with the form it holds', async () => {
    let checked = 0;
    for (const { short } of abbreviations()) {
      const extra = await shortForms(engine, term(short), []);
      const { forms, marked } = formsOf(short, extra);
      // A case where some result holds a form but not the first one.
      if (forms.length < 2 || ![...marked.keys()].some((id) => !(streams.get(id) ?? '').includes(forms[0] ?? ''))) continue;
      for (const [id, form] of marked) {
        expect(forms).toContain(form);
        expect(streams.get(id), `${short}: ${id}`).toContain(form);
      }
      if (++checked === 3) break;
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('paired clauses', () => {
  it('follows a short list with the measures the plan pairs with a goal found, marked with that goal', async () => {
    const goal = site.units.find((u) => u.kind === 'goal' && u.relatedMeasures.length >= 2 && holding(flat(u.text).slice(0, 14)).length === 1);
    if (goal === undefined) throw new Error('no goal with measures');
    const results = await engine.search(parseQuery(`“${flat(goal.text).slice(0, 14)}”`, null));
    expect(ids(results)).toEqual([goal.id]);
    const extra = await pairedWith(engine, results);
    expect(ids(extra?.results ?? [])).toEqual(goal.relatedMeasures.slice(0, 3));
    for (const r of extra?.results ?? []) expect(extra?.notes.get(r.id)).toBe(`对应第 1 条结果（${goal.label}）`);
    const whole = await answer(engine, parseQuery(`“${flat(goal.text).slice(0, 14)}”`, glossary), glossary);
    expect(whole?.main).toBe(1);
    expect(ids(whole?.results ?? [])).toEqual([goal.id, ...goal.relatedMeasures.slice(0, 3)]);
  });

  it('adds nothing to a long list', async () => {
    const common = vocabulary(site.units)[0] ?? '';
    const results = await engine.search(parseQuery(common, null));
    expect(results.length).toBeGreaterThan(10);
    expect(await pairedWith(engine, results)).toBeNull();
  });
});

describe('suggestions and abandoned searches', () => {
  it('suggests dropping the term that finds nothing, with how many clauses the rest finds', async () => {
    const word = vocabulary(site.units)[20] ?? '';
    const found = await suggestions(engine, parseQuery(`${word} 钢琴咖啡`, glossary), glossary);
    expect(found).toContainEqual({ q: word, count: holding(word).length });
    expect(found.every((s) => s.count > 0)).toBe(true);
  });

  it('gives up (null) when a newer search has started', async () => {
    expect(await answer(engine, parseQuery(vocabulary(site.units)[5] ?? '', glossary), glossary, { stale: () => true })).toBeNull();
  });
});

describe('department words', () => {
  const department = (terms: string[], lead: number[], support: number[]): SearchDepartment => ({ slug: 'test', name: '市测试局', url: '/departments/test/', terms, lead, support });

  it('take a department name or alias out of the query, whole or at a term’s start or end', () => {
    const d = department(['测试局', '测试部门'], [], []);
    const cut = (q: string) => {
      const { matches, rest } = departmentsIn(parseQuery(q, glossary), [d], glossary);
      return [matches.map((m) => m.department.slug), rest.terms.map((t) => t.text)];
    };
    expect(cut('测试局')).toEqual([['test'], []]);
    expect(cut('测试局 儿童')).toEqual([['test'], ['儿童']]);
    expect(cut('测试部门儿童健康')).toEqual([['test'], ['儿童健康']]);
    expect(cut('儿童健康测试局')).toEqual([['test'], ['儿童健康']]);
    expect(cut('“测试局”')).toEqual([[], ['测试局']]);
    expect(cut('儿童')).toEqual([[], ['儿童']]);
  });

  it('make a query of a department word alone its clauses, those it leads first, and link to it', async () => {
    const table = await engine.table();
    const [a, b, c] = table.units;
    if (a === undefined || b === undefined || c === undefined) throw new Error('three units');
    const d = department(['测试局'], [c.page, a.page], [b.page]);
    await writeFile(path.join(dir, 'search/departments.json'), JSON.stringify({ departments: [d] }));
    const fresh = new SearchEngine('/', (url) => readFile(path.join(dir, url)).then((body) => new Response(body)));
    const found = await answer(fresh, parseQuery('测试局', glossary), glossary);
    expect(ids(found?.results ?? [])).toEqual([c.id, a.id, b.id]);
    expect(found?.notes.get(c.id)).toBe('市测试局牵头');
    expect(found?.notes.get(b.id)).toBe('市测试局配合');
    expect(found?.departments).toEqual([{ name: '市测试局', url: '/departments/test/', lead: 2, support: 1 }]);
    expect(found?.said[0]).toMatch(/^“测试局”是部门名称/);
  });

  it('put a department’s clauses first among the results of the other words, without requiring its name', async () => {
    const word = vocabulary(site.units)[3] ?? '';
    const plain = await engine.search(parseQuery(word, glossary));
    const last = plain.at(-1);
    if (last === undefined || plain.length < 3) throw new Error(`too few results for ${word}`);
    const table = await engine.table();
    const d = department(['测试局'], [table.byFragment.get(last.key)?.page ?? -1], []);
    await writeFile(path.join(dir, 'search/departments.json'), JSON.stringify({ departments: [d] }));
    const fresh = new SearchEngine('/', (url) => readFile(path.join(dir, url)).then((body) => new Response(body)));
    const found = await answer(fresh, parseQuery(`测试局 ${word}`, glossary), glossary);
    expect(found?.results[0]?.id).toBe(last.id);
    expect(found?.notes.get(last.id)).toMatch(/^市测试局牵头/);
    expect(new Set(ids(found?.results.slice(0, found.main) ?? []))).toEqual(new Set(ids(plain)));
  });

  it('list first, for a department word the plans write, the clauses that hold it', async () => {
    const word = vocabulary(site.units)[40] ?? '';
    const literal = await engine.search(parseQuery(word, glossary));
    const table = await engine.table();
    const elsewhere = table.units.find((u) => !literal.some((r) => r.id === u.id));
    if (elsewhere === undefined || literal.length === 0) throw new Error(`no clause without ${word}`);
    const d = department([word], [elsewhere.page], []);
    await writeFile(path.join(dir, 'search/departments.json'), JSON.stringify({ departments: [d] }));
    const fresh = new SearchEngine('/', (url) => readFile(path.join(dir, url)).then((body) => new Response(body)));
    const found = await answer(fresh, parseQuery(word, glossary), glossary);
    expect(ids(found?.results ?? [])).toEqual([...ids(literal), elsewhere.id]);
    expect(found?.said[0]).toContain(`先列出写有它的 ${literal.length} 项条文`);
  });
});

describe('how people ask', () => {
  const vocab = () => vocabulary(site.units);

  it('answers a question by what it asks, and says which words need not occur', async () => {
    const word = vocab()[12] ?? '';
    const found = await answer(engine, parseQuery(`${word}有什么规定吗`, glossary), glossary);
    expect(holding(word)).toEqual(expect.arrayContaining(ids(found?.results.slice(0, found.main) ?? [])));
    expect(found?.main).toBe(holding(word).length);
    expect(found?.said.some((s) => s.includes('“有”“什么”“规定”“吗”不必出现在条文中'))).toBe(true);
  });

  it('treats the horizon years as words that need not occur', async () => {
    const word = vocab().find((w) => holding(w).length > 0 && holding(`2030年${w}`).length === 0 && holding(`${w}2030年`).length === 0) ?? '';
    const found = await answer(engine, parseQuery(`2030年 ${word}`, glossary), glossary);
    expect(found?.results.length).toBeGreaterThan(0);
    expect(holding(word)).toContain(found?.results[0]?.id);
  });

  /** A frequent word of the plans, with one character replaced by another of the same reading that the plans never write. */
  async function typoOf(): Promise<{ word: string; typo: string }> {
    const file = JSON.parse(await readFile(path.join(dir, 'search/pinyin.json'), 'utf8')) as Record<string, [string, string]>;
    for (const word of vocab().slice(0, 200)) {
      if ([...word].length < 3 || glossary.byTerm.has(word)) continue;
      const last = [...word].at(-1) ?? '';
      const other = Object.values(file).find(([own]) => own.includes(last))?.[1]?.[0];
      if (other === undefined) continue;
      const typo = word.slice(0, -1) + other;
      if (holding(typo).length === 0) return { word, typo };
    }
    throw new Error('no word of the plans to misspell');
  }

  it('searches a word found nowhere as the plans’ word of the same sound, and says so', async () => {
    const { word, typo } = await typoOf();
    const found = await answer(engine, parseQuery(typo, glossary), glossary);
    expect(found?.corrected).toEqual([{ from: typo, to: word }]);
    expect(ids(found?.results.slice(0, found.main) ?? []).sort()).toEqual(holding(word).sort());
  });

  it('searches the text as typed when asked to', async () => {
    const { typo } = await typoOf();
    const found = await answer(engine, parseQuery(typo, glossary), glossary, { asTyped: true });
    expect(found?.corrected).toEqual([]);
  });

  it('never corrects to a word of another sound', async () => {
    const { word } = await typoOf();
    const file = JSON.parse(await readFile(path.join(dir, 'search/pinyin.json'), 'utf8')) as Record<string, [string, string]>;
    const last = [...word].at(-1) ?? '';
    const sound = Object.entries(file).find(([, [own]]) => own.includes(last))?.[0] ?? '';
    const far = Object.entries(file).find(([s, [, other]]) => s[0] !== sound[0] && other.length > 0)?.[1][1][0] ?? '';
    const found = await answer(engine, parseQuery(word.slice(0, -1) + far, glossary), glossary);
    expect(found?.corrected.map((c) => c.to)).not.toContain(word);
  });

  it('reads a query in English as the plans’ Chinese words', async () => {
    const file = JSON.parse(await readFile(path.join(dir, 'search/english.json'), 'utf8')) as [string, string][];
    const [en = '', zh = ''] = file.find(([e, z]) => !e.includes(' ') && holding(z.split('|')[0] ?? '').length > 0) ?? [];
    const head = zh.split('|')[0] ?? '';
    const found = await answer(engine, parseQuery(en.split('|')[0] ?? '', glossary), glossary);
    expect(found?.english?.searched).toBe(head);
    expect(zh.split('|').flatMap(holding)).toContain(found?.results[0]?.id);
  });

  it('says so when no word of an English query is known', async () => {
    const found = await answer(engine, parseQuery('xylophone quasar', glossary), glossary);
    expect(found?.english).toEqual({ searched: '', found: [], unknown: ['xylophone', 'quasar'] });
    expect(found?.results).toEqual([]);
  });
});
