// A page's MDX body made into the component that renders it, while the page renders: compiled as
// @astrojs/mdx compiles an MDX file (same processor settings, same plugins that shape the HTML),
// then run, and dropped with the page. So the build holds no module per page (page-loader.ts).
//
// The plugins of @astrojs/mdx (dist/plugins.js) that are left out change no HTML of a body without
// code blocks, images or an `export const frontmatter`: rehype-meta-string (code blocks' meta),
// Shiki (code blocks), the image plugins, and the exports of headings and frontmatter.
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import { createProcessor, nodeTypes, run } from '@mdx-js/mdx';
import * as runtime from 'astro/jsx-runtime';
import * as astroServer from 'astro/runtime/server/index.js';
import rehypeRaw from 'rehype-raw';
import { rehypeNoBreak } from './rehype-no-break';

/** What the body of a page renders as: `<Content components={…} />`. */
export type MdxContent = (props: { components?: Record<string, unknown> }) => unknown;

/** How an MDX module marks its `Content` for Astro's JSX renderer (exported by Astro, but not in its types). */
const { __astro_tag_component__: tagComponent } = astroServer as unknown as { __astro_tag_component__: (component: unknown, renderer: string) => void };

let processor: ReturnType<typeof createProcessor> | undefined;

/**
 * The settings of astro.config.ts's mdx(): no smartypants, no GFM, rehype-no-break. Like
 * @astrojs/mdx: JSX through Astro's runtime, HTML attribute names, MDX only (no `.md` syntax).
 */
function mdxProcessor(): ReturnType<typeof createProcessor> {
  processor ??= createProcessor({
    outputFormat: 'function-body',
    jsxImportSource: 'astro',
    format: 'mdx',
    mdExtensions: [],
    elementAttributeNameCase: 'html',
    rehypePlugins: [[rehypeRaw, { passThrough: nodeTypes }], rehypeNoBreak, [rehypeHeadingIds, { experimentalHeadingIdCompat: false }]],
  });
  return processor;
}

/** The body (`file` names it in errors) as a component, as an MDX module's `Content` export is one. */
export async function mdxBody(body: string | undefined, file: string): Promise<MdxContent> {
  if (body === undefined) throw new Error(`${file}: the page has no MDX body; the pages' loader (src/render/page-loader.ts) keeps every body.`);
  const compiled = await mdxProcessor().process({ value: body, path: file });
  const MDXContent = (await run(compiled, { ...runtime, baseUrl: import.meta.url })).default as (props: object) => unknown;
  // As @astrojs/mdx's postprocess wraps and marks an MDX module's default export.
  const Content: MdxContent = (props = {}) => MDXContent({ ...props, components: { Fragment: runtime.Fragment, ...props.components } });
  Object.assign(Content, { [Symbol.for('mdx-component')]: true, [Symbol.for('astro.needsHeadRendering')]: true, moduleId: file });
  tagComponent(Content, 'astro:jsx');
  return Content;
}
