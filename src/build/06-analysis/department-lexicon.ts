// The departments lexicon, src/data/departments.json: the city's departments with the names people
// and the plans use for them (卫健委, 卫生健康部门 …) and the terms of their functions (妇幼保健,
// 孕产妇 …), the evidence the assigner (assign-departments.ts) reads a clause by. Checked like the
// actors lexicon (actor-lexicon.ts), so an editor's mistake stops the build with what to fix.
import departmentsData from '../../data/departments.json' with { type: 'json' };
import { normalize } from '../../text/normalize';
import { describe } from '../data-file';
import { LexiconError, loadLexiconFile, type LexiconEntry } from './actor-lexicon';

export interface DepartmentEntry extends LexiconEntry {
  /** The full official name: 洛阳市卫生健康委员会. */
  readonly fullName: string;
  /** Terms that, in a clause, show it falls under the department's functions. */
  readonly functions: readonly string[];
}

/** Slugs the /departments/ pages use for themselves. */
const reservedSlugs = new Set(['breakdown']);

/**
 * Validates the parsed departments.json: the actors lexicon's rules (slug, name, group, aliases,
 * exclude), and a non-empty `fullName` and a `functions` array of distinct terms of at least 2
 * characters. A function term may belong to several departments (functions overlap); a name may not.
 */
export function loadDepartments(json: unknown, file = 'src/data/departments.json'): DepartmentEntry[] {
  const entries = loadLexiconFile(json, {
    file,
    list: 'departments',
    entry: 'department',
    url: '/departments/<slug>/',
    keys: ['fullName', 'functions'],
    extra: (item, at, fail) => {
      const { fullName, functions } = item;
      if (typeof fullName !== 'string' || fullName.trim() === '') return fail(at('.fullName'), `expected a non-empty string, got ${describe(fullName)}`);
      if (!Array.isArray(functions)) return fail(at('.functions'), `expected an array of strings, got ${describe(functions)}`);
      const seen = new Set<string>();
      const terms = functions.map((term: unknown, i) => {
        if (typeof term !== 'string') return fail(at(`.functions[${i}]`), `expected a string, got ${describe(term)}`);
        const n = normalize(term);
        if (Array.from(n).length < 2) fail(at(`.functions[${i}]`), `${JSON.stringify(term)} is too short: terms need at least 2 characters`);
        if (seen.has(n)) fail(at(`.functions[${i}]`), `${JSON.stringify(term)} is listed twice`);
        seen.add(n);
        return term;
      });
      return { fullName, functions: terms };
    },
  });
  for (const [i, e] of entries.entries()) {
    if (reservedSlugs.has(e.slug)) throw new LexiconError(`${file}: departments[${i}] (${e.slug}).slug: "${e.slug}" is the address of a page of /departments/; choose another slug`);
  }
  return entries;
}

/** The site's departments. */
export const departments: readonly DepartmentEntry[] = loadDepartments(departmentsData);
