// Departments and their share of the plans (任务分解): which city department leads (牵头) or
// supports (配合) each goal, measure and 组织实施/监测评估 item, and on what basis. The build's
// assigner (build/06-analysis/assign-departments.ts) decides it; content/departments.json carries
// it to the /departments/ pages, search/departments.json to the search page, and
// dist/data/departments.json is its public form (docs/contracts.md).

export type DepartmentRole = 'lead' | 'support';

/**
 * Why a department is assigned a clause: the text names it or its system (named), the clause's
 * wording falls under its functions (function), or an official 任务分解 says so (official).
 */
export type AssignmentBasis = 'named' | 'function' | 'official';

/** How the pages name a role and a basis. */
export const roleNames: Record<DepartmentRole, string> = { lead: '牵头', support: '配合' };
export const basisNames: Record<AssignmentBasis, string> = { named: '文中点名', function: '按职能推定', official: '正式分工' };

/** One department's part in one clause. */
export interface Assignment {
  /** The department's slug. */
  readonly department: string;
  readonly role: DepartmentRole;
  readonly basis: AssignmentBasis;
  /** In words a reader can check: the name the text uses, or the terms that decided it. */
  readonly reason: string;
}

/** A clause's departments, lead first; when there are none, why not. */
export interface ClauseAssignment {
  readonly clauseId: string;
  readonly departments: readonly Assignment[];
  /** Why no department is assigned (null when some is). */
  readonly none: string | null;
}

/** A department as the pages show it: who it is, and its clauses in document order. */
export interface DepartmentContent {
  readonly slug: string;
  readonly name: string;
  readonly fullName: string;
  readonly group: string;
  readonly aliases: readonly string[];
  readonly url: string;
  readonly clauses: readonly DepartmentClause[];
}

/** A clause on a department's page. */
export interface DepartmentClause {
  readonly id: string;
  readonly role: DepartmentRole;
  readonly basis: AssignmentBasis;
  readonly reason: string;
  readonly url: string;
  readonly label: string;
  readonly shortTitle: string | null;
  readonly planTitle: string;
  readonly domain: string | null;
  readonly text: string;
  readonly citation: string;
}

/** A department as a row of the 任务分解表 names it. */
export interface DepartmentRef {
  readonly slug: string;
  readonly name: string;
  readonly basis: AssignmentBasis;
}

/** A row of the 任务分解表: one clause, its lead and supporting departments. */
export interface BreakdownRow {
  readonly id: string;
  readonly url: string;
  readonly label: string;
  readonly shortTitle: string | null;
  readonly planTitle: string;
  readonly domain: string | null;
  readonly citation: string;
  readonly lead: readonly DepartmentRef[];
  readonly support: readonly DepartmentRef[];
  /** Why no department is assigned (null when some is). */
  readonly none: string | null;
}

/** content/departments.json. */
export interface DepartmentsContent {
  readonly departments: readonly DepartmentContent[];
  readonly breakdown: readonly BreakdownRow[];
}

/** A department's page: /departments/<slug>/. */
export function departmentUrl(slug: string): string {
  return `/departments/${slug}/`;
}

/** In a library, a department's clauses of one document: /departments/<slug>/<doc>/. */
export function departmentDocUrl(slug: string, docSlug: string): string {
  return `/departments/${slug}/${docSlug}/`;
}

/** The 任务分解表 page. */
export const breakdownUrl = '/departments/breakdown/';

/** In a library, the 任务分解表 of one document: /departments/breakdown/<doc>/. */
export function breakdownDocUrl(docSlug: string): string {
  return `${breakdownUrl}${docSlug}/`;
}
