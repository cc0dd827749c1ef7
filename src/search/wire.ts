// The files the build writes for the search page and the page reads — one module for both sides
// (build/08-search-index writes them, engine.ts reads them), so the two cannot drift apart:
//   search/units.json     what each Pagefind record is (a unit: its ID, kind, plan, domain, label
//                         and lengths, by Pagefind page number), where the index chunks are and
//                         what the fragments are called, so results are ranked and filtered
//                         before any fragment loads;
//   search/paired.json    the units the plan pairs with each (read only for a short list);
//   search/glossary.json  the glossary, one string per entry;
//   search/departments.json  the departments, the names people use for them, and their clauses;
//   pagefind/…            Pagefind's own files, each beginning with `pagefindSignature`; a
//                         fragment's meta is a `FragmentMeta`.
// The contract is in docs/contracts.md. Pure: no Node APIs, no DOM.
import { numberedLabel, unitKinds } from '../model/unit';
import { glossaryOf, GlossaryError, type Glossary } from './glossary';

/** What every Pagefind 1.6 file (index chunk, fragment, metadata) begins with, once decompressed. */
export const pagefindSignature = 'pagefind_dcd';

/** The meta the build gives each Pagefind record, read back from its fragment. */
export interface FragmentMeta {
  readonly id: string;
  /** The unit's title, or its label when it has none. */
  readonly title: string;
  /** The unit's verbatim text. */
  readonly text: string;
}

/** A fragment's meta, read: what is missing is empty. */
export function decodeFragmentMeta(meta: Readonly<Record<string, string | undefined>>): FragmentMeta {
  return { id: meta['id'] ?? '', title: meta['title'] ?? '', text: meta['text'] ?? '' };
}

/** One unit as the search page knows it (decoded from the columns of units.json). */
export interface UnitEntry {
  /** Its Pagefind fragment (file name without .pf_fragment): the key of the unit in the engine. */
  readonly fragment: string;
  readonly id: string;
  readonly kind: string;
  /** Index into `plans`. */
  readonly plan: number;
  /** Index into `domains`, or -1. */
  readonly domain: number;
  /** e.g. 主要目标第2项, 原则第1项. */
  readonly label: string;
  /** Characters of the unit's stream (its normalized text without whitespace) that are its title (0: none). */
  readonly titleLength: number;
  /** Characters of the unit's stream. */
  readonly length: number;
  /** The Pagefind page number by which index chunks' postings name the unit (also its place in document order). */
  readonly page: number;
}

/**
 * The units of units.json, one column per field and one entry per Pagefind page number, which is
 * document order. Every first search downloads this table, so it holds only what ranking, filters
 * and the list of results need, in the form that compresses best (columns of small numbers and
 * runs); what only some queries need is in files of their own: a unit's text in its fragment, its
 * paired units in paired.json.
 */
export interface UnitColumns {
  /** The unit's id without its document's slug and dot: `p1.d1.g2`. */
  readonly id: readonly string[];
  /** Index into `documents`. */
  readonly document: readonly number[];
  /** Index into `kinds`. */
  readonly kind: readonly number[];
  readonly plan: readonly number[];
  readonly domain: readonly number[];
  /** The label, or the number a goal's or measure's label is made of (a fifth of the table otherwise). */
  readonly label: readonly (string | number)[];
  readonly titleLength: readonly number[];
  readonly length: readonly number[];
}

/** search/units.json. */
export interface UnitsFile {
  /** Document slugs: a unit's id is `${documents[document]}.${id}`. */
  readonly documents: readonly string[];
  readonly kinds: readonly string[];
  readonly plans: readonly string[];
  readonly domains: readonly { readonly plan: number; readonly name: string }[];
  /**
   * The fragment of page n is pagefind/fragment/<fragmentPrefix><n>.pf_fragment. The prefix is a
   * hash of every fragment, so a table cached from another build never reads this build's texts
   * under the wrong unit (it finds no file instead).
   */
  readonly fragmentPrefix: string;
  readonly units: UnitColumns;
  /** Where each Pagefind index chunk begins (search/tokens.ts `chunkRange`), ascending. */
  readonly chunks: readonly string[];
  /** Each chunk's file (pagefind/index/<file>.pf_index), in the order of `chunks`. */
  readonly chunkFiles: readonly string[];
}

