// The editors' glossary, src/data/glossary.json: checked, normalized and loaded (for the build and
// the tests). The search page gets the build's copy instead (search/wire.ts `encodeGlossary`).
import glossaryData from '../../data/glossary.json' with { type: 'json' };
import { glossaryOf, GlossaryError, type Glossary, type GlossaryEntry } from '../../search/glossary';
import { normalize } from '../../text/normalize';
import { describe, isRecord, topLevelList } from '../data-file';

/**
 * Validates the parsed glossary.json and builds the lookup structures. Throws a GlossaryError that
 * names the file, the entry (index and first term) and what is wrong.
 * Rules: { "$comment"?: string | string[], "entries": [ { "terms": string[], "note"?: string } ] };
 * every entry has at least two terms, each at least two characters once normalized, distinct within
 * the entry; a term belongs to one entry only. (That a term occurs in the plan is a data check
 * made by the unit tests, not here: it needs the seed text.)
 */
export function loadGlossary(json: unknown, file = 'src/data/glossary.json'): Glossary {
  const fail = (where: string, what: string): never => {
    throw new GlossaryError(`${file}: ${where}: ${what}`);
  };
  const top = topLevelList(json, 'entries', fail);
  const comment = top['$comment'];
  if (comment !== undefined && typeof comment !== 'string' && !(Array.isArray(comment) && comment.every((c) => typeof c === 'string'))) {
    fail('"$comment"', `expected a string or an array of strings, got ${describe(comment)}`);
  }
  const entries: GlossaryEntry[] = [];
  const owner = new Map<string, number>();
  top.list.forEach((raw: unknown, index) => {
    const at = (extra = '') => {
      const first = isRecord(raw) && Array.isArray(raw['terms']) && typeof raw['terms'][0] === 'string' ? ` (${JSON.stringify(raw['terms'][0])})` : '';
      return `entries[${index}]${first}${extra}`;
    };
    const entry = checkEntry(raw, at, fail);
    entry.terms.forEach((n, t) => {
      const other = owner.get(n);
      if (other !== undefined) {
        fail(at(`.terms[${t}]`), `${JSON.stringify(entry.raw[t])} is already a term of entries[${other}] (${JSON.stringify(entries[other]?.terms[0])}); a term may belong to one entry only, merge the two`);
      }
      owner.set(n, index);
    });
    entries.push({ terms: entry.terms, note: entry.note });
  });
  return glossaryOf(entries);
}

/** One entry's shape and terms, normalized; `at` names the entry in messages. */
function checkEntry(
  raw: unknown,
  at: (extra?: string) => string,
  fail: (where: string, what: string) => never,
): { terms: string[]; raw: string[]; note: string | undefined } {
  if (!isRecord(raw)) return fail(at(), `expected an object {"terms": [...], "note": "..."}, got ${describe(raw)}`);
  for (const key of Object.keys(raw)) {
    if (key !== 'terms' && key !== 'note') fail(at(), `unknown key ${JSON.stringify(key)} (allowed: "terms", "note")`);
  }
  const note = raw['note'];
  if (note !== undefined && typeof note !== 'string') fail(at('.note'), `expected a string, got ${describe(note)}`);
  const terms = raw['terms'];
  if (!Array.isArray(terms)) return fail(at('.terms'), `expected an array of at least 2 strings, got ${describe(terms)}`);
  if (terms.length < 2) fail(at('.terms'), `expected at least 2 terms (an entry relates a term to its equivalents), got ${terms.length}`);
  const normalized: string[] = [];
  terms.forEach((term: unknown, t) => {
    if (typeof term !== 'string') return fail(at(`.terms[${t}]`), `expected a string, got ${describe(term)}`);
    const n = normalize(term);
    if (Array.from(n).length < 2) fail(at(`.terms[${t}]`), `${JSON.stringify(term)} is too short: terms need at least 2 characters`);
    if (normalized.includes(n)) fail(at(`.terms[${t}]`), `${JSON.stringify(term)} repeats another term of the same entry (compared after normalization: ${JSON.stringify(n)})`);
    normalized.push(n);
    return undefined;
  });
  return { terms: normalized, raw: terms as string[], note: typeof note === 'string' ? note : undefined };
}

/** The site's glossary. */
export const glossary: Glossary = loadGlossary(glossaryData);
