// The data files the build writes beside the MDX pages (content/actors.json, content/targets.json),
// read at build time by the pages and the sitemap.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ActorsContent } from './actors';

const contentDir = () => process.env['PLAN_CONTENT_DIR'] ?? './content';

/** The responsibilities index; empty when the build has not written it (e.g. a bare `astro check`). */
export function readActors(): ActorsContent {
  const file = path.join(contentDir(), 'actors.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ActorsContent) : { actors: [], division: [] };
}
