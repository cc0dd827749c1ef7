/**
 * Generates the search benchmark's query sets from hand-written seeds and the built corpus:
 *
 *   npx tsx bench/make-queries.ts [--clauses dist/data/clauses.json]
 *
 * Reads bench/query-seeds.json and dist/data/clauses.json, writes bench/queries.json (tuning set,
 * ~60%, plus the seeds' tuningSynonyms) and bench/queries-holdout.json (holdout set, ~40%). Expectations are computed, never typed,
 * except for synonym queries (hand-picked in the seeds). Phrase windows come from a fixed-seed PRNG,
 * so the output is reproducible for a given corpus.
 *
 * Matching rules (all after NFKC normalization of both sides):
 * - phrase, term, quoted, traditional: the unit's title or text contains the string.
 * - number: as above, and the match is not preceded by a digit or "." (so "5.0‰" does not count
 *   "15.0‰", nor "90%" count "190%").
 * - multi: the unit contains every space-separated term.
 * Expectations are ordered most relevant first: units whose title contains the string(s), then by
 * number of occurrences, then document order.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type QueryKind = 'phrase' | 'term' | 'number' | 'synonym' | 'multi' | 'quoted' | 'traditional';

export interface BenchQuery {
  q: string;
  kind: QueryKind;
  expect: string[];
  note?: string;
}

export interface QueryFile {
  description: string;
  split: 'tuning' | 'holdout';
  generatedBy: string;
  corpus: string;
  counts: Record<string, number>;
  queries: BenchQuery[];
}

interface Clause {
  id: string;
  title: string | null;
  text: string;
}

interface Seeds {
  idPrefix: string;
  prng: { seed: number; phrases: number; minLength: number; maxLength: number };
  terms: string[];
  numbers: string[];
  quoted: string[];
  multi: string[];
  traditional: { q: string; simplified: string }[];
  synonyms: SynonymSeed[];
  /** Synonym queries that go to the tuning set only (a blind set once measured, then looked at). */
  tuningSynonyms?: { description: string; queries: SynonymSeed[] };
}

interface SynonymSeed {
  q: string;
  expect: string[];
  note?: string;
}

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = resolve(benchDir, '..');

const nfkc = (s: string): string => s.normalize('NFKC');

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function countOccurrences(haystack: string, needle: string, boundary: boolean): number {
  let n = 0;
  let from = 0;
  for (;;) {
    const i = haystack.indexOf(needle, from);
    if (i < 0) return n;
    const before = i > 0 ? haystack[i - 1] : '';
    if (!boundary || before === undefined || !/[0-9.]/.test(before)) n++;
    from = i + 1;
  }
}

interface Unit {
  id: string;
  title: string;
  text: string;
  raw: string;
  order: number;
}

function rank(units: Unit[], needles: string[], boundary: boolean): string[] {
  const hits: { id: string; inTitle: number; count: number; order: number }[] = [];
  for (const u of units) {
    let inTitle = 0;
    let count = 0;
    let all = true;
    for (const needle of needles) {
      const c = countOccurrences(u.text, needle, boundary) + countOccurrences(u.title, needle, boundary);
      if (c === 0) {
        all = false;
        break;
      }
      count += c;
      if (countOccurrences(u.title, needle, boundary) > 0) inTitle++;
    }
    if (all) hits.push({ id: u.id, inTitle, count, order: u.order });
  }
  hits.sort((a, b) => b.inTitle - a.inTitle || b.count - a.count || a.order - b.order);
  return hits.map((h) => h.id);
}

const QUOTES: [string, string][] = [
  ['"', '"'],
  ['「', '」'],
  ['“', '”'],
  ['『', '』'],
  ["'", "'"],
];

function unquote(q: string): string {
  const s = q.trim();
  for (const [open, close] of QUOTES) {
    if (s.startsWith(open) && s.endsWith(close) && s.length > open.length + close.length) {
      return s.slice(open.length, s.length - close.length);
    }
  }
  throw new Error(`quoted seed ${JSON.stringify(q)} is not wrapped in a known pair of quotes`);
}

