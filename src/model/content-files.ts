// Where the build leaves the site's content for Astro to render: a folder (PLAN_CONTENT_DIR,
// ./content by default) of MDX pages, one per page (frontmatter: page-schema.ts), and the data the
// /actors/, /departments/, /targets/ and /topics/ pages read (actor.ts, department.ts, target.ts, topic.ts). The build writes it
// (build/07-content/write-content.ts); src/content.config.ts and src/render/content-data.ts read it.

/** The environment variable that names the content folder for a build. */
export const contentDirVariable = 'PLAN_CONTENT_DIR';

/** How many generated pages the build asks Astro to render (render/render-progress.ts counts them). */
export const pagesVariable = 'PLAN_PAGES';

/** The content folder named by `env` (process.env), or ./content. */
export function contentDir(env: Readonly<Record<string, string | undefined>>): string {
  return env[contentDirVariable] ?? './content';
}

/** The data files in the content folder. */
export const contentDataFiles = { actors: 'actors.json', departments: 'departments.json', targets: 'targets.json', topics: 'topics.json' } as const;
