// /sitemap.xml: the home page, every generated page in reading order, then the targets page, the
// departments index, the 任务分解表 and each department's page, the responsibilities index and each
// body's page, the open data page and the search page, as absolute URLs.
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { byReadingOrder } from '../render/navigation';
import { sitemapXml } from '../render/sitemap-xml';
import { readActors, readDepartments, readTopics } from '../render/content-data';

export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('sitemap.xml needs the site address: set `site` in astro.config.ts (SITE_URL).');
  const pages = byReadingOrder(await getCollection('pages'));
  const reference = [
    '/targets/',
    '/departments/',
    '/departments/breakdown/',
    ...readDepartments().departments.map((d) => d.url),
    '/actors/',
    ...readActors().actors.map((a) => `/actors/${a.slug}/`),
    '/topics/',
    ...readTopics().map((t) => `/topics/${t.slug}/`),
    '/data/',
    '/search/',
  ];
  const xml = sitemapXml([new URL('/', site), ...pages.map((entry) => new URL(entry.data.url, site)), ...reference.map((url) => new URL(url, site))]);
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
