// The actors lexicon, src/data/actors.json: the bodies the plans name, with their aliases, group
// and exclusions, checked so that an editor's mistake stops the build with what to fix.
import actorsData from '../../data/actors.json' with { type: 'json' };
import { slugPattern } from '../../model/ids';
import { normalize } from '../../text/normalize';
import { describe, isRecord, topLevelList } from '../data-file';

export interface LexiconEntry {
  readonly slug: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly group: string;
  readonly exclude: readonly string[];
}

export interface Lexicon {
  readonly entries: readonly LexiconEntry[];
}

export class LexiconError extends Error {
  override readonly name = 'LexiconError';
}

/** How a lexicon file names its list and its entries, and what more an entry holds. */
export interface LexiconFile<Extra> {
  /** The file, as messages name it. */
  readonly file: string;
  /** The key of the list (actors, departments), and what one entry is called in messages. */
  readonly list: string;
  readonly entry: string;
  /** Where an entry's slug is used, for messages (/actors/<slug>/). */
  readonly url: string;
  /** The entry's own keys beyond slug, name, aliases, group and exclude, checked and read by `extra`. */
  readonly keys: readonly string[];
  readonly extra: (item: Record<string, unknown>, at: (field: string) => string, fail: (where: string, what: string) => never) => Extra;
}

/**
 * Validates a lexicon file and reads its entries. Throws a LexiconError naming the file, the entry
 * and the fault. Rules: { "$…"?: notes, <list>: [ { slug, name, aliases, group, exclude?, …extra } ] };
 * slug ASCII (a-z, 0-9, single hyphens) and unique; name and group non-empty strings; aliases an
 * array of strings; every term (name or alias) at least 2 characters once normalized and belonging
 * to one entry only; every exclude string contains one of the entry's own terms (else it could
 * never apply).
 */
export function loadLexiconFile<Extra>(json: unknown, spec: LexiconFile<Extra>): (LexiconEntry & Extra)[] {
  const fail = (where: string, what: string): never => {
    throw new LexiconError(`${spec.file}: ${where}: ${what}`);
  };
  const entries: (LexiconEntry & Extra)[] = [];
  const slugs = new Set<string>();
  const owner = new Map<string, string>();
  const keys = ['slug', 'name', 'aliases', 'group', 'exclude', ...spec.keys];
  topLevelList(json, spec.list, fail).list.forEach((item: unknown, index) => {
    const at = (extra = '') => `${spec.list}[${index}]${isRecord(item) && typeof item['slug'] === 'string' ? ` (${item['slug']})` : ''}${extra}`;
    if (!isRecord(item)) return fail(at(), `expected an object {${keys.map((k) => `"${k}"`).join(', ')}}, got ${describe(item)}`);
    for (const key of Object.keys(item)) {
      if (!keys.includes(key)) fail(at(), `unknown key ${JSON.stringify(key)} (allowed: ${keys.map((k) => `"${k}"`).join(', ')})`);
    }
    const { slug, name, group } = item;
    if (typeof slug !== 'string' || !slugPattern.test(slug)) return fail(at('.slug'), `expected lower-case ASCII letters, digits and single hyphens (it is the URL ${spec.url}), got ${describe(slug)}`);
    if (slugs.has(slug)) fail(at('.slug'), `${JSON.stringify(slug)} is used by another ${spec.entry}`);
    slugs.add(slug);
    if (typeof name !== 'string' || name.trim() === '') return fail(at('.name'), `expected a non-empty string, got ${describe(name)}`);
    if (typeof group !== 'string' || group.trim() === '') return fail(at('.group'), `expected a non-empty string, got ${describe(group)}`);
    const terms = checkTerms(item, at, fail, (term) => {
      const other = owner.get(term);
      if (other !== undefined) return `is already a name or alias of ${other}; a name may belong to one ${spec.entry} only`;
      owner.set(term, slug);
      return null;
    });
    const exclude = checkExcludes(item['exclude'] ?? [], terms, spec.entry, at, fail);
    entries.push({ slug, name, aliases: terms.slice(1), group, exclude, ...spec.extra(item, at, fail) });
    return undefined;
  });
  return entries;
}

/** An entry's name and aliases, checked; `claim` says why a (normalized) term cannot be this entry's, or null. */
function checkTerms(item: Record<string, unknown>, at: (field: string) => string, fail: (where: string, what: string) => never, claim: (term: string) => string | null): string[] {
  const { name, aliases } = item;
  if (!Array.isArray(aliases)) return fail(at('.aliases'), `expected an array of strings (may be empty), got ${describe(aliases)}`);
  return [name, ...aliases].map((term: unknown, t) => {
    const where = t === 0 ? '.name' : `.aliases[${t - 1}]`;
    if (typeof term !== 'string') return fail(at(where), `expected a string, got ${describe(term)}`);
    const n = normalize(term);
    if (Array.from(n).length < 2) fail(at(where), `${JSON.stringify(term)} is too short: names need at least 2 characters`);
    const taken = claim(n);
    if (taken !== null) fail(at(where), `${JSON.stringify(term)} ${taken}`);
    return term;
  });
}

/** An entry's exclude strings, each of which must contain one of its terms (and be longer). */
function checkExcludes(exclude: unknown, terms: readonly string[], entry: string, at: (field: string) => string, fail: (where: string, what: string) => never): string[] {
  if (!Array.isArray(exclude)) return fail(at('.exclude'), `expected an array of strings, got ${describe(exclude)}`);
  return exclude.map((pattern: unknown, e) => {
    if (typeof pattern !== 'string') return fail(at(`.exclude[${e}]`), `expected a string, got ${describe(pattern)}`);
    const n = normalize(pattern);
    if (!terms.some((term) => n.includes(normalize(term)) && n !== normalize(term))) {
      fail(at(`.exclude[${e}]`), `${JSON.stringify(pattern)} contains none of this ${entry}'s names (${terms.join('、')}) or equals one, so it could never exclude a match`);
    }
    return pattern;
  });
}

/** Validates the parsed actors.json (loadLexiconFile's rules; an actor holds nothing more). */
export function loadLexicon(json: unknown, file = 'src/data/actors.json'): Lexicon {
  return { entries: loadLexiconFile(json, { file, list: 'actors', entry: 'actor', url: '/actors/<slug>/', keys: [], extra: () => ({}) }) };
}

/** The site's lexicon. */
export const lexicon: Lexicon = loadLexicon(actorsData);
