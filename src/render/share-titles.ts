// Sharing: what a page is called in a browser tab, a bookmark, a search result and the preview of a
// pasted link (<title>, og:title), most specific first, so a reader can tell at a glance which plan,
// domain and item a link is. Read from page data only.
import type { PageData } from '../model/page-schema';
import { siteName } from './site-name';

const separator = ' · ';

/**
 * A generated page's own title with what it belongs to, e.g.
 * 主要目标第2项 · 妇女与健康 · 洛阳市妇女发展规划（2021—2030年）, or （一）妇女与健康 · 洛阳市妇女发展规划（2021—2030年）.
 * On a site of several documents (`library`), whose plans may share titles, every page also names
 * its document's number, so no two pages share a title.
 */
export function pageShareTitle(page: Pick<PageData, 'kind' | 'title' | 'planTitle' | 'domainTitle' | 'docNumber'>, library = false): string {
  const within = (() => {
    switch (page.kind) {
      case 'document':
      case 'plan':
      case 'full': // 洛阳市妇女发展规划（2021—2030年）全文 · 洛政〔2022〕62号
        return [page.docNumber];
      case 'part':
      case 'domain':
        return [page.planTitle, ...(library ? [page.docNumber] : [])];
      case 'goal':
      case 'measure':
        return [page.domainTitle, page.planTitle, ...(library ? [page.docNumber] : [])];
    }
  })();
  return [page.title, ...within].filter((part) => part !== null && part !== '').join(separator);
}

/**
 * A page that covers the whole site (home, targets, responsibilities, search) names the document
 * when there is one: 量化目标 · 洛政〔2022〕62号. A library names none (a title of fifty 文号 says
 * nothing); the <title> ends with the site's name. The home page (`title` null) is the site's name.
 */
export function siteShareTitle(title: string | null, documents: readonly string[]): string {
  return [title ?? siteName, ...(documents.length === 1 ? documents : [])].join(separator);
}

/** The <title>: the share title, then the site's name (unless it is there already). */
export function documentTitle(shareTitle: string): string {
  return shareTitle.startsWith(siteName) ? shareTitle : `${shareTitle}${separator}${siteName}`;
}
