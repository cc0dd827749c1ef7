/**
 * The document model: what the parser makes of one seed file, and the single source of truth for
 * everything after it (pages, links, search records, exports).
 *
 * Nodes are told apart by their literal `type`. What may nest where:
 *   Document ─ Notice?, Plan+
 *   Plan     ─ Part+, in this order: GeneralPart, DomainsPart, ProjectsPart?, ImplementationPart, MonitoringPart
 *   GeneralPart        ─ Guidance?, Principles?, Aims?   (each under its sub-head （一）指导思想。… when the part has them)
 *   Principles         ─ Principle+
 *   DomainsPart        ─ Domain+ ─ Goal+, Measure+
 *   ProjectsPart       ─ Project+
 *   ImplementationPart ─ Item+      MonitoringPart ─ Item+
 *
 * Every node keeps where it came from. Every non-blank source line is owned by exactly one `Line`
 * in the tree, and `marker + text` rebuilds it (see build/04-fidelity/check-fidelity.ts).
 */
import { isoDate } from './citation';

/** Where a node came from: a file and its 1-based first and last line, or explicitly unknown. */
export type Position =
  | { readonly type: 'source'; readonly file: string; readonly line: number; readonly endLine: number }
  | { readonly type: 'unknown' };

/**
 * One source line as the model holds it. `marker` is the item number or heading numeral exactly
 * as written (`1.`, `１、 `, `（一）`, `一、`, or `''`); `text` is the verbatim rest of the line
 * with only leading and trailing whitespace removed.
 */
export interface Line {
  readonly line: number;
  readonly marker: string;
  readonly text: string;
}

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

export interface Document {
  readonly type: 'document';
  /** From the seed's file name: `seeds/luozheng-2022-62.txt` → `luozheng-2022-62`. */
  readonly slug: string;
  readonly file: string;
  readonly encoding: Encoding;
  readonly position: Position;
  readonly notice: Notice | null;
  readonly plans: readonly Plan[];
  /** Where the document comes from (its 信息索引): what its notice states, completed by the metadata file beside its seed. */
  readonly meta: DocumentMeta;
}

/** The levels of government that issue plans of the family. */
export const documentLevels = ['国家', '省', '市', '县'] as const;

/**
 * A document's 信息索引: who issued it, its number and dates, and where it is officially published.
 * Read from the metadata file beside the seed (`seeds/<slug>.yaml`, src/build/01-seeds/metadata.ts);
 * without one, what the notice states. null: not stated and not recorded (never guessed).
 */
export interface DocumentMeta {
  /** 发文机关, e.g. 洛阳市人民政府. */
  readonly issuer: string | null;
  /** 文号, e.g. 洛政〔2022〕62号. */
  readonly docNumber: string | null;
  /** 成文日期, YYYY-MM-DD. */
  readonly writtenDate: string | null;
  /** 发布日期 (when it was published), YYYY-MM-DD. */
  readonly publishedDate: string | null;
  /** The address of the official publication (the issuer's own site). */
  readonly source: string | null;
  readonly level: (typeof documentLevels)[number] | null;
  /** e.g. 河南省洛阳市. */
  readonly region: string | null;
  /** The metadata file it was read from (seeds/<slug>.yaml), or null when only the notice was. */
  readonly file: string | null;
}

/** What a notice itself states of its document's 信息索引. */
export function noticeMeta(notice: Notice | null): DocumentMeta {
  const date = notice?.date?.text ?? null;
  return {
    issuer: notice?.issuer?.text.trim() ?? null,
    docNumber: notice?.docNumber?.text.trim() ?? null,
    writtenDate: date === null ? null : isoDate(date),
    publishedDate: null,
    source: null,
    level: null,
    region: null,
    file: null,
  };
}

/** The covering notice that issues the plans (印发通知). */
export interface Notice {
  readonly type: 'notice';
  readonly position: Position;
  /** e.g. 洛政〔2022〕62号 */
  readonly docNumber: Line | null;
  /** e.g. 洛阳市人民政府 */
  readonly issuer: Line | null;
  /** The title, as written over one or more lines. */
  readonly title: readonly Line[];
  readonly addressees: Line | null;
  readonly body: readonly Line[];
  readonly date: Line | null;
}

export interface Plan {
  readonly type: 'plan';
  readonly position: Position;
  /** 1-based position of the plan in its document. */
  readonly index: number;
  /** e.g. 洛阳市妇女发展规划（2021—2030年） */
  readonly title: Line;
  /** A heading over the opening paragraphs, as written (前言, 前　　言, 序言), or null when they stand untitled. */
  readonly preambleHeading: Line | null;
  readonly preamble: readonly Line[];
  /**
   * The plan's parts in the order written, numbered 一、二、… from 1: 总体要求, the domains,
   * 重点工程 where the plan has it, 组织实施, 监测评估 (see the tree above). A part is told by its `role`.
   */
  readonly parts: readonly Part[];
}

interface PartBase {
  readonly type: 'part';
  readonly position: Position;
  /** The part's position in its plan, from the heading's numeral: 1 for 一、. */
  readonly number: number;
  /** `marker` 一、 and `text` 总体要求. */
  readonly heading: Line;
}

/**
 * 一、总体要求 (guiding paragraphs, then principles, untitled), or a first part under sub-heads:
 * 一、指导思想、基本原则和总体目标 with （一）指导思想。（二）基本原则。（三）总体目标。
 */
export interface GeneralPart extends PartBase {
  readonly role: 'general';
  readonly guidance: Guidance | null;
  readonly principles: Principles | null;
  /** 总体目标: only under its sub-head. */
  readonly aims: Aims | null;
}

/** 二、发展领域、主要目标和策略措施 */
export interface DomainsPart extends PartBase {
  readonly role: 'domains';
  readonly domains: readonly Domain[];
}

