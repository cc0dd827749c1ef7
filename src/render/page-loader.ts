// The loader of the `pages` collection (src/content.config.ts): every *.mdx file of the content
// folder as an entry, its frontmatter as data (checked against the page schema) and its MDX body as
// text, which the page renders (mdx-body.ts). Astro's glob loader would make each MDX file a module
// of the build, and the build holds every module until it ends: about 350 MiB per document, so a
// library of 20 documents ran out of memory (issue 15). Read as text, a page costs its text.
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Loader, LoaderContext } from 'astro/loaders';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The MDX files under `dir`, as paths relative to it with `/`, sorted (so the collection's order
 * never depends on the file system's); none when there is no such folder (before the first build).
 */
export async function mdxFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((error: unknown) => {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return [];
    throw error;
  });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.mdx'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** An entry's id: its path without `index.mdx` or `.mdx` (`luozheng-2022-62/p1/d1/index.mdx` → `luozheng-2022-62/p1/d1`). */
export function pageEntryId(relativePath: string): string {
  return relativePath.replace(/(^|\/)index\.mdx$/, '').replace(/\.mdx$/, '') || 'index';
}

/** A loader of the MDX pages under `dir` (absolute, or relative to the working directory). */
export function mdxPagesLoader(dir: string): Loader {
  const base = path.resolve(dir);
  return {
    name: 'plan-mdx-pages',
    load: async (context) => {
      await loadAll(base, context);
      // `astro dev`: a rebuilt content folder is read again.
      context.watcher?.add(base);
      context.watcher?.on('all', (_event, file) => {
        if (file.startsWith(base + path.sep) && file.endsWith('.mdx')) void loadAll(base, context);
      });
    },
  };
}

async function loadAll(base: string, { store, parseData, generateDigest, config, logger }: LoaderContext): Promise<void> {
  const root = fileURLToPath(config.root);
  const files = await mdxFiles(base);
  if (files.length === 0) logger.warn(`No pages in ${base}: run \`npm run build\`, which writes them.`);
  const ids = new Set<string>();
  for (const file of files) {
    const absolute = path.join(base, file);
    const source = await readFile(absolute, 'utf8');
    const id = pageEntryId(file);
    const filePath = path.relative(root, absolute).split(path.sep).join('/');
    ids.add(id);
    const digest = generateDigest(source);
    if (store.get(id)?.digest === digest) continue;
    // As @astrojs/mdx reads an MDX file: the frontmatter blanked out, so positions in the body are the file's.
    const { frontmatter, content } = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' });
    const data = await parseData({ id, data: frontmatter, filePath });
    store.set({ id, data, body: content, filePath, digest });
  }
  for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
}
