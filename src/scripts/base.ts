// The site can live under a path of its host (SITE_URL=https://example.gov.cn/fuer/ → Astro's
// `base` /fuer/, model/ids.ts `siteBase`). The model, the content and the data files hold site
// paths (`/luozheng-2022-62/p1/`, the ID ⇄ path mapping, the same wherever the site is served);
// every link, form, fetch and asset address a page or script writes goes through `withBase`
// (Astro components import it too; the layers allow that, docs/architecture.md).
import { pathUnder } from '../model/ids';

/** The path the site lives under: Astro's BASE_URL (`/` or `/fuer/`), always ending in a slash. */
export const base: string = ((): string => {
  const configured = (import.meta.env?.BASE_URL as string | undefined) ?? '/';
  return configured.endsWith('/') ? configured : `${configured}/`;
})();

/** A site path as the page links it: `/targets/` → `/fuer/targets/` under /fuer/; `#x` and absolute addresses unchanged. */
export function withBase(sitePath: string): string {
  return pathUnder(base, sitePath);
}

/** The site path of a page address (`Astro.url.pathname`, which includes the base): `/fuer/targets/` → `/targets/`. */
export function withoutBase(pathname: string): string {
  return base !== '/' && pathname.startsWith(base) ? `/${pathname.slice(base.length)}` : pathname;
}
