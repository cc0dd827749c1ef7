// What enrich makes of the parsed documents: the site, as the later steps read it — its units
// (model/unit.ts), its pages (frontmatter and the model nodes each shows) and the cross-links.
import type { Document, Domain, Goal, Measure, Plan } from '../../model/document';
import type { PageData } from '../../model/page-schema';
import type { Unit } from '../../model/unit';
import type { Links } from '../06-analysis/links';

/**
 * A generated page: its frontmatter and the model nodes it shows. The table of contents is not
 * here: the content step derives it from the page body it builds (07-content/toc.ts).
 */
export type Page = Omit<PageData, 'toc'> & { readonly content: PageContent };

/** A page before its place in reading order (order, previous, next) is known. */
export type PageDraft = Omit<Page, 'order' | 'prev' | 'next'>;

export type PageContent =
  | { readonly kind: 'document'; readonly doc: Document }
  | { readonly kind: 'plan'; readonly doc: Document; readonly plan: Plan }
  /** The whole plan on one page, to read through or print in one go. */
  | { readonly kind: 'full'; readonly doc: Document; readonly plan: Plan }
  | { readonly kind: 'part'; readonly doc: Document; readonly plan: Plan; readonly part: number }
  | { readonly kind: 'domain'; readonly doc: Document; readonly plan: Plan; readonly domain: Domain }
  | { readonly kind: 'goal'; readonly doc: Document; readonly plan: Plan; readonly domain: Domain; readonly item: Goal }
  | { readonly kind: 'measure'; readonly doc: Document; readonly plan: Plan; readonly domain: Domain; readonly item: Measure };

export interface Site {
  readonly docs: readonly Document[];
  readonly units: readonly Unit[];
  readonly pages: readonly Page[];
  /** Units by id. */
  readonly unit: ReadonlyMap<string, Unit>;
  /** Goal ↔ measure links, counterpart domains and see-also links across the plans (links.ts). */
  readonly links: Links;
}
