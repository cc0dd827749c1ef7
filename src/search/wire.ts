// The files the build writes for the search page and the page reads — one module for both sides
// (build/08-search-index writes them, engine.ts reads them), so the two cannot drift apart:
//   search/units.json     what each Pagefind record is (a unit: its ID, kind, plan, domain, label,
//                         lengths, Pagefind page number and paired units) and where the index
//                         chunks are, so results are ranked and filtered before any fragment loads;
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

/** One unit as the search page knows it (a decoded row of units.json). */
export interface UnitEntry {
  /** Its Pagefind fragment (file name without .pf_fragment): the key of its row. */
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
  /** The Pagefind page number by which index chunks' postings name the unit. */
  readonly page: number;
  /** The page numbers of the units it is paired with (a goal's measures, a measure's goals), most related first. */
  readonly paired: readonly number[];
}

/**
 * A row of units.json: [unit id without its document's slug and dot, kind index, domain index,
 * title length, plan index, label (or the number a goal's or measure's label is made of: a fifth
 * of the file otherwise), stream length, document index, Pagefind page number, paired pages]. Rows
 * are arrays, and ids without their slug, to keep small a file every first search downloads.
 */
export type UnitRow = [string, number, number, number, number, string | number, number, number, number, number[]];

/** search/units.json. */
export interface UnitsFile {
  /** Document slugs: a row's unit id is `${documents[row[7]]}.${row[0]}`. */
  readonly documents: readonly string[];
  readonly kinds: readonly string[];
  readonly plans: readonly string[];
  readonly domains: readonly { readonly plan: number; readonly name: string }[];
  /** Fragment → row, in document order. */
  readonly units: Readonly<Record<string, UnitRow>>;
  /** Where each Pagefind index chunk begins (search/tokens.ts `chunkRange`), ascending. */
  readonly chunks: readonly string[];
  /** Each chunk's file (pagefind/index/<file>.pf_index), in the order of `chunks`. */
  readonly chunkFiles: readonly string[];
}

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

/** A unit's row; `documents` lists the slugs the rows' document indexes point into. */
export function encodeUnitRow(unit: UnitEntry, documents: readonly string[]): UnitRow {
  const document = documents.findIndex((slug) => unit.id.startsWith(`${slug}.`));
  const kind = unitKinds.indexOf(unit.kind as (typeof unitKinds)[number]);
  if (document === -1) throw new Error(`search/units.json: unit id ${unit.id} does not begin with a document's slug and a dot`);
  if (kind === -1) throw new Error(`search/units.json: unit ${unit.id} has a kind the site does not know (${unit.kind})`);
  const number = /第(\d+)项$/.exec(unit.label)?.[1];
  const labelCell = (unit.kind === 'goal' || unit.kind === 'measure') && number !== undefined && unit.label === numberedLabel(unit.kind, Number(number)) ? Number(number) : unit.label;
  const localId = unit.id.slice((documents[document] ?? '').length + 1);
  return [localId, kind, unit.domain, unit.titleLength, unit.plan, labelCell, unit.length, document, unit.page, [...unit.paired]];
}

/** units.json, read. */
export function decodeUnitsFile(file: UnitsFile): SearchUnits {
  const units = Object.entries(file.units).map(([fragment, row], order): SearchUnit => {
    const [localId, kindIndex, domain, titleLength, plan, labelCell, length, document, page, paired] = row;
    const kind = file.kinds[kindIndex] ?? '';
    let label: string;
    if (typeof labelCell === 'string') label = labelCell;
    else if (kind === 'goal' || kind === 'measure') label = numberedLabel(kind, labelCell);
    else throw new Error(`search/units.json: a ${kind || 'unknown'} unit (${localId}) has a number for its label`);
    return { fragment, id: `${file.documents[document] ?? ''}.${localId}`, kind, plan, domain, label, titleLength, length, page, paired, order };
  });
  const byPage: (SearchUnit | undefined)[] = [];
  for (const unit of units) byPage[unit.page] = unit;
  return { ...file, units, byFragment: new Map(units.map((u) => [u.fragment, u])), byPage };
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
