// The glossary on the search page: a term's equivalents (abbreviations, full names, everyday
// words), the glossary terms inside a longer term, and a short term cut at them. Pure: no DOM and
// no Node APIs. The data is src/data/glossary.json, which the build checks
// (build/08-search-index/glossary-file.ts) and copies for the page (wire.ts).
import { normalize } from '../text/normalize';

// ---------------------------------------------------------------------------------------------
// glossary

export interface GlossaryEntry {
  /** Normalized terms, in file order; terms[0] is the plan's own wording. */
  readonly terms: readonly string[];
  readonly note: string | undefined;
}

export interface Glossary {
  readonly entries: readonly GlossaryEntry[];
  /** Normalized term → index into entries. */
  readonly byTerm: ReadonlyMap<string, number>;
  /** All normalized terms, longest first (then in code-point order): the containment scan order. */
  readonly termsLongestFirst: readonly string[];
  /**
   * Terms the indexed text holds nowhere (known on the search page, from the build): they still
   * lead a query to their entry, but are never looked up as alternatives, which could match
   * nothing. Empty when not known.
   */
  readonly absent: ReadonlySet<string>;
}

/** The term with the glossary's other spellings of it. */
export interface Expansion {
  readonly term: string;
  readonly alternatives: readonly string[];
}

export class GlossaryError extends Error {
  override readonly name = 'GlossaryError';
}

/**
 * The lookup structures of a glossary whose terms are already checked and normalized: by the
 * build from the editors' file (build/08-search-index/glossary-file.ts `loadGlossary`), on the
 * search page from the build's copy (wire.ts `decodeGlossary`). A term may belong to one entry only.
 */
export function glossaryOf(entries: readonly GlossaryEntry[], absent: ReadonlySet<string> = new Set()): Glossary {
  const byTerm = new Map<string, number>();
  entries.forEach((entry, index) => {
    for (const term of entry.terms) {
      const other = byTerm.get(term);
      if (other !== undefined && other !== index) {
        throw new GlossaryError(`${JSON.stringify(term)} is a term of entries[${other}] and entries[${index}]; a term may belong to one entry only`);
      }
      byTerm.set(term, index);
    }
  });
  const termsLongestFirst = [...byTerm.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  return { entries, byTerm, termsLongestFirst, absent };
}

/** At most this many alternatives per term (the containment rule can combine a lot). */
const MAX_ALTERNATIVES = 24;

/**
 * The glossary alternatives for a search term (normalized here, returned normalized), never the
 * term itself:
 * 1. if the whole term is a glossary term, the other terms of its entry, in file order;
 * 2. then, for every glossary term contained in it (longest first, non-overlapping, left to right),
 *    the term with that part replaced by each of the part's alternatives: 县妇联 → 县妇女联合会.
 *    Parts that belong to the entry matched in step 1 are skipped (its terms already are there).
 * Duplicates are removed; at most MAX_ALTERNATIVES results.
 */
export function expand(term: string, glossary: Glossary): string[] {
  const t = normalize(term);
  if (t === '') return [];
  const out: string[] = [];
  const add = (alt: string) => {
    if (alt !== t && alt !== '' && !out.includes(alt) && out.length < MAX_ALTERNATIVES) out.push(alt);
  };

  for (const alt of equivalents(t, glossary)) add(alt);
  // Parts that belong to the entry matched whole are skipped: its terms are there already.
  const parts = containedTerms(t, glossary, glossary.byTerm.get(t));
  for (const part of parts) {
    for (const alt of glossary.entries[part.entry]?.terms ?? []) {
      if (alt === part.term || glossary.absent.has(alt)) continue;
      add(t.slice(0, part.start) + alt + t.slice(part.start + part.term.length));
    }
  }
  return out;
}

/**
 * The glossary terms inside a normalized text (shorter than it), as non-overlapping occurrences
 * chosen longest term first, then left to right; in text order. Terms of `skipEntry` are left out
 * (they take no place either).
 */
function containedTerms(t: string, glossary: Glossary, skipEntry?: number): { start: number; term: string; entry: number }[] {
  const taken: boolean[] = new Array<boolean>(t.length).fill(false);
  const found: { start: number; term: string; entry: number }[] = [];
  for (const g of glossary.termsLongestFirst) {
    if (g.length >= t.length) continue; // a whole term is its entry's business
    const entry = glossary.byTerm.get(g);
    if (entry === undefined || entry === skipEntry) continue;
    for (let from = t.indexOf(g); from !== -1; from = t.indexOf(g, from + 1)) {
      if (taken.slice(from, from + g.length).some((x) => x)) continue;
      taken.fill(true, from, from + g.length);
      found.push({ start: from, term: g, entry });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The other terms of the glossary entry a term is (normalized), in file order, but for absent ones; [] if it is none. */
export function equivalents(term: string, glossary: Glossary): string[] {
  const t = normalize(term);
  const entry = glossary.byTerm.get(t);
  return entry === undefined ? [] : (glossary.entries[entry]?.terms ?? []).filter((x) => x !== t && !glossary.absent.has(x));
}

/**
 * A short term cut at the glossary terms inside it: 校园霸凌 → 校园 霸凌, 两癌筛查 → 两癌 筛查. What
 * people type often joins an everyday word to a plain one, while the plan says the same with the
 * words apart (校园环境 … 防欺凌); searching the parts together (each with its glossary
 * equivalents) finds those clauses. Only for terms of at most `maxLength` characters, and only
 * when every part left over has at least two characters; otherwise [].
 */
export function glossarySplit(term: string, glossary: Glossary, maxLength = 6): string[] {
  const t = normalize(term);
  const chars = [...t];
  if (chars.length > maxLength || chars.length < 3) return [];
  const found = containedTerms(t, glossary);
  if (found.length === 0) return [];
  const parts: string[] = [];
  let at = 0;
  for (const f of found) {
    if (f.start > at) parts.push(t.slice(at, f.start));
    parts.push(f.term);
    at = f.start + f.term.length;
  }
  if (at < t.length) parts.push(t.slice(at));
  return parts.length > 1 && parts.every((p) => [...p].length >= 2) ? parts : [];
}

/**
 * A term of any length cut at the glossary terms inside it (longest first, then left to right),
 * each piece marked with whether it is a glossary term: 小眼镜越来越多 → 小眼镜 | 越来越多. What the
 * relaxed match scores clauses by (relaxed.ts).
 */
export function glossaryCut(term: string, glossary: Glossary): { text: string; known: boolean }[] {
  const t = normalize(term);
  const pieces: { text: string; known: boolean }[] = [];
  let at = 0;
  for (const f of containedTerms(t, glossary)) {
    if (f.start > at) pieces.push({ text: t.slice(at, f.start), known: false });
    pieces.push({ text: f.term, known: true });
    at = f.start + f.term.length;
  }
  if (at < t.length) pieces.push({ text: t.slice(at), known: false });
  return pieces;
}

/** expand() as an {term, alternatives} pair, with the term normalized. */
export function expansion(term: string, glossary: Glossary): Expansion {
  return { term: normalize(term), alternatives: expand(term, glossary) };
}

