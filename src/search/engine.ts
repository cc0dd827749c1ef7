// The search engine in the browser: the index chunks Pagefind wrote (read by pagefind-index.ts,
// fetched on first use, only those a query's tokens fall in — usually one per term; see tokens.ts)
// find candidate units, the units table says what they are, and rank.ts orders them. Fragments (the
// units' text) are fetched only for results being shown.
import { normalize } from '../text/normalize';
import { chineseWords } from '../text/segmenter';
import { isShortForm, longForms, onlyAcrossWords, rankLongForms, windows, type LongForm } from './abbreviation';
import type { Glossary } from './glossary';
import { gunzip, postings, readChunk, readFragment, wordsBeginning, type IndexChunk } from './pagefind-index';
import type { Query } from './query';
import { rank, type Candidate, type Ranked } from './rank';
import { charAt, charCode, chunkRange, confirmed, lookupPieces, occurrences, streamChars } from './tokens';
import { decodePinyin, type PinyinTable } from './typos';
import { decodeEnglish, type EnglishTable } from './english';
import { decodeDepartments, decodeFragmentMeta, decodeGlossary, decodePaired, decodeUnitsFile, type DepartmentsFile, type FragmentMeta, type PairedFile, type SearchUnit, type SearchUnits, type UnitsFile } from './wire';

/** Where a looked-up string or token starts, per unit (keyed by its fragment, as units.json is). */
type Starts = Map<string, number[]>;

export interface Result extends Ranked {
  readonly id: string;
  readonly kind: string;
  /** e.g. 主要目标第2项 */
  readonly label: string;
  readonly plan: number;
  readonly domain: number;
  /** Its Pagefind page number (search/units.json). */
  readonly page: number;
  /** The strings whose occurrences to highlight (normalized): the terms and their alternatives. */
  readonly needles: readonly string[];
  /** Fetch the unit's text and title (its Pagefind fragment). */
  readonly fragment: () => Promise<FragmentMeta>;
}

/** A short form's long forms are read in the text of at most this many units (one fragment each). */
const maxShortFormUnits = 40;
/** A term the plan holds in more units than this is a word of the plan, not an accident of two words meeting. */
const maxAcrossWordsUnits = 5;

/** A unit as a ranked entry that matches nothing of a query (a paired clause, a department's clause). */
function unmatched(unit: SearchUnit): Ranked {
  return { key: unit.fragment, level: 0, whole: false, distance: Number.POSITIVE_INFINITY, titleTerms: 0, occurrences: 0, first: Number.POSITIVE_INFINITY, order: unit.order };
}

/** How the engine gets a file of the site: `fetch` in the browser; tests read them from disk. */
export type Fetcher = (url: string) => Promise<Response>;

/**
 * The promise `cache` holds for `key`, made by `load` the first time. What fails is forgotten, so
 * the next query tries the download again instead of failing for the rest of the visit.
 */
function cached<K, T>(cache: Map<K, Promise<T>>, key: K, load: () => Promise<T>): Promise<T> {
  let value = cache.get(key);
  if (value === undefined) {
    value = load().catch((error: unknown) => {
      cache.delete(key);
      throw error;
    });
    cache.set(key, value);
  }
  return value;
}

export class SearchEngine {
  readonly #base: string;
  readonly #fetch: Fetcher;
  /** The site's search files, each fetched once per page (units.json, glossary.json, departments.json, vocabulary.json). */
  readonly #files = new Map<string, Promise<unknown>>();
  readonly #lookups = new Map<string, Promise<Starts>>();
  readonly #pieces = new Map<string, Promise<Starts>>();
  readonly #chunks = new Map<number, Promise<IndexChunk>>();
  readonly #fragments = new Map<string, Promise<FragmentMeta>>();

  /** `base`: where the site is served (its search/ and pagefind/ folders are under it). */
  constructor(base = '/', fetcher: Fetcher = (url) => fetch(url)) {
    this.#base = base;
    this.#fetch = fetcher;
  }

  /** Start loading the units table, the glossary and the departments (e.g. when the search box gets focus). */
  preload(): void {
    void this.table();
    void this.glossary();
    void this.departments();
  }

