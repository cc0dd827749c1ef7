// What the /departments/ pages arrange from content/departments.json: counts, clauses grouped by
// plan and domain, the text 复制全部引用 copies, and where each department's table downloads are.
import type { BreakdownRow, DepartmentClause, DepartmentContent } from '../model/department';
import { docSlugOf } from '../model/ids';
import { byDocument as splitByDocument, type DocumentShare, type HomeDocument } from './home-overview';

/** Clauses outside the domains (组织实施, 监测评估 items) are listed under this heading. */
export const outsideDomains = '组织实施和监测评估';

/** Items grouped by plan, then by domain, in the order they come (document order). */
export function byPlanAndDomain<T extends { planTitle: string; domain: string | null }>(items: readonly T[]): { plan: string; domains: { domain: string; items: T[] }[] }[] {
  const plans: { plan: string; domains: { domain: string; items: T[] }[] }[] = [];
  for (const item of items) {
    let plan = plans.find((p) => p.plan === item.planTitle);
    if (plan === undefined) plans.push((plan = { plan: item.planTitle, domains: [] }));
    const name = item.domain ?? outsideDomains;
    let domain = plan.domains.find((d) => d.domain === name);
    if (domain === undefined) plan.domains.push((domain = { domain: name, items: [] }));
    domain.items.push(item);
  }
  return plans;
}

/**
 * In a library, a department's page and the 任务分解表 are one page per document (a page of every
 * document's clauses would grow with the library): the site's documents in order, each with its
 * items, its label (文号) and its title.
 */
export function byDocument<T extends { id: string }>(items: readonly T[], documents: readonly HomeDocument[]): DocumentShare<T>[] {
  return splitByDocument(items, documents, (item) => docSlugOf(item.id));
}

/** In a library, the documents a department has its own page in (those holding its clauses); none on a site of one document. */
export function departmentDocuments(department: Pick<DepartmentContent, 'clauses'>, documents: readonly HomeDocument[]) {
  return documents.length < 2 ? [] : byDocument(department.clauses, documents).filter((doc) => doc.items.length > 0);
}

/** In a library, the documents of the 任务分解表, each with its own page; none on a site of one document. */
export function breakdownDocuments(rows: readonly BreakdownRow[], documents: readonly HomeDocument[]) {
  return documents.length < 2 ? [] : byDocument(rows, documents);
}

/** How many clauses a department leads and supports, and on which basis. */
export function departmentCounts(d: Pick<DepartmentContent, 'clauses'>): { lead: number; support: number; named: number; function: number; official: number } {
  const count = (test: (c: DepartmentClause) => boolean) => d.clauses.filter(test).length;
  return {
    lead: count((c) => c.role === 'lead'),
    support: count((c) => c.role === 'support'),
    named: count((c) => c.basis === 'named'),
    function: count((c) => c.basis === 'function'),
    official: count((c) => c.basis === 'official'),
  };
}

/** What 复制全部引用 copies: every listed clause's citation, one per line, in document order. */
export function allCitations(d: Pick<DepartmentContent, 'clauses'>): string {
  return d.clauses.map((c) => c.citation).join('\n');
}

/** A department's clauses as a spreadsheet (build/10-open-data/departments-data.ts). */
export function departmentCsvUrl(slug: string): string {
  return `/data/departments/${slug}.csv`;
}

/** The whole 任务分解表 as spreadsheets. */
export const breakdownFiles = { csv: '/data/task-breakdown.csv', xlsx: '/data/task-breakdown.xlsx' } as const;

/** The rows without a lead department. */
export function withoutLead(rows: readonly BreakdownRow[]): BreakdownRow[] {
  return rows.filter((r) => r.lead.length === 0);
}
