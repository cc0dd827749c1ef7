// The generated pages: one MDX file per document, plan, part, domain, goal and measure, written by
// scripts/build.ts into content/ (see src/lib/write-content.ts). The frontmatter is data for the
// layouts; the MDX body holds the clause text as a tree of <Section>, <Columns> and <Unit>.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { pageSchema } from './lib/page-schema';

const contentDir = process.env['PLAN_CONTENT_DIR'] ?? './content';

export const collections = {
  pages: defineCollection({
    loader: glob({ pattern: '**/*.mdx', base: contentDir }),
    schema: pageSchema,
  }),
};