function main(): void {
  const argv = process.argv.slice(2);
  const ci = argv.indexOf('--clauses');
  const clausesPath = resolve(root, ci >= 0 && argv[ci + 1] ? argv[ci + 1]! : 'dist/data/clauses.json');
  const seeds = JSON.parse(readFileSync(join(benchDir, 'query-seeds.json'), 'utf8')) as Seeds;
  let clauses: Clause[];
  try {
    clauses = JSON.parse(readFileSync(clausesPath, 'utf8')) as Clause[];
  } catch (e) {
    throw new Error(`cannot read ${clausesPath} (run \`npm run build\` first): ${(e as Error).message}`);
  }
  const units: Unit[] = clauses.map((c, order) => ({
    id: c.id,
    title: nfkc(c.title ?? ''),
    text: nfkc(c.text),
    raw: c.text,
    order,
  }));
  const ids = new Set(units.map((u) => u.id));

  const byKind = new Map<QueryKind, BenchQuery[]>();
  const add = (q: BenchQuery): void => {
    if (q.expect.length === 0) throw new Error(`${q.kind} query ${JSON.stringify(q.q)} matches no unit`);
    const list = byKind.get(q.kind) ?? [];
    if (list.some((x) => x.q === q.q)) throw new Error(`duplicate ${q.kind} query ${JSON.stringify(q.q)}`);
    list.push(q);
    byKind.set(q.kind, list);
  };

  // phrase: random windows of a unit's verbatim text (as pasted: full-width punctuation kept), fixed seed.
  const rnd = prng(seeds.prng.seed);
  const { minLength, maxLength } = seeds.prng;
  const pool = units.filter((u) => u.raw.length >= maxLength + 10);
  const used = new Set<string>();
  let guard = 0;
  while ((byKind.get('phrase')?.length ?? 0) < seeds.prng.phrases) {
    if (++guard > 100_000) throw new Error('could not draw enough phrase windows');
    const u = pool[Math.floor(rnd() * pool.length)]!;
    const len = minLength + Math.floor(rnd() * (maxLength - minLength + 1));
    const start = Math.floor(rnd() * (u.raw.length - len + 1));
    const window = u.raw.slice(start, start + len);
    if (used.has(u.id) || /\s/.test(window)) continue;
    used.add(u.id);
    const expect = rank(units, [nfkc(window)], false);
    add({ q: window, kind: 'phrase', expect, note: `window of ${u.id} at ${start}` });
  }

  for (const t of seeds.terms) add({ q: t, kind: 'term', expect: rank(units, [nfkc(t)], false) });
  for (const n of seeds.numbers) add({ q: n, kind: 'number', expect: rank(units, [nfkc(n)], true) });
  for (const q of seeds.quoted) add({ q, kind: 'quoted', expect: rank(units, [nfkc(unquote(q))], false) });
  for (const q of seeds.multi) {
    const parts = nfkc(q).split(/\s+/).filter(Boolean);
    if (parts.length < 2) throw new Error(`multi seed ${JSON.stringify(q)} needs 2+ terms`);
    add({ q, kind: 'multi', expect: rank(units, parts, false) });
  }
  for (const t of seeds.traditional) {
    if (nfkc(t.q) === nfkc(t.simplified)) throw new Error(`traditional seed ${t.q} equals its simplified form`);
    add({ q: t.q, kind: 'traditional', expect: rank(units, [nfkc(t.simplified)], false), note: `simplified: ${t.simplified}` });
  }
  const synonym = (s: SynonymSeed): BenchQuery => {
    const expect = s.expect.map((id) => (ids.has(id) ? id : `${seeds.idPrefix}${id}`));
    for (const id of expect) if (!ids.has(id)) throw new Error(`synonym ${s.q}: unknown unit id ${id}`);
    const verbatim = rank(units, [nfkc(s.q)], false);
    const note = [s.note, verbatim.length ? `also verbatim in ${verbatim.length} unit(s)` : undefined]
      .filter(Boolean)
      .join('; ');
    return { q: s.q, kind: 'synonym', expect, ...(note ? { note } : {}) };
  };
  for (const s of seeds.synonyms) add(synonym(s));

  const tuning: BenchQuery[] = [];
  const holdout: BenchQuery[] = [];
  for (const list of byKind.values()) {
    list.forEach((q, i) => ([0, 1, 3].includes(i % 5) ? tuning : holdout).push(q));
  }
  for (const s of seeds.tuningSynonyms?.queries ?? []) {
    const q = synonym(s);
    if ([...tuning, ...holdout].some((x) => x.q === q.q)) throw new Error(`tuning synonym ${q.q} is a seed already`);
    tuning.push(q);
  }
  const counts = (qs: BenchQuery[]): Record<string, number> => {
    const c: Record<string, number> = { total: qs.length };
    for (const q of qs) c[q.kind] = (c[q.kind] ?? 0) + 1;
    return c;
  };
  const write = (file: string, split: 'tuning' | 'holdout', queries: BenchQuery[]): void => {
    const out: QueryFile = {
      description:
        split === 'tuning'
          ? 'Search benchmark, TUNING set (~60%). Use this set while tuning the ranker.'
          : 'Search benchmark, HOLDOUT set (~40%). Never look at or tune against these queries; only report them.',
      split,
      generatedBy: 'npx tsx bench/make-queries.ts (from bench/query-seeds.json and dist/data/clauses.json)',
      corpus: `${units.length} units`,
      counts: counts(queries),
      queries,
    };
    writeFileSync(join(benchDir, file), `${JSON.stringify(out, null, 2)}\n`);
    console.log(`wrote bench/${file}: ${JSON.stringify(out.counts)}`);
  };
  write('queries.json', 'tuning', tuning);
  write('queries-holdout.json', 'holdout', holdout);
}

main();
