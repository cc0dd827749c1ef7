// The 任务分解 as open data: dist/data/departments.json (docs/contracts.md), the whole table as
// task-breakdown.csv and .xlsx, and each department's clauses as departments/<slug>.csv — the
// tables officials work from in Excel or WPS, so their columns are named in Chinese.
import { basisNames, roleNames, type BreakdownRow, type DepartmentContent, type DepartmentsContent } from '../../model/department';
import type { Unit } from '../../model/unit';
import { csv } from './csv';
import { xlsx } from './xlsx';

/** dist/data/departments.json: one entry per department, its clauses in document order. */
export function departmentRecords(content: DepartmentsContent) {
  return content.departments.map((d) => ({
    name: d.name,
    aliases: [...d.aliases],
    url: d.url,
    clauses: d.clauses.map((c) => ({ id: c.id, role: c.role, basis: c.basis, reason: c.reason })),
    slug: d.slug,
    fullName: d.fullName,
    group: d.group,
  }));
}

const breakdownColumns = ['条文ID', '规划', '领域', '条目', '简称', '牵头单位', '配合单位', '依据', '说明', '引用', '链接'] as const;
type BreakdownRecord = Record<(typeof breakdownColumns)[number], string>;

/** The 任务分解表: a row per clause, its lead and supporting departments, on what basis and why. */
function breakdownRecords(rows: readonly BreakdownRow[], permalinkOf: ReadonlyMap<string, string>, reasons: ReadonlyMap<string, string>): BreakdownRecord[] {
  return rows.map((r) => ({
    条文ID: r.id,
    规划: r.planTitle,
    领域: r.domain ?? '',
    条目: r.label,
    简称: r.shortTitle ?? '',
    牵头单位: r.lead.map((d) => d.name).join('、'),
    配合单位: r.support.map((d) => d.name).join('、'),
    依据: [...new Set([...r.lead, ...r.support].map((d) => basisNames[d.basis]))].join('、'),
    说明: r.none ?? reasons.get(r.id) ?? '',
    引用: r.citation,
    链接: permalinkOf.get(r.id) ?? r.url,
  }));
}

const departmentColumns = ['条文ID', '规划', '领域', '条目', '简称', '角色', '依据', '理由', '原文', '引用', '链接'] as const;

/** A department's clauses, as its page lists them. */
function departmentCsv(d: DepartmentContent, permalinkOf: ReadonlyMap<string, string>): string {
  const records = d.clauses.map((c) => ({
    条文ID: c.id,
    规划: c.planTitle,
    领域: c.domain ?? '',
    条目: c.label,
    简称: c.shortTitle ?? '',
    角色: roleNames[c.role],
    依据: basisNames[c.basis],
    理由: c.reason,
    原文: c.text,
    引用: c.citation,
    链接: permalinkOf.get(c.id) ?? c.url,
  }));
  return csv(departmentColumns, records);
}

/** Every file of the 任务分解 under data/, by path. */
export async function departmentFiles(content: DepartmentsContent, units: readonly Unit[]): Promise<Map<string, string | Uint8Array>> {
  const permalinkOf = new Map(units.map((u) => [u.id, u.permalink]));
  const reasons = new Map<string, string>();
  for (const d of content.departments) {
    for (const c of d.clauses) reasons.set(c.id, [reasons.get(c.id), `${d.name}${roleNames[c.role]}：${c.reason}`].filter((x) => x !== undefined).join('；'));
  }
  const records = breakdownRecords(content.breakdown, permalinkOf, reasons);
  const files = new Map<string, string | Uint8Array>([
    ['departments.json', `${JSON.stringify(departmentRecords(content), null, 2)}\n`],
    ['task-breakdown.csv', csv(breakdownColumns, records)],
    ['task-breakdown.xlsx', await xlsx('任务分解', breakdownColumns, records, [22, 28, 16, 14, 30, 20, 28, 12, 40, 40, 40])],
  ]);
  for (const d of content.departments) files.set(`departments/${d.slug}.csv`, departmentCsv(d, permalinkOf));
  return files;
}
