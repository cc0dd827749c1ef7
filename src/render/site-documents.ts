// The documents of the site, as every page's frame names them (share titles, the footer): read from
// the content collection once per build, not once per page. Each page asking for every page made
// the build's work grow with the square of the pages (issue 15).
import { getCollection } from 'astro:content';
import { homeOverview, type HomeDocument } from './home-overview';

let cached: Promise<HomeDocument[]> | undefined;

/** Every document with its plans (home-overview.ts); computed once in a build, afresh each time in dev. */
export function siteDocuments(): Promise<HomeDocument[]> {
  const read = async () => homeOverview((await getCollection('pages')).map((entry) => entry.data));
  if (!import.meta.env.PROD) return read();
  cached ??= read();
  return cached;
}
