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

/**
 * Validates the parsed actors.json. Throws a LexiconError naming the file, the entry and the fault.
 * Rules: { "$…"?: notes, "actors": [ { slug, name, aliases, group, exclude? } ] }; slug ASCII
 * (a-z, 0-9, single hyphens) and unique; name and group non-empty strings; aliases an array of
 * strings; every term (name or alias) at least 2 characters once normalized and belonging to one
 * actor only; every exclude string contains one of the actor's own terms (else it could never apply).
 */
export function loadLexicon(json: unknown, file = 'src/data/actors.json'): Lexicon {
  const fail = (where: string, what: string): never => {
    throw new LexiconError(`${file}: ${where}: ${what}`);
  };
  const raw = topLevelList(json, 'actors', fail).list;
  const entries: LexiconEntry[] = [];
  const slugs = new Set<string>();
  const owner = new Map<string, string>();
  raw.forEach((item: unknown, index) => {
    const at = (extra = '') => `actors[${index}]${isRecord(item) && typeof item['slug'] === 'string' ? ` (${item['slug']})` : ''}${extra}`;
    if (!isRecord(item)) return fail(at(), `expected an object {"slug", "name", "aliases", "group", "exclude"?}, got ${describe(item)}`);
    for (const key of Object.keys(item)) {
      if (!['slug', 'name', 'aliases', 'group', 'exclude'].includes(key)) fail(at(), `unknown key ${JSON.stringify(key)} (allowed: "slug", "name", "aliases", "group", "exclude")`);
    }
    const { slug, name, aliases, group, exclude = [] } = item;
    if (typeof slug !== 'string' || !slugPattern.test(slug)) return fail(at('.slug'), `expected lower-case ASCII letters, digits and single hyphens (it is the URL /actors/<slug>/), got ${describe(slug)}`);
    if (slugs.has(slug)) fail(at('.slug'), `${JSON.stringify(slug)} is used by another actor`);
    slugs.add(slug);
    if (typeof name !== 'string' || name.trim() === '') return fail(at('.name'), `expected a non-empty string, got ${describe(name)}`);
    if (typeof group !== 'string' || group.trim() === '') return fail(at('.group'), `expected a non-empty string, got ${describe(group)}`);
    if (!Array.isArray(aliases)) return fail(at('.aliases'), `expected an array of strings (may be empty), got ${describe(aliases)}`);
    if (!Array.isArray(exclude)) return fail(at('.exclude'), `expected an array of strings, got ${describe(exclude)}`);
    const terms: string[] = [];
    [name, ...aliases].forEach((term: unknown, t) => {
      const where = t === 0 ? '.name' : `.aliases[${t - 1}]`;
      if (typeof term !== 'string') return fail(at(where), `expected a string, got ${describe(term)}`);
      const n = normalize(term);
      if (Array.from(n).length < 2) fail(at(where), `${JSON.stringify(term)} is too short: names need at least 2 characters`);
      const other = owner.get(n);
      if (other !== undefined) fail(at(where), `${JSON.stringify(term)} is already a name or alias of ${other}; a name may belong to one actor only`);
      owner.set(n, slug);
      terms.push(term);
      return undefined;
    });
    const excludes: string[] = [];
    exclude.forEach((pattern: unknown, e) => {
      if (typeof pattern !== 'string') return fail(at(`.exclude[${e}]`), `expected a string, got ${describe(pattern)}`);
      const n = normalize(pattern);
      if (!terms.some((term) => n.includes(normalize(term)) && n !== normalize(term))) {
        fail(at(`.exclude[${e}]`), `${JSON.stringify(pattern)} contains none of this actor's names (${terms.join('、')}) or equals one, so it could never exclude a match`);
      }
      excludes.push(pattern);
      return undefined;
    });
    entries.push({ slug, name, aliases: terms.slice(1), group, exclude: excludes });
    return undefined;
  });
  return { entries };
}

/** The site's lexicon. */
export const lexicon: Lexicon = loadLexicon(actorsData);
