/**
 * The document model: what the parser makes of one seed file, and the single source of truth for
 * everything after it (pages, links, search records, exports).
 *
 * Nodes are told apart by their literal `type`. What may nest where:
 *   Document ─ Notice?, Plan+
 *   Plan     ─ GeneralPart, DomainsPart, ImplementationPart, MonitoringPart (in that order)
 *   GeneralPart        ─ Guidance?, Principle*
 *   DomainsPart        ─ Domain+ ─ Goal+, Measure+
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
  readonly parts: readonly [GeneralPart, DomainsPart, ImplementationPart, MonitoringPart];
}

interface PartBase {
  readonly type: 'part';
  readonly position: Position;
  /** 1–4, from the heading's numeral. */
  readonly number: number;
  /** `marker` 一、 and `text` 总体要求. */
  readonly heading: Line;
}

/** 一、总体要求 */
export interface GeneralPart extends PartBase {
  readonly role: 'general';
  readonly guidance: Guidance | null;
  readonly principles: readonly Principle[];
}

/** 二、发展领域、主要目标和策略措施 */
export interface DomainsPart extends PartBase {
  readonly role: 'domains';
  readonly domains: readonly Domain[];
}

/** 三、组织实施 */
export interface ImplementationPart extends PartBase {
  readonly role: 'implementation';
  readonly items: readonly Item[];
}

/** 四、监测评估 */
export interface MonitoringPart extends PartBase {
  readonly role: 'monitoring';
  readonly items: readonly Item[];
}

export type Part = GeneralPart | DomainsPart | ImplementationPart | MonitoringPart;

/** The guiding paragraph(s) of 总体要求, before the principles. */
export interface Guidance {
  readonly type: 'guidance';
  readonly position: Position;
  readonly lines: readonly Line[];
}

/** A principle (坚持…): its first sentence is its title. */
export interface Principle {
  readonly type: 'principle';
  readonly position: Position;
  /** 1-based, in order of appearance (principles are not numbered in the text). */
  readonly number: number;
  readonly title: string;
  readonly lines: readonly Line[];
}

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

/** A numbered 策略措施: its first sentence is its title. */
export interface Measure {
  readonly type: 'measure';
  readonly position: Position;
  readonly number: number;
  readonly title: string;
  readonly lines: readonly Line[];
}

/** A （一）-numbered item of 组织实施 or 监测评估, with its sub-paragraphs. */
export interface Item {
  readonly type: 'item';
  readonly position: Position;
  readonly number: number;
  readonly title: string;
  readonly lines: readonly Line[];
}

export type Node =
  | Document
  | Notice
  | Plan
  | Part
  | Guidance
  | Principle
  | Domain
  | Goal
  | Measure
  | Item;

/** The verbatim text of a run of lines, without item numbers, one source line per `\n`. */
export function textOf(lines: readonly Line[]): string {
  return lines.map((l) => l.text).join('\n');
}

/** A heading line as the text writes it, with its numeral: （一）妇女与健康, 一、总体要求, 主要目标：. */
export function asWritten(line: Line): string {
  return line.marker.trim() + line.text;
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
