// Write content: every page of the site as an MDX file under the content folder, at the path of
// its URL (`/luozheng-2022-62/p1/d1/` → `luozheng-2022-62/p1/d1/index.mdx`). The folder is
// replaced whole, so no page of an earlier build survives.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pageMdx } from './mdx';
import type { Site } from './site';

export async function writeContent(site: Site, dir: string): Promise<number> {
  await rm(dir, { recursive: true, force: true });
  const files = new Map(site.docs.map((d) => [d.slug, d.file]));
  for (const page of site.pages) {
    const file = path.join(dir, page.url, 'index.mdx');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, pageMdx(page, site, files.get(page.docSlug) ?? page.docSlug));
  }
  return site.pages.length;
}
