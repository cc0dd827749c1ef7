// The search engine in the browser: the index chunks Pagefind wrote (read by pagefind-index.ts,
// fetched on first use, only those a query's tokens fall in — usually one per term; see tokens.ts)
// find candidate units, the units table says what they are, and rank.ts orders them. Fragments (the
// units' text) are fetched only for results being shown.
import type { UnitRow, UnitsTable } from '../search-index';
import { numberedLabel } from '../site';
import type { Query } from './query';
import { loadSearchPageGlossary, normalize, type Glossary } from './variants';
import { rank, type Candidate, type Ranked } from './rank';
import { chunkRange, confirmed, lookupPieces, occurrences, streamChars } from './tokens';
import { chineseWords, isShortForm, longForms, onlyAcrossWords, rankLongForms, windows, type LongForm } from './abbreviation';
import { gunzip, postings, readChunk, readFragment, wordsBeginning, type IndexChunk, type PagefindFragment } from './pagefind-index';

export type { PagefindFragment } from './pagefind-index';

/** Where a looked-up string or token starts, per unit (keyed by its fragment, as units.json is). */
type Starts = Map<string, number[]>;

export interface Result extends Ranked {
  readonly id: string;
  readonly kind: string;
  /** e.g. 主要目标第2项 */
  readonly label: string;
  readonly plan: number;
  readonly domain: number;
  /** The strings whose occurrences to highlight (normalized): the terms and their alternatives. */
  readonly needles: readonly string[];
  /** Fetch the unit's text and title. */
  readonly fragment: () => Promise<PagefindFragment>;
}

/**
 * `promise`, which calls `forget` when it fails: what is cached of a failed download is dropped,
 * so the next query tries again instead of failing for the rest of the visit.
 */
function forgetting<T>(promise: Promise<T>, forget: () => void): Promise<T> {
  return promise.catch((error: unknown) => {
    forget();
    throw error;
  });
}

/** A row's label as the site writes it (e.g. 主要目标第2项; see UnitRow). */
export function rowLabel(row: UnitRow, kinds: readonly string[]): string {
  const kind = kinds[row[1]];
  if (typeof row[5] === 'string') return row[5];
  if (kind === 'goal' || kind === 'measure') return numberedLabel(kind, row[5]);
  throw new Error(`search/units.json: a ${kind ?? 'unknown'} unit (${row[0]}) has a number for its label`);
}

/** A short form's long forms are read in the text of at most this many units (one fragment each). */
const maxShortFormUnits = 40;
/** A term the plan holds in more units than this is a word of the plan, not an accident of two words meeting. */
const maxAcrossWordsUnits = 5;

export class SearchEngine {
  #table: Promise<UnitsTable> | undefined;
  readonly #lookups = new Map<string, Promise<Starts>>();
  readonly #base: string;

  constructor(base = '/') {
    this.#base = base;
  }

  /** Start loading the units table and the glossary (e.g. when the search box gets focus). */
  preload(): void {
    void this.table();
    void this.glossary();
  }

  table(): Promise<UnitsTable> {
    this.#table ??= forgetting(
      fetch(`${this.#base}search/units.json`).then((r) => {
        if (!r.ok) throw new Error(`search/units.json: HTTP ${r.status}`);
        return r.json() as Promise<UnitsTable>;
      }),
      () => (this.#table = undefined),
    );
    return this.#table;
  }

  #glossary: Promise<Glossary> | undefined;

  /** The glossary (dist/search/glossary.json, written by the build from src/data/glossary.json). */
  glossary(): Promise<Glossary> {
    this.#glossary ??= forgetting(
      fetch(`${this.#base}search/glossary.json`).then(async (r) => {
        if (!r.ok) throw new Error(`search/glossary.json: HTTP ${r.status}`);
        return loadSearchPageGlossary(await r.json());
      }),
      () => (this.#glossary = undefined),
    );
    return this.#glossary;
  }

  #vocabulary: Promise<string[]> | undefined;

