// Where the build (astro-build.ts) has Astro keep its cache (its content data store): one folder per content
// folder, named by the folder's absolute path. Astro keeps a cached entry, with the file path it
// was read from, whenever the file's digest is unchanged; a cache shared by two content folders of
// the same name (./content and /tmp/…/content) would make one build import the other's files.
import { createHash } from 'node:crypto';
import path from 'node:path';

export function astroCacheDir(root: string, contentDir: string): string {
  const absolute = path.resolve(contentDir);
  const tag = createHash('sha256').update(absolute).digest('hex').slice(0, 10);
  return path.join(root, 'node_modules/.astro', `${path.basename(absolute)}-${tag}`);
}