/** search/paired.json: for each page number, the pages of the units the plan pairs with it (a goal's measures, a measure's goals), most related first. */
export type PairedFile = readonly (readonly number[])[];

/** A unit as the engine reads it: its entry, and its position in document order. */
export interface SearchUnit extends UnitEntry {
  readonly order: number;
}

/** units.json as the engine uses it. */
export interface SearchUnits extends Omit<UnitsFile, 'units'> {
  /** In document order. */
  readonly units: readonly SearchUnit[];
  readonly byFragment: ReadonlyMap<string, SearchUnit>;
  /** By Pagefind page number. */
  readonly byPage: readonly (SearchUnit | undefined)[];
}

/** The fragment file name (without .pf_fragment) of a page. */
export function fragmentName(prefix: string, page: number): string {
  return `${prefix}${page}`;
}

/** The units' columns, from their entries in page order; `documents` lists the slugs their ids begin with. */
export function encodeUnits(units: readonly UnitEntry[], documents: readonly string[]): UnitColumns {
  const columns = { id: [] as string[], document: [] as number[], kind: [] as number[], plan: [] as number[], domain: [] as number[], label: [] as (string | number)[], titleLength: [] as number[], length: [] as number[] };
  for (const [page, unit] of units.entries()) {
    const document = documents.findIndex((slug) => unit.id.startsWith(`${slug}.`));
    const kind = unitKinds.indexOf(unit.kind as (typeof unitKinds)[number]);
    if (unit.page !== page) throw new Error(`search/units.json: unit ${unit.id} is page ${unit.page}, not ${page}: the table is in page order`);
    if (document === -1) throw new Error(`search/units.json: unit id ${unit.id} does not begin with a document's slug and a dot`);
    if (kind === -1) throw new Error(`search/units.json: unit ${unit.id} has a kind the site does not know (${unit.kind})`);
    const number = /第(\d+)项$/.exec(unit.label)?.[1];
    columns.id.push(unit.id.slice((documents[document] ?? '').length + 1));
    columns.document.push(document);
    columns.kind.push(kind);
    columns.plan.push(unit.plan);
    columns.domain.push(unit.domain);
    columns.label.push((unit.kind === 'goal' || unit.kind === 'measure') && number !== undefined && unit.label === numberedLabel(unit.kind, Number(number)) ? Number(number) : unit.label);
    columns.titleLength.push(unit.titleLength);
    columns.length.push(unit.length);
  }
  return columns;
}

/** units.json, read. */
export function decodeUnitsFile(file: UnitsFile): SearchUnits {
  const c = file.units;
  const units = c.id.map((localId, page): SearchUnit => {
    const kind = file.kinds[c.kind[page] ?? -1] ?? '';
    const labelCell = c.label[page] ?? '';
    let label: string;
    if (typeof labelCell === 'string') label = labelCell;
    else if (kind === 'goal' || kind === 'measure') label = numberedLabel(kind, labelCell);
    else throw new Error(`search/units.json: a ${kind || 'unknown'} unit (${localId}) has a number for its label`);
    return {
      fragment: fragmentName(file.fragmentPrefix, page),
      id: `${file.documents[c.document[page] ?? -1] ?? ''}.${localId}`,
      kind,
      plan: c.plan[page] ?? 0,
      domain: c.domain[page] ?? -1,
      label,
      titleLength: c.titleLength[page] ?? 0,
      length: c.length[page] ?? 0,
      page,
      order: page,
    };
  });
  const { units: _columns, ...rest } = file;
  return { ...rest, units, byFragment: new Map(units.map((u) => [u.fragment, u])), byPage: units };
}