  /** Words that occur in the plans, for suggestions when a query finds nothing (fetched only then). */
  vocabulary(): Promise<string[]> {
    this.#vocabulary ??= forgetting(
      fetch(`${this.#base}search/vocabulary.json`).then((r) => (r.ok ? (r.json() as Promise<string[]>) : [])),
      () => (this.#vocabulary = undefined),
    );
    return this.#vocabulary;
  }

  /** A file of the Pagefind bundle (its path under pagefind/), decompressed. */
  async #file(path: string): Promise<Uint8Array> {
    const response = await fetch(`${this.#base}pagefind/${path}`);
    if (!response.ok) throw new Error(`pagefind/${path}: HTTP ${response.status}`);
    return gunzip(await response.arrayBuffer());
  }

  readonly #chunks = new Map<number, Promise<IndexChunk>>();

  /** Index chunk `i` of the units table's list, fetched once per page. */
  #chunk(table: UnitsTable, i: number): Promise<IndexChunk> {
    let chunk = this.#chunks.get(i);
    if (chunk === undefined) {
      const file = `index/${table.chunkFiles[i] ?? ''}.pf_index`;
      chunk = forgetting(
        this.#file(file).then((raw) => readChunk(raw, file)),
        () => this.#chunks.delete(i),
      );
      this.#chunks.set(i, chunk);
    }
    return chunk;
  }

  /**
   * The units where `text` occurs, with where (start positions in each unit's character stream):
   * one token per piece of up to `gramLength` characters (usually one), then the positions where
   * the pieces follow each other; for a string longer than `maxCompletePieces` pieces, its first
   * and last pieces, then the text of the few units where both stand (tokens.ts `lookupPieces`).
   * Cached, so typing on and coming back to a query reuse earlier lookups.
   */
  #lookup(text: string): Promise<Starts> {
    let found = this.#lookups.get(text);
    if (found === undefined) {
      const chars = streamChars(text);
      const { pieces, complete } = lookupPieces(chars);
      found = Promise.all([this.table(), ...pieces.map((piece) => this.#piece(piece.token))]).then(async ([table, ...perPiece]) => {
        const out: Starts = new Map();
        const [first, ...rest] = perPiece;
        const unsure: Promise<void>[] = [];
        for (const [id, words] of first ?? []) {
          // A piece of the string's end is a token's start: an occurrence must end in the unit.
          const length = table.units[id]?.[6] ?? 0;
          const starts = occurrences(pieces, [words, ...rest.map((m) => m.get(id) ?? [])]).filter((p) => p + chars.length <= length);
          if (starts.length === 0) continue;
          if (complete) out.set(id, starts);
          else {
            // A long string's middle was not looked up: read it in the unit's text (the fragment,
            // which the result list needs anyway).
            unsure.push(
              this.#stream(id).then((stream) => {
                const held = confirmed(stream, chars, starts);
                if (held.length > 0) out.set(id, held);
              }),
            );
          }
        }
        await Promise.all(unsure);
        return out;
      });
      found = forgetting(found, () => this.#lookups.delete(text));
      this.#lookups.set(text, found);
    }
    return found;
  }

  readonly #pieces = new Map<string, Promise<Starts>>();

  /**
   * Where one index token starts, per unit: the positions of every index word it begins (its
   * extensions), in every chunk those can fall in (tokens.ts `chunkRange`; usually one).
   */
  #piece(token: string): Promise<Starts> {
    let found = this.#pieces.get(token);
    if (found === undefined) {
      found = this.table().then(async (table) => {
        const chunks = await Promise.all(chunkRange(token, table.chunks).map((i) => this.#chunk(table, i)));
        const { idOf } = this.#index(table);
        const out: Starts = new Map();
        for (const chunk of chunks) {
          for (const w of wordsBeginning(chunk, token)) {
            for (const { page, locations } of postings(chunk, w)) {
              const id = idOf[page];
              if (id === undefined) continue;
              const starts = out.get(id);
              if (starts === undefined) out.set(id, [...locations]);
              else starts.push(...locations);
            }
          }
        }
        for (const starts of out.values()) starts.sort((a, b) => a - b);
        return out;
      });
      found = forgetting(found, () => this.#pieces.delete(token));
      this.#pieces.set(token, found);
    }
    return found;
  }

  readonly #indexes = new WeakMap<UnitsTable, { idOf: string[]; order: Map<string, number> }>();

  /**
   * What the units table says, looked up the other way, made once per table: page number (as the
   * chunks' postings give it) → the unit's key, and key → its position in document order.
   */
  #index(table: UnitsTable): { idOf: string[]; order: Map<string, number> } {
    let index = this.#indexes.get(table);
    if (index === undefined) {
      const idOf: string[] = [];
      const order = new Map<string, number>();
      Object.entries(table.units).forEach(([id, row], i) => {
        idOf[row[8]] = id;
        order.set(id, i);
      });
      index = { idOf, order };
      this.#indexes.set(table, index);
    }
    return index;
  }

  readonly #fragments = new Map<string, Promise<PagefindFragment>>();

  /** A unit's fragment (text and title), fetched once per page. */
  #fragment(id: string): Promise<PagefindFragment> {
    let fragment = this.#fragments.get(id);
    if (fragment === undefined) {
      const file = `fragment/${id}.pf_fragment`;
      fragment = forgetting(
        this.#file(file).then((raw) => readFragment(raw, file)),
        () => this.#fragments.delete(id),
      );
      this.#fragments.set(id, fragment);
    }
    return fragment;
  }

  /** A unit's text as the index holds it (normalized, whitespace-free characters), from its fragment. */
  async #stream(id: string): Promise<string[]> {
    return streamChars(normalize((await this.#fragment(id)).meta['text'] ?? ''));
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
    const ids = new Set<string>();
    for (const [, found] of perTerm[0] ?? []) for (const id of found.keys()) ids.add(id);
    const { order } = this.#index(table);
    const candidates: Candidate[] = [];
    for (const id of ids) {
      const row = table.units[id];
      if (row === undefined) continue;
      const terms = perTerm.map((strings) => {
        const matches = new Map<string, readonly number[]>();
        for (const [s, found] of strings) {
          const starts = found.get(id);
          if (starts !== undefined) matches.set(s, starts);
        }
        return matches.size > 0 ? { matches } : undefined;
      });
      if (terms.some((t) => t === undefined)) continue;
      candidates.push({ key: id, order: order.get(id) ?? 0, titleLength: row[3], terms, whole: whole?.get(id) });
    }
    const needles = query.terms.flatMap((t) => [t.text, ...t.alternatives]);
    return rank(query.terms, candidates).flatMap((r) => this.#result(table, r, needles));
  }

  /** A ranked unit as a result, or nothing for a key the table does not hold. */
  #result(table: UnitsTable, r: Ranked, needles: readonly string[]): Result[] {
    const row = table.units[r.key];
    if (row === undefined) return [];
    return [{ ...r, id: `${table.documents[row[7]] ?? ''}.${row[0]}`, kind: table.kinds[row[1]] ?? '', label: rowLabel(row, table.kinds), domain: row[2], plan: row[4], needles, fragment: () => this.#fragment(r.key) }];
  }

  /**
   * The units the plan pairs with these results (a goal's measures, a measure's goals; units.json
   * lists them, most related first) that are not among `except`, each with the result it is
   * paired with, in the order of the results. They hold nothing of the query, so they carry no
   * needles and rank below every result.
   */
  async paired(results: readonly Result[], except: readonly Result[]): Promise<{ result: Result; of: Result }[]> {
    const table = await this.table();
    const { idOf, order } = this.#index(table);
    const seen = new Set(except.map((r) => r.key));
    const out: { result: Result; of: Result }[] = [];
    for (const of of results) {
      for (const page of table.units[of.key]?.[9] ?? []) {
        const key = idOf[page];
        if (key === undefined || seen.has(key)) continue;
        seen.add(key);
        const none = { key, level: 0, whole: false, distance: Number.POSITIVE_INFINITY, titleTerms: 0, occurrences: 0, first: Number.POSITIVE_INFINITY, order: order.get(key) ?? 0 };
        for (const result of this.#result(table, none, [])) out.push({ result, of });
      }
    }
    return out;
  }
}