/** 三、重点工程 (or 重点项目): numbered projects, between the domains and 组织实施. */
export interface ProjectsPart extends PartBase {
  readonly role: 'projects';
  readonly projects: readonly Project[];
}

/** 三、组织实施 (四、 after 重点工程) */
export interface ImplementationPart extends PartBase {
  readonly role: 'implementation';
  readonly items: readonly Item[];
}

/** 四、监测评估 (五、 after 重点工程) */
export interface MonitoringPart extends PartBase {
  readonly role: 'monitoring';
  readonly items: readonly Item[];
}

export type Part = GeneralPart | DomainsPart | ProjectsPart | ImplementationPart | MonitoringPart;

/** What each role of part holds, by role. */
export type PartOf<R extends Part['role']> = Extract<Part, { readonly role: R }>;

/** One small function per role of part (a table to dispatch on, like mdast-util-to-markdown's handlers). */
export type PartHandlers<T> = { readonly [R in Part['role']]: (part: PartOf<R>) => T };

/** Hand a part to the function of its role. */
export function onPart<T>(part: Part, handlers: PartHandlers<T>): T {
  return (handlers[part.role] as (p: Part) => T)(part);
}

/** The parts of a plan that have this role, in order (the parser gives a plan one of each, 重点工程 at most). */
export function partsOf<R extends Part['role']>(plan: Plan, role: R): PartOf<R>[] {
  return plan.parts.filter((p): p is PartOf<R> => p.role === role);
}

/** A plan's domains, in order. */
export function domainsOf(plan: Plan): Domain[] {
  return partsOf(plan, 'domains').flatMap((p) => p.domains);
}

/**
 * A sub-head of the first part as written (`marker` （二） and `text` 基本原则。), or null where the
 * part has none (一、总体要求 of 洛政〔2022〕62号).
 */
export type Subhead = Line | null;

/** The guiding paragraph(s) of 总体要求 before the principles, or what stands under （一）指导思想。 */
export interface Guidance {
  readonly type: 'guidance';
  readonly position: Position;
  readonly heading: Subhead;
  readonly lines: readonly Line[];
}

/** The principles (坚持…), untitled or under （二）基本原则。 */
export interface Principles {
  readonly type: 'principles';
  readonly position: Position;
  readonly heading: Subhead;
  readonly principles: readonly Principle[];
}

/** What stands under （三）总体目标。: its paragraphs, one unit. */
export interface Aims {
  readonly type: 'aims';
  readonly position: Position;
  readonly heading: Line;
  readonly lines: readonly Line[];
}

/** A numbered block of text whose first sentence is its title (a principle, a measure, a project, an item). */
interface TitledNode<T extends string> {
  readonly type: T;
  readonly position: Position;
  readonly number: number;
  /** Its first sentence, without its full stop. */
  readonly title: string;
  /** The first carries the number as its marker, where the text numbers it. */
  readonly lines: readonly Line[];
}

/** A principle (坚持…, or 1.坚持…); `number`: its number where the text numbers principles, else its position. */
export type Principle = TitledNode<'principle'>;

export interface Domain {
  readonly type: 'domain';
  readonly position: Position;
  /** From the heading's （一） numeral. */
  readonly number: number;
  /** `marker` （一） and `text` 妇女与健康. */
  readonly heading: Line;
  /** The 主要目标： line. */
  readonly goalsHeading: Line;
  readonly goals: readonly Goal[];
  /** The 策略措施： line. */
  readonly measuresHeading: Line;
  readonly measures: readonly Measure[];
}

/** A numbered 主要目标. The first line carries the number as its marker. */
export interface Goal {
  readonly type: 'goal';
  readonly position: Position;
  readonly number: number;
  readonly lines: readonly Line[];
}

/** A numbered 策略措施. */
export type Measure = TitledNode<'measure'>;

/** A numbered item of 重点工程 (1. or （一）), with its sub-paragraphs. */
export type Project = TitledNode<'project'>;

/** A （一）-numbered item of 组织实施 or 监测评估, with its sub-paragraphs. */
export type Item = TitledNode<'item'>;

export type Node =
  | Document
  | Notice
  | Plan
  | Part
  | Guidance
  | Principles
  | Principle
  | Aims
  | Domain
  | Goal
  | Measure
  | Project
  | Item;

/** The verbatim text of a run of lines, without item numbers, one source line per `\n`. */
export function textOf(lines: readonly Line[]): string {
  return lines.map((l) => l.text).join('\n');
}

/** A heading line as the text writes it, with its numeral: （一）妇女与健康, 一、总体要求, 主要目标：. */
export function asWritten(line: Line): string {
  return line.marker.trim() + line.text;
}

/** A sub-head without its closing stop, as a citation quotes it: （二）基本原则。 → （二）基本原则. */
export function subheadAsCited(line: Line): string {
  return asWritten(line).replace(/[。．.：:]$/u, '');
}

/** The document's number (洛政〔2022〕62号), or null when it has none. */
export function docNumberOf(doc: Document): string | null {
  return doc.meta.docNumber;
}

/** The notice's title on one line, with the spaces of its typographic layout (通    知) removed; the slug without one. */
export function noticeTitle(doc: Document): string {
  const lines = doc.notice?.title ?? [];
  return lines.length === 0 ? doc.slug : lines.map((l) => l.text.replace(/\s+/g, '')).join('');
}

/** The notice's title as issued, with its issuer: 洛阳市人民政府关于印发……的通知. */
export function issuedTitle(doc: Document): string {
  const title = noticeTitle(doc);
  const issuer = doc.notice?.issuer?.text.trim() ?? null;
  return issuer === null || title.startsWith(issuer) ? title : `${issuer}${title}`;
}
