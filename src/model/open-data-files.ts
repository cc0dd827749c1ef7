// The open data the site publishes in dist/data/ (docs/contracts.md), as its download page
// (/data/) describes it to readers: each file, its format, what it holds and its fields. Step 10
// writes exactly these files (tests/unit/site.test.ts holds the two together). Pure.

export interface OpenDataFile {
  /** Path under /data/. */
  readonly file: string;
  readonly format: 'JSON' | 'CSV' | 'Excel';
  /** What it holds, for readers. */
  readonly title: string;
  readonly description: string;
  /** Its fields or columns, as they are named in the file. */
  readonly fields: readonly string[];
}

const clauseFields = ['id', 'url', 'planTitle', 'domain', 'kind', 'number', 'label', 'title', 'shortTitle', 'text', 'permalink', 'citation', 'docNumber', 'source', 'relatedMeasures', 'relatedGoals'];
const breakdownColumns = ['条文ID', '规划', '领域', '条目', '简称', '牵头单位', '配合单位', '依据', '说明', '引用', '链接'];

export const openDataFiles: readonly OpenDataFile[] = [
  { file: 'clauses.json', format: 'JSON', title: '全部条文', description: '每一项可引用的条文（印发通知、序言、指导思想、原则、主要目标、策略措施、组织实施和监测评估各项），按原文顺序；含原文、稳定 ID、链接和引用格式。', fields: clauseFields },
  { file: 'clauses.csv', format: 'CSV', title: '全部条文（表格）', description: '同上，供电子表格使用（UTF-8，带 BOM）。', fields: ['id', 'url', 'planTitle', 'domain', 'kind', 'number', 'label', 'title', 'text', 'citation', 'shortTitle'] },
  { file: 'targets.json', format: 'JSON', title: '量化目标', description: '主要目标和策略措施中每一个量化目标：指标、比较方式、数值、单位、目标年份（规划期末）、所在原句，以及该指标的页面（各文件、各规划对照）。', fields: ['clauseId', 'indicator', 'value', 'unit', 'comparator', 'url', 'planTitle', 'domain', 'text', 'year', 'document', 'indicatorKey', 'indicatorUrl'] },
  { file: 'targets.csv', format: 'CSV', title: '量化目标（表格）', description: '同上，供电子表格使用。', fields: ['clauseId', 'document', 'planTitle', 'domain', 'indicator', 'indicatorKey', 'comparator', 'value', 'unit', 'year', 'url', 'text', 'indicatorUrl'] },
  { file: 'actors.json', format: 'JSON', title: '职责索引', description: '规划中点名的机构和组织，以及点名它们的条文。', fields: ['name', 'aliases', 'clauseIds', 'url', 'group'] },
  { file: 'departments.json', format: 'JSON', title: '部门分工', description: '市直部门和单位牵头或配合的条文，以及依据（原文点名、按职能推断或正式分工）和理由。按职能推断的不是正式分工。', fields: ['slug', 'name', 'fullName', 'group', 'aliases', 'url', 'clauses'] },
  { file: 'task-breakdown.csv', format: 'CSV', title: '任务分解表', description: '每一项主要目标、策略措施和组织实施、监测评估条目的牵头单位和配合单位。', fields: breakdownColumns },
  { file: 'task-breakdown.xlsx', format: 'Excel', title: '任务分解表（Excel）', description: '同上，一个工作表。', fields: breakdownColumns },
];

/** Each department's own table, /data/departments/<slug>.csv. */
export const departmentFileColumns = ['条文ID', '规划', '领域', '条目', '简称', '角色', '依据', '理由', '原文', '引用', '链接'] as const;
export const departmentFile = (slug: string): string => `departments/${slug}.csv`;

/** The download page. */
export const openDataUrl = '/data/';
