// A remark plugin for the MDX writer (mdx-processor.ts): every clause a page shows (<Unit>,
// <FullUnit>) must be a unit of the model, with exactly its lines, in order, as its paragraphs (the
// notice's grouped in <NoticePart>s). The
// parser's fidelity check proves the model holds the seed; this proves the pages hold the model, so
// no builder can drop, reorder or alter a line on its way to a page.
import type { Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import type { Unit } from '../../model/unit';

export interface CheckClausesOptions {
  readonly units: ReadonlyMap<string, Unit>;
}

const clauseElements = new Set(['Unit', 'FullUnit']);

/** Fails the build at the first clause of a page that is not, line for line, its unit's text. */
export const checkClauses: Plugin<[(CheckClausesOptions | undefined)?], Root> = (options) => (tree) => {
  if (options === undefined) return;
  const visit = (node: Root | RootContent): void => {
    if (node.type === 'mdxJsxFlowElement' && node.name !== null && clauseElements.has(node.name)) check(node, options.units);
    else if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
};

function check(node: Extract<RootContent, { type: 'mdxJsxFlowElement' }>, units: ReadonlyMap<string, Unit>): void {
  const uid = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'uid')?.value;
  const unit = typeof uid === 'string' ? units.get(uid) : undefined;
  if (unit === undefined) throw new Error(`<${node.name ?? ''} uid=${JSON.stringify(uid)}>: no unit of the model has this id.`);
  // The notice's lines stand grouped in <NoticePart>s (mdast.ts noticeParts): the one wrapper allowed.
  const blocks = node.children.flatMap((child) => (child.type === 'mdxJsxFlowElement' && child.name === 'NoticePart' ? child.children : [child]));
  const shown = blocks.map((child) => (child.type === 'paragraph' && child.children.length === 1 && child.children[0]?.type === 'text' ? child.children[0].value : null));
  const held = unit.lines.map((l) => l.text);
  const at = shown.findIndex((line, i) => line !== held[i]);
  if (at !== -1 || shown.length !== held.length) {
    const i = at === -1 ? Math.min(shown.length, held.length) : at;
    throw new Error(`<${node.name ?? ''} uid="${unit.id}">: paragraph ${i + 1} is ${JSON.stringify(shown[i] ?? null)}, but the unit's line ${i + 1} is ${JSON.stringify(held[i] ?? null)}. A page builder (src/build/07-content/page-bodies.ts) changed a clause.`);
  }
}
