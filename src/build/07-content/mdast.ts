// The nodes a page body is made of: mdast (paragraphs, text, links, lists) and the MDX elements the
// site's components render (<Section>, <Columns>, <Unit>, <FullUnit>, <Reference>). Clause text goes
// in as `text` nodes, so the serializer (mdx-processor.ts) escapes whatever it holds.
//
// A node that belongs in the page's table of contents says so where it is made (`toc`): the text
// of its entry, kept in the node's `data`, which toc.ts reads back (one source for a section and
// its entry). Its depth is its heading level.
import type { BlockContent, List, ListItem, Paragraph, PhrasingContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx';
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

/**
 * A unit with its verbatim text, and its citation and permalink to copy (Unit.astro); `href` when
 * it links to its own page; `toc`: its entry in the table of contents.
 */
export function unitElement(unit: Unit, level: 2 | 3, options: { linkToPage?: boolean; toc?: string } = {}): MdxJsxFlowElement {
  return jsx(
    'Unit',
    {
      uid: unit.id,
      anchor: unit.anchor,
      kind: unit.kind,
      label: unit.label,
      heading: unit.title ?? undefined,
      href: options.linkToPage === true ? unit.url : undefined,
      level: String(level),
      citation: unit.citation,
      permalink: unit.permalink,
    },
    lines(unit),
    options.toc,
  );
}

/**
 * A unit on a whole-plan page (FullUnit.astro): its verbatim text, its heading and ID, anchored by
 * its ID within the plan and linking to the page that shows it by itself. No citation or permalink
 * to copy: a whole plan of those would weigh more than the plan's text; the unit's own page has them.
 */
export function fullUnitElement(unit: Unit, level: 2 | 3 | 5, toc?: string): MdxJsxFlowElement {
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
