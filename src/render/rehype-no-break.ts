// A rehype plugin for the MDX pages (astro.config.ts): wraps each run a line must not break inside
// (src/text/no-break.ts: （2021—2030年）, 0—6岁) in <span class="nobr">, whose style keeps it on one
// line. Only text nodes change, into the same characters in the same order; code and elements that
// already hold a kept run are left alone.
import type { Element, ElementContent, Root, Text } from 'hast';
import { noBreakRuns } from '../text/no-break';

const skip = new Set(['code', 'pre', 'script', 'style', 'title', 'textarea']);

function split(node: Text): ElementContent[] {
  const runs = noBreakRuns(node.value);
  if (runs.every((r) => !r.keep)) return [node];
  return runs.map((r): ElementContent => (r.keep ? { type: 'element', tagName: 'span', properties: { className: ['nobr'] }, children: [{ type: 'text', value: r.text }] } : { type: 'text', value: r.text }));
}

/** A node with children: elements, the root, and MDX's JSX elements (<Unit>, <Section>) alike. */
interface Parent {
  type: string;
  children: (ElementContent | { type: string })[];
}

const hasChildren = (node: { type: string }): node is Parent => Array.isArray((node as Partial<Parent>).children);

function kept(node: { type: string }): boolean {
  if (node.type !== 'element') return false;
  const element = node as Element;
  return skip.has(element.tagName) || ((element.properties['className'] as string[] | undefined)?.includes('nobr') ?? false);
}

function walk(parent: Parent): void {
  parent.children = parent.children.flatMap((child) => {
    if (child.type === 'text') return split(child as Text);
    if (hasChildren(child) && !kept(child)) walk(child);
    return [child];
  });
}

/** The plugin: `rehypePlugins: [rehypeNoBreak]`. */
export function rehypeNoBreak() {
  return (tree: Root): void => walk(tree as Parent);
}
