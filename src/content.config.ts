// The generated pages: one MDX file per document, plan, part, domain, goal and measure, written by
// the build into content/ (src/build/07-content/write-content.ts). The frontmatter is data for the
// layouts; the MDX body holds the clause text as a tree of <Section> and <Unit>.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentDir } from './model/content-files';
import { pageSchema } from './model/page-schema';

export const collections = {
  pages: defineCollection({
    loader: glob({ pattern: '**/*.mdx', base: contentDir(process.env) }),
    schema: pageSchema,
  }),
};
