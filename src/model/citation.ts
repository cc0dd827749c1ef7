// Citations: how one unit is cited in a letter (one line: the plan in 《》, the document number, the
// part, the domain and the item, then the permalink) and how the whole document is listed as a
// reference (GB/T 7714—2015). Both are made once, at enrich time, from the model; the pages, the copy
// buttons and clauses.json all carry these same strings.
import { chineseNumeral, numeralValue, yearDigits } from '../text/numerals';

/** Where a unit sits in its document, as its citation names it. */
export interface CitedPlace {
  /** The title inside 《》: the plan's, or the notice's with its issuer. */
  readonly title: string;
  /** e.g. 洛政〔2022〕62号, or null when the document has none. */
  readonly docNumber: string | null;
  /** The part by number and heading text (2, 发展领域、主要目标和策略措施), or null for the notice and preamble. */
  readonly part: { readonly number: number; readonly heading: string } | null;
  /** The heading it stands under within its part, as written: its domain's （一）妇女与健康, its sub-head's （二）基本原则; or null. */
  readonly within: string | null;
  /**
   * How the unit is named, e.g. 主要目标第2项; left out when it only repeats the title or a heading
   * the citation quotes (总体要求, （三）总体目标), and cited without the part's heading it begins
   * with (重点工程第1项 in 三、重点工程 → 第1项).
   */
  readonly label: string;
}

/**
 * A unit's citation, e.g.
 * 《洛阳市妇女发展规划（2021—2030年）》（洛政〔2022〕62号）第二部分“发展领域、主要目标和策略措施”中“（一）妇女与健康”主要目标第2项，https://…/luozheng-2022-62/p1/d1/g2/
 * One line; its wording changes only when the structure or a heading it quotes does.
 */
export function unitCitation(place: CitedPlace, permalink: string): string {
  const { title, docNumber, part, within } = place;
  const partName = part === null ? '' : `第${chineseNumeral(part.number)}部分“${part.heading}”`;
  const withinName = within === null ? '' : `${part === null ? '' : '中'}“${within}”`;
  return `《${title}》${docNumber === null ? '' : `（${docNumber}）`}${partName}${withinName}${ownLabel(place)}，${permalink}`;
}

/** What a citation says of the unit itself after the headings it quotes (CitedPlace.label). */
function ownLabel({ title, part, within, label }: CitedPlace): string {
  if (label === title || label === part?.heading || (within !== null && within.endsWith(label))) return '';
  return part !== null && label.startsWith(part.heading) ? label.slice(part.heading.length) : label;
}

/**
 * Where the access date goes in a reference. The site is built once and read on many days, so the
 * page shows this slot and the copy button fills in the day it copies (src/scripts/copy.ts).
 */
export const accessDateSlot = '[引用日期]';

/** What a document's reference is made of: its notice and its 信息索引 (model/document.ts DocumentMeta). */
export interface ReferenceSource {
  /** 主要责任者, e.g. 洛阳市人民政府, or null. */
  readonly issuer: string | null;
  /** 题名: the notice's title as issued, with its issuer (洛阳市人民政府关于印发……的通知). */
  readonly title: string;
  readonly docNumber: string | null;
  /** The 发布日期, else the 成文日期, as YYYY-MM-DD, or null. */
  readonly date: string | null;
  /** The official publication's address when it is recorded, else the document's permalink. */
  readonly url: string;
}

/**
 * The document as an electronic resource in a reference list, GB/T 7714—2015 (8.8, [EB/OL]):
 * 主要责任者. 题名: 其他题名信息[EB/OL]. (发布日期)[引用日期]. 获取和访问路径.
 */
export function documentReference(source: ReferenceSource): string {
  const issued = source.date;
  return [
    source.issuer === null ? '' : `${source.issuer}. `,
    source.title,
    source.docNumber === null ? '' : `: ${source.docNumber}`,
    '[EB/OL]. ',
    issued === null ? '' : `(${issued})`,
    `${accessDateSlot}. `,
    `${source.url}.`,
  ].join('');
}

/** 2022-12-29 → 2022年12月29日: how the pages write a date the model holds as YYYY-MM-DD. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 2022年12月29日 or 二〇二二年十二月二十九日 → 2022-12-29; null when it is not such a date. */
export function isoDate(written: string): string | null {
  const m = /^\s*(\S{4})\s*年\s*(\S{1,3})\s*月\s*(\S{1,3})\s*日\s*$/.exec(written.normalize('NFKC'));
  if (m === null) return null;
  const [year, month, day] = [yearDigits(m[1] ?? ''), numeralValue(m[2] ?? ''), numeralValue(m[3] ?? '')];
  if (year === null || month === null || day === null || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
