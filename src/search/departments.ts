// Department words in a query (卫健委, 教育局 心理健康, 人社局 就业歧视). The plans rarely name a
// department, so a department word is not something a clause must contain: it picks the
// department, whose clauses (its 任务分解, search/departments.json) come first. Pure.
import type { Glossary } from './glossary';
import { parseQuery, type Query, type Term } from './query';
import type { SearchDepartment } from './wire';

/** A department a query names, and the term that names it. */
export interface DepartmentMatch {
  readonly department: SearchDepartment;
  /** The term as typed. */
  readonly raw: string;
}

/** Department terms shorter than this are not cut off the front or back of a longer term (a name of 2 characters could be part of a word). */
const minAffix = 3;

/**
 * The departments a query names, and the query without them: a term that is a department's name
 * or alias goes; a term that begins or ends with one (卫健委心理健康) keeps the rest. The longest
 * name wins.
 */
export function departmentsIn(query: Query, departments: readonly SearchDepartment[], glossary: Glossary | null): { matches: DepartmentMatch[]; rest: Query } {
  const names = departments.flatMap((department) => department.terms.map((term) => ({ term, department }))).sort((a, b) => b.term.length - a.term.length);
  const matches: DepartmentMatch[] = [];
  const terms: Term[] = [];
  for (const t of query.terms) {
    const whole = names.find((n) => n.term === t.text);
    const affix = whole ?? names.find((n) => n.term.length >= minAffix && t.text.length - n.term.length >= 2 && (t.text.startsWith(n.term) || t.text.endsWith(n.term)));
    if (affix === undefined || t.quoted) {
      terms.push(t);
      continue;
    }
    if (!matches.some((m) => m.department.slug === affix.department.slug)) matches.push({ department: affix.department, raw: t.raw });
    if (whole !== undefined) continue;
    const text = t.text.startsWith(affix.term) ? t.text.slice(affix.term.length) : t.text.slice(0, t.text.length - affix.term.length);
    terms.push(...parseQuery(text, glossary).terms);
  }
  return { matches, rest: { raw: query.raw, terms } };
}
