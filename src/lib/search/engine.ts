// The search engine in the browser: Pagefind (loaded on first use, chunked, so a query fetches only
// the index chunks for its own tokens) finds candidate units, the units table says what they are,
// and rank.ts orders them. Fragments (the units' text) are fetched only for results being shown.
import type { UnitsTable } from '../search-index';
import type { Query } from './query';
import { loadGlossary, type Glossary } from './variants';
import { rank, type Candidate, type Ranked } from './rank';
import { queryTokens, runStarts, streamChars } from './tokens';

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

export class SearchEngine {
  #pagefind: Promise<Pagefind> | undefined;
  #table: Promise<UnitsTable> | undefined;
  readonly #lookups = new Map<string, Promise<Map<string, { starts: number[]; result: PagefindResult }>>>();
  readonly #base: string;

  constructor(base = '/') {
    this.#base = base;
  }

  /** Start loading Pagefind and the units table (e.g. when the search box gets focus). */
  preload(): void {
    void this.#load();
    void this.glossary();
  }

  table(): Promise<UnitsTable> {
    this.#table ??= fetch(`${this.#base}search/units.json`).then((r) => {
      if (!r.ok) throw new Error(`search/units.json: HTTP ${r.status}`);
      return r.json() as Promise<UnitsTable>;
    });
    return this.#table;
  }

  #glossary: Promise<Glossary> | undefined;

  /** The glossary (dist/search/glossary.json, written by the build from src/data/glossary.json). */
  glossary(): Promise<Glossary> {
    this.#glossary ??= fetch(`${this.#base}search/glossary.json`).then(async (r) => {
      if (!r.ok) throw new Error(`search/glossary.json: HTTP ${r.status}`);
      return loadGlossary(await r.json(), 'search/glossary.json');
    });
    return this.#glossary;
  }

  #vocabulary: Promise<string[]> | undefined;

  /** Words that occur in the plans, for suggestions when a query finds nothing (fetched only then). */
  vocabulary(): Promise<string[]> {
    this.#vocabulary ??= fetch(`${this.#base}search/vocabulary.json`).then((r) => (r.ok ? (r.json() as Promise<string[]>) : []));
    return this.#vocabulary;
  }

  #load(): Promise<[Pagefind, UnitsTable]> {
    this.#pagefind ??= (async () => {
      const url = `${this.#base}pagefind/pagefind.js`;
      const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
      await pf.options({ basePath: `${this.#base}pagefind/` });
      // Fetch Pagefind's metadata and WebAssembly now, while the glossary and units table load.
      await pf.init();
      return pf;
    })();
    return Promise.all([this.#pagefind, this.table()]);
  }

  /**
   * The units where `text` occurs, with where (start positions in each unit's character stream):
   * one Pagefind search for all of its bigrams, then the runs of adjacent matched positions.
   * Cached, so typing on and coming back to a query reuse earlier lookups.
   */
  #lookup(pf: Pagefind, text: string): Promise<Map<string, { starts: number[]; result: PagefindResult }>> {
    let found = this.#lookups.get(text);
    if (found === undefined) {
      const tokens = queryTokens(streamChars(text));
      found = pf.search([...new Set(tokens)].join(' ')).then((r) => {
        const out = new Map<string, { starts: number[]; result: PagefindResult }>();
        for (const result of r?.results ?? []) {
          const starts = runStarts(result.words, tokens.length);
          if (starts.length > 0) out.set(result.id, { starts, result });
        }
        return out;
      });
      this.#lookups.set(text, found);
    }
    return found;
  }

  readonly #fragments = new Map<string, Promise<PagefindFragment>>();

  /** A unit's fragment (text and title), fetched once per page. */
  #fragment(id: string, result: PagefindResult): Promise<PagefindFragment> {
    let fragment = this.#fragments.get(id);
    if (fragment === undefined) {
      fragment = result.data();
      this.#fragments.set(id, fragment);
    }
    return fragment;
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
      return [{ ...r, id: row[0], kind: table.kinds[row[1]] ?? '', label: row[5], domain: row[2], plan: row[4], needles, fragment: () => this.#fragment(r.key, result) }];
    });
  }
}
