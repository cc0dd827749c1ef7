// The frontmatter of a generated page: everything a layout needs to place the page among the others
// (breadcrumbs, previous/next, table of contents) without reading the model again.
import { z } from 'astro/zod';
import { documentLevels } from './document';

/** `full` is a whole plan on one page (for reading through and printing). */
export const pageKinds = ['document', 'plan', 'full', 'part', 'domain', 'goal', 'measure'] as const;

const link = z.object({ title: z.string(), url: z.string() });
/** A day, YYYY-MM-DD: the frontmatter writes it plain, and Astro's YAML reader takes a plain date for a Date (at UTC midnight). */
const isoDay = z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), z.string().regex(/^\d{4}-\d{2}-\d{2}$/));
/** A previous or next page: a link, and the plan it is in (the reader is told when it leads into another). */
const step = link.extend({ planTitle: z.string().nullable() });

export const pageSchema = z.object({
  /** The page's stable ID, e.g. `luozheng-2022-62.p1.d1.g2` (the unit's ID on goal and measure pages). */
  id: z.string(),
  kind: z.enum(pageKinds),
  /** Site-relative, with a trailing slash: `/luozheng-2022-62/p1/d1/g2/`. */
  url: z.string(),
  /** The page's own heading (h1). */
  title: z.string(),
  /** Short text naming plan, domain and item, for <title> and the meta description. */
  description: z.string(),
  /** Position of the page in reading order across the whole site (0-based). */
  order: z.number().int(),
  breadcrumbs: z.array(link),
  prev: step.nullable(),
  next: step.nullable(),
  /** The on-page table of contents: anchors that exist in the page body. */
  toc: z.array(z.object({ anchor: z.string(), text: z.string(), depth: z.number().int().min(2).max(4) })),
  docSlug: z.string(),
  docNumber: z.string().nullable(),
  planTitle: z.string().nullable(),
  domainTitle: z.string().nullable(),
  /** Goals and measures below this page (documents, plans, whole plans, domains-part and domain pages). */
  counts: z.object({ domains: z.number().int(), goals: z.number().int(), measures: z.number().int() }).nullable(),
  /** The seed file and line the page's content starts at. */
  source: z.object({ file: z.string(), line: z.number().int() }),
  /** Document pages: the document as a GB/T 7714—2015 reference, its access date left as [引用日期] (citation.ts). */
  reference: z.string().optional(),
  /**
   * Document pages: the document's 信息索引 (document.ts `DocumentMeta`, from the metadata file or
   * the notice; null where not recorded), for the pages that list documents (the home page).
   */
  meta: z
    .object({
      issuer: z.string().nullable(),
      docNumber: z.string().nullable(),
      writtenDate: isoDay.nullable(),
      publishedDate: isoDay.nullable(),
      source: z.string().nullable(),
      level: z.enum(documentLevels).nullable(),
      region: z.string().nullable(),
    })
    .optional(),
});

export type PageData = z.infer<typeof pageSchema>;
export type PageMeta = NonNullable<PageData['meta']>;
export type PageLink = z.infer<typeof link>;
export type PageStep = z.infer<typeof step>;
