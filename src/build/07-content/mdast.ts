// The nodes a page body is made of: mdast (paragraphs, text, links, lists) and the MDX elements the
// site's components render (<Section>, <Unit>, <FullUnit>, <Reference>). Clause text goes
// in as `text` nodes, so the serializer (mdx-processor.ts) escapes whatever it holds.
//
// A node that belongs in the page's table of contents says so where it is made (`toc`): the text
// of its entry, kept in the node's `data`, which toc.ts reads back (one source for a section and
// its entry). Its depth is its heading level.
import type { BlockContent, List, ListItem, Paragraph, PhrasingContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx';
import type { Line, Notice } from '../../model/document';
import { fullPageAnchor } from '../../model/ids';
import type { Unit } from '../../model/unit';

declare module 'mdast' {
  interface Data {
    /** The text of the node's entry in its page's table of contents (toc.ts). */
    toc?: string;
  }
}

export type Block = BlockContent | MdxJsxFlowElement;
type Attrs = Record<string, string | undefined>;
/** The heading levels a page body's sections take (the page's h1 is its title). */
type SectionLevel = 2 | 3 | 4 | 5;

export function jsx(name: string, attributes: Attrs, children: Block[], toc?: string): MdxJsxFlowElement {
  return {
    type: 'mdxJsxFlowElement',
    name,
    attributes: Object.entries(attributes).flatMap(([key, value]) =>
      value === undefined ? [] : [{ type: 'mdxJsxAttribute' as const, name: key, value }],
    ),
    children,
    ...(toc === undefined ? {} : { data: { toc } }),
  };
}

export function paragraph(...children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children };
}

export function text(value: string): PhrasingContent {
  return { type: 'text', value };
}

export function link(url: string, label: string): PhrasingContent {
  return { type: 'link', url, children: [text(label)] };
}

/** A tight bullet list; an item is a line, or a line with a list under it. */
export function list(items: (PhrasingContent[] | { line: PhrasingContent[]; sub: List })[]): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((item): ListItem => {
      const [line, sub] = Array.isArray(item) ? [item, null] : [item.line, item.sub];
      return { type: 'listItem', spread: false, children: sub === null ? [paragraph(...line)] : [paragraph(...line), sub] };
    }),
  };
}

export interface SectionOptions {
  /** Listed in the table of contents, under its heading. */
  readonly toc?: boolean;
  /** The anchor of the section it is in, whose heading names it too (Section.astro). */
  readonly within?: string;
}

/** A titled part of a page (Section.astro). */
export function section(anchor: string, heading: string, level: SectionLevel, children: Block[], options: SectionOptions = {}): MdxJsxFlowElement {
  return jsx('Section', { anchor, heading, level: String(level), within: options.within }, children, options.toc === true ? heading : undefined);
}

/** The unit's verbatim text, one paragraph per source line. */
function lines(unit: Unit): Paragraph[] {
  return unit.lines.map((l) => paragraph(text(l.text)));
}

/** What each line of a notice is, in a 公文's terms (NoticePart.astro lays each out). */
export type NoticeRole = 'number' | 'issuer' | 'title' | 'addressees' | 'body' | 'date';

/**
 * The notice's lines grouped by what they are (文号, 发文机关, 标题, 主送机关, 正文, 成文日期), in
 * their order, as <NoticePart>s holding the lines as paragraphs: the text is the unit's, unchanged.
 */
export function noticeParts(unit: Unit, notice: Notice): MdxJsxFlowElement[] {
  const roles = new Map<number, NoticeRole>();
  const mark = (role: NoticeRole, lines: readonly (Line | null)[]) => lines.forEach((l) => l !== null && roles.set(l.line, role));
  mark('number', [notice.docNumber]);
  mark('issuer', [notice.issuer]);
  mark('title', notice.title);
  mark('addressees', [notice.addressees]);
  mark('date', [notice.date]);
  const groups: { role: NoticeRole; lines: Line[] }[] = [];
  for (const line of unit.lines) {
    const role = roles.get(line.line) ?? 'body';
    const last = groups.at(-1);
    if (last?.role === role) last.lines.push(line);
    else groups.push({ role, lines: [line] });
  }
  return groups.map((g) => jsx('NoticePart', { part: g.role }, g.lines.map((l) => paragraph(text(l.text)))));
}

/**
 * A unit with its verbatim text, and its citation and permalink to copy (Unit.astro); `href` when
 * it links to its own page (its heading is then its title or short title); `toc`: its entry in the
 * table of contents.
 */
export function unitElement(unit: Unit, level: 2 | 3, options: { linkToPage?: boolean; toc?: string; notice?: Notice } = {}): MdxJsxFlowElement {
  return jsx(
    'Unit',
    {
      uid: unit.id,
      anchor: unit.anchor,
      kind: unit.kind,
      label: unit.label,
      // In a list (its domain page), a goal is headed by its short title, as its own page is titled.
      heading: unit.title ?? (options.linkToPage === true ? (unit.shortTitle ?? undefined) : undefined),
      href: options.linkToPage === true ? unit.url : undefined,
      level: String(level),
      citation: unit.citation,
      permalink: unit.permalink,
    },
    options.notice === undefined ? lines(unit) : noticeParts(unit, options.notice),
    options.toc,
  );
}

/**
 * A unit on a whole-plan page (FullUnit.astro): its verbatim text, its heading and ID, anchored by
 * its ID within the plan and linking to the page that shows it by itself. No citation or permalink
 * to copy: a whole plan of those would weigh more than the plan's text; the unit's own page has them.
 */
export function fullUnitElement(unit: Unit, level: 2 | 3 | 4 | 5, toc?: string): MdxJsxFlowElement {
  return jsx(
    'FullUnit',
    {
      uid: unit.id,
      anchor: fullPageAnchor(unit.id),
      label: unit.label,
      heading: unit.title ?? undefined,
      href: unit.url,
      level: String(level),
    },
    lines(unit),
    toc,
  );
}