/** paired.json, read: each entry a list of page numbers (anything else is left out). */
export function decodePaired(json: unknown): PairedFile {
  return Array.isArray(json) ? json.map((pages) => (Array.isArray(pages) ? pages.filter((p): p is number => Number.isInteger(p)) : [])) : [];
}

/** Between the terms of an entry in glossary.json. */
const glossarySeparator = '|';
/** Before a term of glossary.json that the indexed text holds nowhere. */
const absentMark = '*';

/**
 * search/glossary.json: one string per entry, its terms (already normalized) joined by `|`, notes
 * left out: ["妇联|妇女联合会", …] (a third smaller than arrays of quoted terms; the page loads it
 * before its first query). A term for which `held` is false — one the plan holds nowhere — is
 * marked with a leading `*` (…|*家暴): it still leads a query to its entry, but is never looked up
 * itself, which would read an index chunk to find nothing.
 */
export function encodeGlossary(glossary: Glossary, held: (term: string) => boolean): string[] {
  return glossary.entries.map((e) =>
    e.terms
      .map((t) => {
        if (t.includes(glossarySeparator) || t.startsWith(absentMark)) {
          throw new GlossaryError(`src/data/glossary.json: the term ${JSON.stringify(t)} holds ${glossarySeparator} or begins with ${absentMark}, which the search page's copy uses as marks`);
        }
        return held(t) ? t : `${absentMark}${t}`;
      })
      .join(glossarySeparator),
  );
}

/** search/glossary.json, read. */
export function decodeGlossary(json: unknown): Glossary {
  if (!Array.isArray(json) || !json.every((e) => typeof e === 'string')) {
    throw new GlossaryError(`search/glossary.json: expected an array of strings (an entry's terms joined by ${glossarySeparator})`);
  }
  const absent = new Set<string>();
  const entries = json.map((entry: string, i) => {
    const terms = entry.split(glossarySeparator).map((t) => {
      if (!t.startsWith(absentMark)) return t;
      absent.add(t.slice(absentMark.length));
      return t.slice(absentMark.length);
    });
    if (terms.length < 2 || terms.some((t) => t === '')) throw new GlossaryError(`search/glossary.json: entries[${i}]: expected at least 2 terms, none empty, got ${JSON.stringify(entry)}`);
    return { terms, note: undefined };
  });
  return glossaryOf(entries, absent);
}

/** A department as the search page knows it: its names (normalized) and its clauses by page number. */
export interface SearchDepartment {
  readonly slug: string;
  readonly name: string;
  readonly url: string;
  /** Its name and aliases, normalized, without whitespace. */
  readonly terms: readonly string[];
  /** Pagefind page numbers of the clauses it leads and supports, in document order. */
  readonly lead: readonly number[];
  readonly support: readonly number[];
}

/** search/departments.json. */
export interface DepartmentsFile {
  readonly departments: readonly SearchDepartment[];
}

/** search/departments.json, read (checked for shape: the page must not break on a bad file). */
export function decodeDepartments(json: unknown): DepartmentsFile {
  const list = typeof json === 'object' && json !== null && Array.isArray((json as { departments?: unknown }).departments) ? (json as { departments: unknown[] }).departments : null;
  const numbers = (x: unknown): x is number[] => Array.isArray(x) && x.every((n) => typeof n === 'number');
  const ok = (d: unknown): d is SearchDepartment => {
    const r = d as Partial<SearchDepartment> | null;
    return typeof r === 'object' && r !== null && typeof r.slug === 'string' && typeof r.name === 'string' && typeof r.url === 'string' && Array.isArray(r.terms) && r.terms.every((t) => typeof t === 'string') && numbers(r.lead) && numbers(r.support);
  };
  if (list === null || !list.every(ok)) throw new Error('search/departments.json: expected { departments: [{ slug, name, url, terms, lead, support }] }');
  return { departments: list };
}
