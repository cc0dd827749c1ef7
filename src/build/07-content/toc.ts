// A page's table of contents, derived from the body the content step built: every node marked
// with a `toc` entry (mdast.ts), in document order, with the depth of its heading level, pointing
// at its anchor. So a section and its entry are written in one place.
import type { Root, RootContent } from 'mdast';
import type { PageData } from '../../model/page-schema';

export type Toc = PageData['toc'];

/** The table of contents of a page body. */
export function tocOf(tree: Root): Toc {
  const toc: Toc = [];
  const visit = (node: Root | RootContent): void => {
    const text = node.data?.toc;
    if (text !== undefined) toc.push({ anchor: attribute(node, 'anchor'), text, depth: Number(attribute(node, 'level')) });
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return toc;
}

function attribute(node: Root | RootContent, name: string): string {
  const value = node.type === 'mdxJsxFlowElement' ? node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value : undefined;
  if (typeof value !== 'string') throw new Error(`A table-of-contents entry (${node.data?.toc ?? ''}) on a node without a "${name}" attribute: mark only <Section> and <Unit> elements.`);
  return value;
}
