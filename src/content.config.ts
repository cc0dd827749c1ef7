// The generated pages: one MDX file per document, plan, part, domain, goal and measure, written by
// the build into content/ (src/build/07-content/write-content.ts). The frontmatter is data for the
// layouts; the MDX body holds the clause text as a tree of <Section> and <Unit>, which the page
// compiles as it renders (src/render/page-loader.ts says why not one module per page).
import { defineCollection } from 'astro:content';
import { contentDir } from './model/content-files';
import { pageSchema } from './model/page-schema';
import { mdxPagesLoader } from './render/page-loader';

export const collections = {
  pages: defineCollection({
    loader: mdxPagesLoader(contentDir(process.env)),
    schema: pageSchema,
  }),
};
