// /sitemap.xml: the home page, every generated page in reading order, then the targets page and
// each indicator's page, the departments index, the 任务分解表 and each department's page (in a
// library also the targets', the 任务分解表's and the departments' pages per document), the
// responsibilities index and each body's page, the open data page and the search page, as absolute
// URLs (under SITE_URL's path).
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { absoluteUrl } from '../model/ids';
import { byReadingOrder } from '../render/navigation';
import { sitemapXml } from '../render/sitemap-xml';
import { documentTargetsUrl, indicators } from '../model/target';
import { targetPageDocuments } from '../render/home-overview';
import { readActors, readDepartments, readTargets, readTopics } from '../render/content-data';
import { breakdownDocuments, departmentDocuments } from '../render/department-pages';
import { breakdownDocUrl, departmentDocUrl } from '../model/department';
import { siteDocuments } from '../render/site-documents';

export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('sitemap.xml needs the site address: set `site` in astro.config.ts (SITE_URL).');
  const pages = byReadingOrder(await getCollection('pages'));
  const documents = await siteDocuments();
  const { departments, breakdown } = readDepartments();
  const targets = readTargets();
  const reference = [
    '/targets/',
    ...targetPageDocuments(targets, documents).map((doc) => documentTargetsUrl(doc.docSlug)),
    ...indicators(targets).map((i) => i.url),
    '/departments/',
    '/departments/breakdown/',
    ...breakdownDocuments(breakdown, documents).map((doc) => breakdownDocUrl(doc.docSlug)),
    ...departments.flatMap((d) => [d.url, ...departmentDocuments(d, documents).map((doc) => departmentDocUrl(d.slug, doc.docSlug))]),
    '/actors/',
    ...readActors().actors.map((a) => `/actors/${a.slug}/`),
    '/topics/',
    ...readTopics().map((t) => `/topics/${t.slug}/`),
    '/data/',
    '/sitemap/',
    '/search/',
  ];
  const xml = sitemapXml(['/', ...pages.map((entry) => entry.data.url), ...reference].map((path) => new URL(absoluteUrl(path, site))));
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
