// Step 7, content: every page of the site as an MDX file under the content folder, at the path of
// its URL (`/luozheng-2022-62/p1/d1/` → `luozheng-2022-62/p1/d1/index.mdx`), and beside them the
// data the /actors/, /departments/ and /targets/ pages read (content/actors.json, departments.json,
// targets.json; read by
// src/render/content-data.ts). The folder is replaced whole, so no page of an earlier build survives.
import type { TopicContent } from '../../model/topic';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ActorsContent } from '../../model/actor';
import { contentDataFiles } from '../../model/content-files';
import type { DepartmentsContent } from '../../model/department';
import type { TargetRecord } from '../../model/target';
import type { Site } from '../05-enrich/site';
import { mdxWriter } from './mdx-processor';

/** What the analysis step found, for the pages that show it. */
export interface ReferenceData {
  readonly actors: ActorsContent;
  readonly departments: DepartmentsContent;
  readonly targets: { readonly targets: readonly TargetRecord[] };
  readonly topics: { readonly topics: readonly TopicContent[] };
}

/** Write the content folder; returns how many pages it holds. */
export async function writeContent(site: Site, reference: ReferenceData, dir: string): Promise<number> {
  await rm(dir, { recursive: true, force: true });
  const files = new Map(site.docs.map((d) => [d.slug, d.file]));
  const pageMdx = mdxWriter(site, reference.targets.targets);
  for (const page of site.pages) {
    const file = path.join(dir, page.url, 'index.mdx');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, pageMdx(page, files.get(page.docSlug) ?? page.docSlug));
  }
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, contentDataFiles.actors), JSON.stringify(reference.actors));
  await writeFile(path.join(dir, contentDataFiles.targets), JSON.stringify(reference.targets));
  await writeFile(path.join(dir, contentDataFiles.departments), JSON.stringify(reference.departments));
  await writeFile(path.join(dir, contentDataFiles.topics), JSON.stringify(reference.topics));
  return site.pages.length;
}