  /**
   * A JSON file of search/, fetched once. An HTTP error fails it (and it is tried again next
   * time), unless the file is optional (`missing`: what to use instead).
   */
  #json<T>(name: string, read: (json: unknown) => T, missing?: T): Promise<T> {
    return cached(this.#files, name, async () => {
      const response = await this.#fetch(`${this.#base}search/${name}`);
      if (!response.ok && missing !== undefined) return missing;
      if (!response.ok) throw new Error(`search/${name}: HTTP ${response.status}`);
      return read(await response.json());
    }) as Promise<T>;
  }

  /** What each unit is, and where the index chunks are (search/units.json; wire.ts). */
  table(): Promise<SearchUnits> {
    return this.#json('units.json', (json) => decodeUnitsFile(json as UnitsFile));
  }

  /** The units the plan pairs with each unit, by page number (search/paired.json; fetched only for a short list of results). */
  pairedTable(): Promise<PairedFile> {
    return this.#json('paired.json', decodePaired);
  }

  /** The glossary (dist/search/glossary.json, written by the build from src/data/glossary.json). */
  glossary(): Promise<Glossary> {
    return this.#json('glossary.json', decodeGlossary);
  }

  /** The departments, their names and their clauses (search/departments.json; none if it is missing). */
  departments(): Promise<DepartmentsFile> {
    return this.#json('departments.json', decodeDepartments, { departments: [] });
  }

  /** Words that occur in the plans, for suggestions when a query finds nothing (fetched only then). */
  vocabulary(): Promise<string[]> {
    return this.#json('vocabulary.json', (json) => (Array.isArray(json) ? json.filter((w): w is string => typeof w === 'string') : []), []);
  }

  /** The readings of characters, for correcting typing errors (search/pinyin.json; fetched only when a typed word occurs nowhere). */
  pinyin(): Promise<PinyinTable> {
    return this.#json('pinyin.json', decodePinyin);
  }

  /** The English names of the plans' terms (search/english.json; fetched only for a query in English). */
  english(): Promise<EnglishTable> {
    return this.#json('english.json', decodeEnglish);
  }

  /** Where `text` (normalized) occurs: unit key (fragment) → start positions in its character stream. */
  where(text: string): Promise<ReadonlyMap<string, readonly number[]>> {
    return this.#lookup(streamChars(text).join(''));
  }

  /** The characters that follow `ch` somewhere in the plans (from the index tokens it begins). */
  async followers(ch: string): Promise<ReadonlySet<string>> {
    const token = charCode(ch);
    const table = await this.table();
    const chunks = await Promise.all(chunkRange(token, table.chunks).map((i) => this.#chunk(table, i)));
    const out = new Set<string>();
    for (const chunk of chunks) {
      for (const w of wordsBeginning(chunk, token)) {
        const next = charAt((chunk.words[w] ?? '').slice(token.length));
        if (next !== '') out.add(next);
      }
    }
    return out;
  }

  /** A file of the Pagefind bundle (its path under pagefind/), decompressed. */
  async #file(path: string): Promise<Uint8Array> {
    const response = await this.#fetch(`${this.#base}pagefind/${path}`);
    if (!response.ok) throw new Error(`pagefind/${path}: HTTP ${response.status}`);
    return gunzip(await response.arrayBuffer());
  }

  /** Index chunk `i` of the units table's list, fetched once per page. */
  #chunk(table: SearchUnits, i: number): Promise<IndexChunk> {
    const file = `index/${table.chunkFiles[i] ?? ''}.pf_index`;
    return cached(this.#chunks, i, () => this.#file(file).then((raw) => readChunk(raw, file)));
  }

  /**
   * The units where `text` occurs, with where (start positions in each unit's character stream):
   * one token per piece of up to `gramLength` characters (usually one), then the positions where
   * the pieces follow each other; for a string longer than `maxCompletePieces` pieces, its first
   * and last pieces, then the text of the few units where both stand (tokens.ts `lookupPieces`).
   * Cached, so typing on and coming back to a query reuse earlier lookups.
   */
  #lookup(text: string): Promise<Starts> {
    return cached(this.#lookups, text, async () => {
      const chars = streamChars(text);
      const { pieces, complete } = lookupPieces(chars);
      const [table, first, ...rest] = await Promise.all([this.table(), ...pieces.map((piece) => this.#piece(piece.token))]);
      const out: Starts = new Map();
      const unsure: Promise<void>[] = [];
      for (const [key, words] of first ?? []) {
        // A piece of the string's end is a token's start: an occurrence must end in the unit.
        const length = table.byFragment.get(key)?.length ?? 0;
        const starts = occurrences(pieces, [words, ...rest.map((m) => m.get(key) ?? [])]).filter((p) => p + chars.length <= length);
        if (starts.length === 0) continue;
        if (complete) out.set(key, starts);
        else {
          // A long string's middle was not looked up: read it in the unit's text (the fragment,
          // which the result list needs anyway).
          unsure.push(
            this.#stream(key).then((stream) => {
              const held = confirmed(stream, chars, starts);
              if (held.length > 0) out.set(key, held);
            }),
          );
        }
      }
      await Promise.all(unsure);
      return out;
    });
  }

  /**
   * Where one index token starts, per unit: the positions of every index word it begins (its
   * extensions), in every chunk those can fall in (tokens.ts `chunkRange`; usually one).
   */
  #piece(token: string): Promise<Starts> {
    return cached(this.#pieces, token, async () => {
      const table = await this.table();
      const chunks = await Promise.all(chunkRange(token, table.chunks).map((i) => this.#chunk(table, i)));
      const out: Starts = new Map();
      for (const chunk of chunks) {
        for (const w of wordsBeginning(chunk, token)) {
          for (const { page, locations } of postings(chunk, w)) {
            const key = table.byPage[page]?.fragment;
            if (key === undefined) continue;
            const starts = out.get(key);
            if (starts === undefined) out.set(key, [...locations]);
            else starts.push(...locations);
          }
        }
      }
      for (const starts of out.values()) starts.sort((a, b) => a - b);
      return out;
    });
  }

  /** A unit's fragment (text and title), fetched once per page. */
  #fragment(key: string): Promise<FragmentMeta> {
    const file = `fragment/${key}.pf_fragment`;
    return cached(this.#fragments, key, () => this.#file(file).then((raw) => decodeFragmentMeta(readFragment(raw, file).meta)));
  }

  /** A unit's text as the index holds it (normalized, whitespace-free characters), from its fragment. */
  async #stream(id: string): Promise<string[]> {
    return streamChars(normalize((await this.#fragment(id)).text));
  }

  /**
   * The long forms a short query may abbreviate (abbreviation.ts; 义教 → 义务教育): each of its
   * characters looked up on its own, the units where they stand in order and close together, and
   * in the text of those units (their fragments; the `maxShortFormUnits` tightest fits) the
   * wordings they mark. [] for a query that cannot be a short form.
   */
  async longForms(text: string): Promise<LongForm[]> {
    const chars = streamChars(text);
    if (!isShortForm(chars)) return [];
    const [first, ...rest] = await Promise.all(chars.map((ch) => this.#lookup(ch)));
    const near: { id: string; windows: number[][]; span: number }[] = [];
    for (const [id, starts] of first ?? []) {
      const found = windows([starts, ...rest.map((m) => m.get(id) ?? [])]);
      const span = Math.min(...found.map((w) => (w.at(-1) ?? 0) - (w[0] ?? 0) + 1));
      if (found.length > 0) near.push({ id, windows: found, span });
    }
    near.sort((a, b) => a.span - b.span);
    const segment = chineseWords();
    const perUnit = await Promise.all(
      near.slice(0, maxShortFormUnits).map(async (u) => longForms(await this.#stream(u.id), u.windows, segment)),
    );
    return rankLongForms(perUnit);
  }

  /**
   * Whether a two-character query occurs, in the few units holding it (`found`: the results that
   * hold the term itself, at most `maxAcrossWordsUnits`), only across two words (义教 in 爱国主义教育),
   * so that the plan does not really say it (abbreviation.ts `onlyAcrossWords`). Reads their
   * fragments, which the result list shows anyway, but a round trip sooner. Longer strings (安全头盔)
   * hardly ever arise from two words meeting, and are not checked.
   */
  async onlyAcrossWords(text: string, found: readonly Result[]): Promise<boolean> {
    const chars = streamChars(text);
    const segment = chineseWords();
    if (chars.length !== 2 || !isShortForm(chars) || segment === undefined || found.length === 0 || found.length > maxAcrossWordsUnits) return false;
    const streams = await Promise.all(found.map((r) => this.#stream(r.key)));
    return streams.every((stream) => onlyAcrossWords(stream, chars, segment));
  }

  async search(query: Query): Promise<Result[]> {
    if (query.terms.length === 0) return [];
    const table = await this.table();
    const perTerm = await Promise.all(
      query.terms.map((t) => Promise.all([...new Set([t.text, ...t.alternatives])].map(async (s) => [s, await this.#lookup(s)] as const))),
    );
    const whole = query.terms.length > 1 ? await this.#lookup(query.terms.map((t) => t.text).join('')) : undefined;
    // Candidates: units matched by every term (through the term or one of its alternatives).
    const keys = new Set<string>();
    for (const [, found] of perTerm[0] ?? []) for (const key of found.keys()) keys.add(key);
    const candidates: Candidate[] = [];
    for (const key of keys) {
      const unit = table.byFragment.get(key);
      if (unit === undefined) continue;
      const terms = perTerm.map((strings) => {
        const matches = new Map<string, readonly number[]>();
        for (const [s, found] of strings) {
          const starts = found.get(key);
          if (starts !== undefined) matches.set(s, starts);
        }
        return matches.size > 0 ? { matches } : undefined;
      });
      if (terms.some((t) => t === undefined)) continue;
      candidates.push({ key, order: unit.order, titleLength: unit.titleLength, terms, whole: whole?.get(key) });
    }
    const needles = query.terms.flatMap((t) => [t.text, ...t.alternatives]);
    return rank(query.terms, candidates).flatMap((r) => this.#result(table, r, needles));
  }

  /** A ranked unit as a result, or nothing for a key the table does not hold. */
  #result(table: SearchUnits, r: Ranked, needles: readonly string[]): Result[] {
    const unit = table.byFragment.get(r.key);
    if (unit === undefined) return [];
    return [{ ...r, id: unit.id, kind: unit.kind, label: unit.label, domain: unit.domain, plan: unit.plan, page: unit.page, needles, fragment: () => this.#fragment(r.key) }];
  }

  /** The units of these keys (fragments), as results in the order given, marked with `needles`. */
  async atKeys(keys: readonly string[], needles: readonly string[]): Promise<Result[]> {
    const table = await this.table();
    return keys.flatMap((key) => {
      const unit = table.byFragment.get(key);
      return unit === undefined ? [] : this.#result(table, unmatched(unit), needles);
    });
  }

  /** The units at these Pagefind page numbers, as results in the order given (matching no query: no needles). */
  async atPages(pages: readonly number[]): Promise<Result[]> {
    const table = await this.table();
    return pages.flatMap((page) => {
      const unit = table.byPage[page];
      return unit === undefined ? [] : this.#result(table, unmatched(unit), []);
    });
  }

  /**
   * The units the plan pairs with these results (a goal's measures, a measure's goals; units.json
   * lists them, most related first) that are not among `except`, each with the result it is
   * paired with, in the order of the results. They hold nothing of the query, so they carry no
   * needles and rank below every result.
   */
  async paired(results: readonly Result[], except: readonly Result[]): Promise<{ result: Result; of: Result }[]> {
    const [table, paired] = await Promise.all([this.table(), this.pairedTable()]);
    const seen = new Set(except.map((r) => r.key));
    const out: { result: Result; of: Result }[] = [];
    for (const of of results) {
      for (const page of paired[table.byFragment.get(of.key)?.page ?? -1] ?? []) {
        const unit = table.byPage[page];
        if (unit === undefined || seen.has(unit.fragment)) continue;
        seen.add(unit.fragment);
        for (const result of this.#result(table, unmatched(unit), [])) out.push({ result, of });
      }
    }
    return out;
  }
}
