// /sitemap.xml: the home page, then every generated page in reading order, as absolute URLs.
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { byReadingOrder } from '../lib/site-nav';
import { sitemapXml } from '../lib/site-sitemap';

export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('sitemap.xml needs the site address: set `site` in astro.config.mjs (SITE_URL).');
  const pages = byReadingOrder(await getCollection('pages'));
  const xml = sitemapXml([new URL('/', site), ...pages.map((entry) => new URL(entry.data.url, site))]);
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
