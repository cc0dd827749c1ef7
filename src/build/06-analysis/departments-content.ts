// What the /departments/ pages show of the 任务分解 (content/departments.json): each department of
// the lexicon with the clauses it leads or supports, in document order, and the whole table, one
// row per clause. Every department has a page, also one the plans give nothing.
import { departmentUrl, type BreakdownRow, type ClauseAssignment, type DepartmentClause, type DepartmentRef, type DepartmentsContent } from '../../model/department';
import type { Unit } from '../../model/unit';
import type { DepartmentEntry } from './department-lexicon';

export function departmentsContent(units: readonly Unit[], departments: readonly DepartmentEntry[], assignments: readonly ClauseAssignment[]): DepartmentsContent {
  const unitOf = new Map(units.map((u) => [u.id, u]));
  const nameOf = new Map(departments.map((d) => [d.slug, d.name]));
  const clauses = new Map<string, DepartmentClause[]>(departments.map((d) => [d.slug, []]));
  const breakdown: BreakdownRow[] = [];
  for (const a of assignments) {
    const u = unitOf.get(a.clauseId);
    if (u === undefined) continue;
    const about = { url: u.url, label: u.label, shortTitle: u.shortTitle, planTitle: u.planTitle ?? '', domain: u.domain, citation: u.citation };
    for (const d of a.departments) clauses.get(d.department)?.push({ id: u.id, role: d.role, basis: d.basis, reason: d.reason, ...about, text: u.text });
    const refs = (role: 'lead' | 'support'): DepartmentRef[] => a.departments.filter((d) => d.role === role).map((d) => ({ slug: d.department, name: nameOf.get(d.department) ?? d.department, basis: d.basis }));
    breakdown.push({ id: u.id, ...about, lead: refs('lead'), support: refs('support'), none: a.none });
  }
  return {
    departments: departments.map((d) => ({ slug: d.slug, name: d.name, fullName: d.fullName, group: d.group, aliases: [...d.aliases], url: departmentUrl(d.slug), clauses: clauses.get(d.slug) ?? [] })),
    breakdown,
  };
}
