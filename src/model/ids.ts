// IDs and addresses. An ID comes from the document's structure — document slug, plan position,
// part or domain number, unit kind, item number — never from wording, so correcting a typo never
// breaks a link or a citation. An ID is its URL path with dots:
// `luozheng-2022-62.p1.d1.g2` ⇄ `/luozheng-2022-62/p1/d1/g2/`.
import type { Document, Domain, Plan } from './document';
import type { UnitKind } from './unit';

/** The public address the site is served from, unless SITE_URL says otherwise (README, "SITE_URL"). */
export const defaultSiteUrl = 'http://127.0.0.1:4321';

/**
 * The site's public address from `env` (process.env): SITE_URL, or the default, always ending in a
 * slash (`https://example.gov.cn/fuer` → `https://example.gov.cn/fuer/`). Permalinks, citations,
 * canonical links and the sitemap use it. A SITE_URL that is not an http(s) address of a folder
 * (with a query, a fragment or credentials) is an error that says what to set instead.
 */
export function siteUrl(env: Readonly<Record<string, string | undefined>>): string {
  const given = env['SITE_URL'];
  if (given === undefined) return `${defaultSiteUrl}/`;
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new SiteUrlError(`SITE_URL=${given} is not an address. Set it to the address the site is served from, e.g. SITE_URL=https://plans.example.gov.cn or SITE_URL=https://example.gov.cn/fuer/.`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new SiteUrlError(`SITE_URL=${given}: the site is served over http or https, not ${url.protocol}`);
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new SiteUrlError(`SITE_URL=${given}: give the site's address alone, without a query, a fragment or credentials (e.g. ${url.origin}${url.pathname}).`);
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** A SITE_URL the site cannot be built for. */
export class SiteUrlError extends Error {
  override name = 'SiteUrlError';
}

/**
 * The path the site lives under on its host (Astro's `base`): `/` at the root of the host, or
 * SITE_URL's path, e.g. `/fuer/`. Every link, asset, fetch and sitemap entry is under it.
 */
export function siteBase(env: Readonly<Record<string, string | undefined>>): string {
  return new URL(siteUrl(env)).pathname;
}

/**
 * The absolute address of a site path (`/luozheng-2022-62/p1/`, as the model and the data files
 * hold them) on the site at `site` (from siteUrl): `https://example.gov.cn/fuer/` +
 * `/luozheng-2022-62/p1/` → `https://example.gov.cn/fuer/luozheng-2022-62/p1/`. `new URL(path, site)`
 * would drop the site's path.
 */
export function absoluteUrl(sitePath: string, site: string | URL): string {
  if (!sitePath.startsWith('/')) throw new Error(`absoluteUrl: ${sitePath} is not a site path (it must begin with /)`);
  const base = new URL(site);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return new URL(sitePath.slice(1), base).href;
}

/**
 * The address a site path is linked at on a site that lives under `base` (siteBase):
 * `/targets/` under `/fuer/` → `/fuer/targets/`. Anything else — `#anchor`, `?q=`, an absolute
 * address — is returned as it is.
 */
export function pathUnder(base: string, sitePath: string): string {
  if (base === '/' || !sitePath.startsWith('/') || sitePath.startsWith('//')) return sitePath;
  return `${base}${sitePath.slice(1)}`;
}

/**
 * The address the build assumed because SITE_URL was not set (its origin), or null when it was.
 * Pages built so carry it (`<html data-assumed-origin>`), and their scripts put the address they
 * are served from in its place in what they copy and print (src/scripts/served-address.ts).
 */
export function assumedOrigin(env: Readonly<Record<string, string | undefined>>): string | null {
  return env['SITE_URL'] === undefined ? new URL(defaultSiteUrl).origin : null;
}

/** A slug, the part of an address a name becomes (a seed's file name, an actor's page): lower-case ASCII letters and digits, single hyphens between. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const ids = {
  doc: (doc: Document) => doc.slug,
  plan: (doc: Document, plan: Plan) => `${doc.slug}.p${plan.index}`,
  /** The whole-plan page: `luozheng-2022-62.p1.full` ⇄ `/luozheng-2022-62/p1/full/`. */
  full: (doc: Document, plan: Plan) => `${ids.plan(doc, plan)}.full`,
  part: (doc: Document, plan: Plan, part: number) => `${ids.plan(doc, plan)}.part${part}`,
  domain: (doc: Document, plan: Plan, domain: Domain) => `${ids.plan(doc, plan)}.d${domain.number}`,
};

/** The document a unit or page belongs to, from its ID: `luozheng-2022-62.p1.d1.g2` → `luozheng-2022-62`. */
export function docSlugOf(id: string): string {
  const at = id.indexOf('.');
  return at === -1 ? id : id.slice(0, at);
}

/**
 * The plan a unit or page belongs to, from its ID (`luozheng-2022-62.p1.d1.g2` → `luozheng-2022-62.p1`),
 * the plan's identity across a library, where plans of two documents may share a title. Call it on
 * units of a plan only: a notice's ID (`luozheng-2022-62.notice`) names no plan.
 */
export function planIdOf(id: string): string {
  return id.split('.').slice(0, 2).join('.');
}

/** A page's site-relative URL from its ID: `luozheng-2022-62.p1.d1.g2` → `/luozheng-2022-62/p1/d1/g2/`. */
export function pageUrl(pageId: string): string {
  return `/${pageId.split('.').join('/')}/`;
}

/**
 * A unit's URL from its ID and kind alone: goals and measures have their own page; every other
 * unit is the last segment of its ID as an anchor on the page the rest names. The search page uses
 * this, so it needs no URL per unit; tests/unit/site.test.ts checks it against every unit's url.
 */
export function unitUrl(id: string, kind: UnitKind): string {
  if (kind === 'goal' || kind === 'measure') return pageUrl(id);
  const at = id.lastIndexOf('.');
  return `${pageUrl(id.slice(0, at))}#${id.slice(at + 1)}`;
}

/**
 * Where a unit is on its plan's whole-plan page: its ID without the document and the plan
 * (`luozheng-2022-62.p1.d1.g2` → `d1.g2`, `….p1.part1.r2` → `part1.r2`, `….p1.preamble` → `preamble`),
 * so anchors of different domains (d1.g2, d2.g2) never collide there. The notice belongs to no plan.
 */
export function fullPageAnchor(unitId: string): string {
  const [, , ...rest] = unitId.split('.');
  return rest.join('.');
}
