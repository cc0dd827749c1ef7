// The home page's overview, derived from the collection: each source document with its notice page
// and its plans, each plan with its domains and their counts of goals and measures.
import type { PageData } from './page-schema';
import { byReadingOrder } from './site-nav';

type Page = Pick<PageData, 'kind' | 'url' | 'title' | 'order' | 'docSlug' | 'docNumber' | 'planTitle' | 'domainTitle' | 'counts'>;

export interface HomePlan {
  page: Page;
  domains: Page[];
}

export interface HomeDocument {
  docSlug: string;
  docNumber: string | null;
  /** The document's own page (kind `document`: the notice), if it has one. */
  page: Page | null;
  plans: HomePlan[];
}

/** Documents in reading order, each with its plans and their domains in reading order. */
export function homeOverview(pages: readonly Page[]): HomeDocument[] {
  const sorted = byReadingOrder(pages.map((data) => ({ data }))).map((e) => e.data);
  const docs = new Map<string, HomeDocument>();
  for (const page of sorted) {
    let doc = docs.get(page.docSlug);
    if (!doc) {
      doc = { docSlug: page.docSlug, docNumber: page.docNumber, page: null, plans: [] };
      docs.set(page.docSlug, doc);
    }
    doc.docNumber ??= page.docNumber;
    if (page.kind === 'document') doc.page ??= page;
    if (page.kind === 'plan') doc.plans.push({ page, domains: [] });
  }
  for (const page of sorted) {
    if (page.kind !== 'domain') continue;
    // A domain page lives under its plan: /<doc>/<plan>/<domain>/.
    const plan = docs.get(page.docSlug)?.plans.find((p) => page.url.startsWith(p.page.url));
    plan?.domains.push(page);
  }
  return [...docs.values()];
}

/** The label a reader sees for a document: its number (洛政〔2022〕62号) or, lacking one, its title or slug. */
export function documentLabel(doc: HomeDocument): string {
  return doc.docNumber ?? doc.page?.title ?? doc.docSlug;
}
