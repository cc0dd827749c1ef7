// Units: the citable pieces of a document (the notice, a plan's preamble, 总体要求's guidance,
// principles and aims, goals, measures, 重点工程, 组织实施 and 监测评估 items), each with its stable
// ID, address and citation. What every side shows of a unit — pages, search, open data — is named here.
import type { Line, Plan, Position } from './document';

/** The kinds of citable unit, with the name a reader sees (pages, search and citations alike). */
export const unitKindNames = {
  notice: '印发通知',
  preamble: '序言',
  guidance: '指导思想',
  principle: '基本原则',
  goal: '主要目标',
  measure: '策略措施',
  implementation: '组织实施',
  monitoring: '监测评估',
  aims: '总体目标',
  project: '重点工程',
} as const;

export type UnitKind = keyof typeof unitKindNames;

/** The unit kinds in their fixed order (search/units.json numbers them by it). */
export const unitKinds = Object.keys(unitKindNames) as readonly UnitKind[];

/** The label of a numbered goal or measure: 主要目标第2项, 策略措施第3项. */
export function numberedLabel(kind: 'goal' | 'measure', n: number): string {
  return `${unitKindNames[kind]}第${n}项`;
}

/** The opening paragraphs are called as their heading writes it (前言, 序言; 前　　言 → 前言), else 序言. */
export function preambleLabel(plan: Plan): string {
  return plan.preambleHeading?.text.replace(/[\s\u3000]+/g, '') ?? unitKindNames.preamble;
}

/** A citable unit of a document: one record of clauses.json (docs/contracts.md). */
export interface Unit {
  readonly id: string;
  readonly kind: UnitKind;
  /** The unit's own item number (goals, measures, items, principles by position), or null. */
  readonly number: number | null;
  /** The id of the element that holds the unit on its page. */
  readonly anchor: string;
  /** The page the unit is shown on in full. */
  readonly pageId: string;
  /** Site-relative; with `#anchor` when the unit shares its page. */
  readonly url: string;
  readonly docSlug: string;
  readonly docNumber: string | null;
  readonly planTitle: string | null;
  /** e.g. 二、发展领域、主要目标和策略措施, or null for the notice and preamble. */
  readonly part: string | null;
  readonly domain: string | null;
  /** Domain heading as written, e.g. （一）妇女与健康. */
  readonly domainHeading: string | null;
  /** The first part's sub-head it stands under, as cited (model/document.ts subheadAsCited), e.g. （二）基本原则, or null. */
  readonly subhead: string | null;
  /** How the unit is named, e.g. 主要目标第2项. */
  readonly label: string;
  /** The unit's title (a measure's, principle's or item's first sentence), or null. */
  readonly title: string | null;
  /** Goals and measures: their first phrase, to tell them apart in a list (text/short-title.ts); else null. */
  readonly shortTitle: string | null;
  readonly text: string;
  readonly lines: readonly Line[];
  readonly position: Position;
  /** The absolute URL of `url`, on the site's public address (SITE_URL). */
  readonly permalink: string;
  /** One line naming plan, document number, part, domain and item, then the permalink (citation.ts). */
  readonly citation: string;
  readonly relatedMeasures: readonly string[];
  readonly relatedGoals: readonly string[];
}
