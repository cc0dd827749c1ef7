// The search engine in the browser: Pagefind (loaded on first use, chunked, so a query fetches only
// the index chunk for each of its tokens — usually one per term; see tokens.ts) finds candidate units, the units table says what they are,
// and rank.ts orders them. Fragments (the units' text) are fetched only for results being shown.
import type { UnitRow, UnitsTable } from '../search-index';
import { numberedLabel } from '../site';
import type { Query } from './query';
import { loadSearchPageGlossary, normalize, type Glossary } from './variants';
import { rank, type Candidate, type Ranked } from './rank';
import { chunkRange, confirmed, indexLanguage, lookupPieces, occurrences, streamChars } from './tokens';
import { chineseWords, isShortForm, longForms, onlyAcrossWords, rankLongForms, windows, type LongForm } from './abbreviation';

interface PagefindResult {
  id: string;
  words: number[];
  data(): Promise<PagefindFragment>;
}

export interface PagefindFragment {
  url: string;
  meta: Record<string, string | undefined>;
}

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string): Promise<{ results: PagefindResult[] } | null>;
  preload(term: string): Promise<void>;
}

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
  #pagefind: Promise<Pagefind> | undefined;
  #table: Promise<UnitsTable> | undefined;
  readonly #lookups = new Map<string, Promise<Map<string, { starts: number[]; result: PagefindResult }>>>();
  readonly #base: string;
  readonly #cacheTag: string | undefined;

  /**
   * `cacheTag`: Pagefind's metaCacheTag (the build's content/search.json), which makes the entry
   * file's address stable, so the page's <link rel="preload"> for it is used.
   */
  constructor(base = '/', cacheTag?: string) {
    this.#base = base;
    this.#cacheTag = cacheTag;
  }

  /** Start loading Pagefind and the units table (e.g. when the search box gets focus). */
  preload(): void {
    void this.#load();
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

  /** Failed starts of Pagefind so far. */
  #failures = 0;

  #load(): Promise<[Pagefind, UnitsTable]> {
    this.#pagefind ??= forgetting((async () => {
      // A module that failed to load stays failed under its address for the rest of the visit,
      // and a Pagefind that failed to start stays broken: a retry imports a fresh copy.
      const url = `${this.#base}pagefind/pagefind.js${this.#failures === 0 ? '' : `?retry=${this.#failures}`}`;
      const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
      // On the page's own thread: our searches are small (usually one token per term), so a Web
      // Worker's start-up (one more script to fetch, its own WebAssembly instance) and the copying
      // of results across threads cost more than the searches (measured: bench/README.md).
      await pf.options({ basePath: `${this.#base}pagefind/`, noWorker: true, ...(this.#cacheTag === undefined ? {} : { metaCacheTag: this.#cacheTag }) });
      // Pagefind takes its language from <html lang> when it starts, and runs every query through
      // Intl.Segmenter for it (for zh, ICU's Chinese word segmenter): the first segmenter a page
      // creates costs 40–100 ms here, in front of the first result. Our queries are index tokens
      // already, with nothing to segment. So Pagefind is started with a tag that is not a valid
      // language tag, for which it skips segmentation (and, finding no index by that name, opens
      // the only one there is). The attribute is swapped for the synchronous start-up call only
      // (no rendering or event can happen in between) and restored at once. Should a later
      // Pagefind read it at another time, search still works, only more slowly.
      const html = globalThis.document?.documentElement;
      const lang = html?.getAttribute('lang');
      html?.setAttribute('lang', `${indexLanguage}_tokens`);
      const ready = pf.init();
      if (lang === null || lang === undefined) html?.removeAttribute('lang');
      else html?.setAttribute('lang', lang);
      // Fetch Pagefind's metadata and WebAssembly now, while the glossary and units table load.
      await ready;
      return pf;
    })(), () => {
      this.#pagefind = undefined;
      this.#failures++;
    });
    return Promise.all([this.#pagefind, this.table()]);
  }

  /**
   * The units where `text` occurs, with where (start positions in each unit's character stream):
   * one Pagefind search per piece of up to `gramLength` characters (usually one), then the
   * positions where the pieces follow each other; for a string longer than two pieces, its first
   * and last pieces, then the text of the few units where both stand (tokens.ts `lookupPieces`).
   * Cached, so typing on and coming back to a query reuse earlier lookups.
   */
  #lookup(pf: Pagefind, text: string): Promise<Map<string, { starts: number[]; result: PagefindResult }>> {
    let found = this.#lookups.get(text);
    if (found === undefined) {
      const chars = streamChars(text);
      const { pieces, complete } = lookupPieces(chars);
      found = Promise.all([this.table(), ...pieces.map((piece) => this.#piece(pf, piece.token))]).then(async ([table, ...perPiece]) => {
        const out = new Map<string, { starts: number[]; result: PagefindResult }>();
        const [first, ...rest] = perPiece;
        const unsure: Promise<void>[] = [];
        for (const [id, { words, result }] of first ?? []) {
          // Where no indexed word begins with a piece, Pagefind falls back to the longest word
          // that begins the piece: a unit's last, shorter tokens. A true occurrence ends inside
          // the unit; those do not.
          const length = table.units[id]?.[6] ?? 0;
          const starts = occurrences(pieces, [words, ...rest.map((m) => m.get(id)?.words ?? [])]).filter((p) => p + chars.length <= length);
          if (starts.length === 0) continue;
          if (complete) out.set(id, { starts, result });
          else {
            // A long string's middle was not looked up: read it in the unit's text (the fragment,
            // which the result list needs anyway).
            unsure.push(
              this.#fragment(id, result).then((fragment) => {
                const held = confirmed(streamChars(normalize(fragment.meta['text'] ?? '')), chars, starts);
                if (held.length > 0) out.set(id, { starts: held, result });
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

  readonly #pieces = new Map<string, Promise<Map<string, { words: number[]; result: PagefindResult }>>>();

  /**
   * Where one index token (as a prefix) starts, per unit. Pagefind loads only the index chunk the
   * token falls in, and matches prefixes among loaded words only, so every chunk the token's
   * extensions can be in is loaded first (by its first word, which Pagefind places in it).
   */
  #piece(pf: Pagefind, token: string): Promise<Map<string, { words: number[]; result: PagefindResult }>> {
    let found = this.#pieces.get(token);
    if (found === undefined) {
      found = this.table()
        .then(async (table) => {
          // One chunk (the usual case): the search loads it. (A token between two chunks has no
          // extensions at all, so there is nothing to load.)
          const range = chunkRange(token, table.chunks);
          if (range.length > 1) await Promise.all(range.flatMap((i) => (table.chunks[i] === undefined ? [] : [pf.preload(table.chunks[i])])));
          return pf.search(token);
        })
        .then((r) => new Map((r?.results ?? []).map((result) => [result.id, { words: result.words, result }])));
      found = forgetting(found, () => this.#pieces.delete(token));
      this.#pieces.set(token, found);
    }
    return found;
  }

  readonly #fragments = new Map<string, Promise<PagefindFragment>>();

  /** A unit's fragment (text and title), fetched once per page. */
  #fragment(id: string, result: PagefindResult): Promise<PagefindFragment> {
    let fragment = this.#fragments.get(id);
    if (fragment === undefined) {
      fragment = forgetting(result.data(), () => this.#fragments.delete(id));
      this.#fragments.set(id, fragment);
    }
    return fragment;
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
    const [pf] = await this.#load();
    const [first, ...rest] = await Promise.all(chars.map((ch) => this.#lookup(pf, ch)));
    const near: { id: string; result: PagefindResult; windows: number[][]; span: number }[] = [];
    for (const [id, hit] of first ?? []) {
      const found = windows([hit.starts, ...rest.map((m) => m.get(id)?.starts ?? [])]);
      const span = Math.min(...found.map((w) => (w.at(-1) ?? 0) - (w[0] ?? 0) + 1));
      if (found.length > 0) near.push({ id, result: hit.result, windows: found, span });
    }
    near.sort((a, b) => a.span - b.span);
    const segment = chineseWords();
    const perUnit = await Promise.all(
      near.slice(0, maxShortFormUnits).map(async (u) => longForms(streamChars(normalize((await this.#fragment(u.id, u.result)).meta['text'] ?? '')), u.windows, segment)),
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
    const streams = await Promise.all(found.map(async (r) => streamChars(normalize((await r.fragment()).meta['text'] ?? ''))));
    return streams.every((stream) => onlyAcrossWords(stream, chars, segment));
  }

  async search(query: Query): Promise<Result[]> {
    if (query.terms.length === 0) return [];
    const [pf, table] = await this.#load();
    const perTerm = await Promise.all(
      query.terms.map((t) => Promise.all([...new Set([t.text, ...t.alternatives])].map(async (s) => [s, await this.#lookup(pf, s)] as const))),
    );
    const whole = query.terms.length > 1 ? await this.#lookup(pf, query.terms.map((t) => t.text).join('')) : undefined;
    // Candidates: units matched by every term (through the term or one of its alternatives).
    const ids = new Set<string>();
    for (const [, found] of perTerm[0] ?? []) for (const id of found.keys()) ids.add(id);
    const order = new Map(Object.keys(table.units).map((id, i) => [id, i]));
    const results = new Map<string, PagefindResult>();
    const candidates: Candidate[] = [];
    for (const id of ids) {
      const row = table.units[id];
      if (row === undefined) continue;
      const terms = perTerm.map((strings) => {
        const matches = new Map<string, readonly number[]>();
        for (const [s, found] of strings) {
          const hit = found.get(id);
          if (hit === undefined) continue;
          matches.set(s, hit.starts);
          results.set(id, hit.result);
        }
        return matches.size > 0 ? { matches } : undefined;
      });
      if (terms.some((t) => t === undefined)) continue;
      candidates.push({ key: id, order: order.get(id) ?? 0, titleLength: row[3], terms, whole: whole?.get(id)?.starts });
    }
    const needles = query.terms.flatMap((t) => [t.text, ...t.alternatives]);
    return rank(query.terms, candidates).flatMap((r) => {
      const row = table.units[r.key];
      const result = results.get(r.key);
      if (row === undefined || result === undefined) return [];
      return [{ ...r, id: `${table.documents[row[7]] ?? ''}.${row[0]}`, kind: table.kinds[row[1]] ?? '', label: rowLabel(row, table.kinds), domain: row[2], plan: row[4], needles, fragment: () => this.#fragment(r.key, result) }];
    });
  }
}
