// Pure helpers that place a generated page among the others: its route, breadcrumb trail and table
// of contents. They read only frontmatter (PageData), never the model or the MDX body.
import type { PageData, PageLink } from '../model/page-schema';
import { absoluteUrl } from '../model/ids';

/** The `[...slug]` route param for a page URL: `/luozheng-2022-62/p1/` → `luozheng-2022-62/p1`. */
export function slugFromUrl(url: string): string {
  if (!url.startsWith('/') || !url.endsWith('/')) {
    throw new Error(`Page url "${url}" must start and end with "/" (e.g. /luozheng-2022-62/p1/).`);
  }
  return url.replace(/^\/+|\/+$/g, '');
}

export interface RoutedPage<T> {
  slug: string;
  entry: T;
}

/**
 * One route per page. Fails the build, naming both files, when two pages claim the same URL or a
 * page claims the home page (`/`, which src/pages/index.astro renders).
 */
export function routePages<T extends { data: Pick<PageData, 'url'>; filePath?: string | undefined; id: string }>(
  entries: readonly T[],
): RoutedPage<T>[] {
  const seen = new Map<string, T>();
  return entries.map((entry) => {
    const where = entry.filePath ?? entry.id;
    const slug = slugFromUrl(entry.data.url);
    if (slug === '') {
      throw new Error(`${where}: url "/" is the home page (src/pages/index.astro); give this page its own url.`);
    }
    const other = seen.get(slug);
    if (other) {
      throw new Error(`${where}: url "${entry.data.url}" is already used by ${other.filePath ?? other.id}; page urls must be unique.`);
    }
    seen.set(slug, entry);
    return { slug, entry };
  });
}

export interface Crumb extends PageLink {
  current: boolean;
}

/** The breadcrumb trail, ending with the page itself (marked current) whether or not the frontmatter lists it. */
export function breadcrumbTrail(page: Pick<PageData, 'breadcrumbs' | 'title' | 'url'>): Crumb[] {
  const trail = page.breadcrumbs.filter((crumb) => crumb.url !== page.url);
  return [
    ...trail.map((crumb) => ({ ...crumb, current: false })),
    { title: page.title, url: page.url, current: true },
  ];
}

export interface TocNode {
  anchor: string;
  text: string;
  depth: number;
  children: TocNode[];
}

/** The flat frontmatter `toc` as a tree: each entry nests under the nearest earlier entry of smaller depth. */
export function nestToc(items: readonly PageData['toc'][number][]): TocNode[] {
  const roots: TocNode[] = [];
  const stack: TocNode[] = [];
  for (const item of items) {
    const node: TocNode = { ...item, children: [] };
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= node.depth) stack.pop();
    const parent = stack[stack.length - 1];
    (parent ? parent.children : roots).push(node);
    stack.push(node);
  }
  return roots;
}

/** Page data sorted into reading order (by `order`, then url so the result never depends on file order). */
export function byReadingOrder<T extends { data: Pick<PageData, 'order' | 'url'> }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => a.data.order - b.data.order || (a.data.url < b.data.url ? -1 : a.data.url > b.data.url ? 1 : 0));
}

/**
 * The address a link prints on paper: `href` (a site path, or relative to the page) resolved
 * against the page (`pagePath`, a site path) at the site's public address (`site`, from SITE_URL,
 * with its path), e.g. `/luozheng-2022-62/p1/d1/` → `https://…/fuer/luozheng-2022-62/p1/d1/`.
 */
export function printUrl(href: string, pagePath: string, site: URL | string): string {
  if (href.startsWith('/') && !href.startsWith('//')) return absoluteUrl(href, site);
  return new URL(href, absoluteUrl(pagePath, site)).href;
}
