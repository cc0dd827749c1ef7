// The home page's overview, derived from the collection: each source document with its notice page
// and its plans, each plan with its whole-plan page and its domains with their counts of goals and
// measures, and (planFigures) of quantified targets.
import type { PageData, PageMeta } from '../model/page-schema';
import { byReadingOrder } from './navigation';

type Page = Pick<PageData, 'id' | 'kind' | 'url' | 'title' | 'order' | 'docSlug' | 'docNumber' | 'planTitle' | 'domainTitle' | 'counts'> & Partial<Pick<PageData, 'meta'>>;

export interface HomePlan {
  page: Page;
  /** The whole plan on one page (kind `full`), if there is one. */
  full: Page | null;
  domains: Page[];
}

export interface HomeDocument {
  docSlug: string;
  docNumber: string | null;
  /** The document's own page (kind `document`: the notice), if it has one. */
  page: Page | null;
  /** Its 信息索引 (issuer, dates, level, region), as its document page carries it; null without one. */
  meta: PageMeta | null;
  plans: HomePlan[];
}

/** Documents in reading order, each with its plans and their domains in reading order. */
export function homeOverview(pages: readonly Page[]): HomeDocument[] {
  const sorted = byReadingOrder(pages.map((data) => ({ data }))).map((e) => e.data);
  const docs = new Map<string, HomeDocument>();
  for (const page of sorted) {
    let doc = docs.get(page.docSlug);
    if (!doc) {
      doc = { docSlug: page.docSlug, docNumber: page.docNumber, page: null, meta: null, plans: [] };
      docs.set(page.docSlug, doc);
    }
    doc.docNumber ??= page.docNumber;
    if (page.kind === 'document') {
      doc.page ??= page;
      doc.meta ??= page.meta ?? null;
    }
    if (page.kind === 'plan') doc.plans.push({ page, full: null, domains: [] });
  }
  for (const page of sorted) {
    if (page.kind !== 'domain' && page.kind !== 'full') continue;
    // Domain and whole-plan pages live under their plan: /<doc>/<plan>/<domain>/, /<doc>/<plan>/full/.
    const plan = docs.get(page.docSlug)?.plans.find((p) => page.url.startsWith(p.page.url));
    if (page.kind === 'full' && plan !== undefined) plan.full ??= page;
    if (page.kind === 'domain') plan?.domains.push(page);
  }
  return [...docs.values()];
}

/** How a page names the plans it covers: 两个规划 (one notice's pair), else 各规划. */
export function plansPhrase(plans: number): string {
  return plans === 2 ? '两个规划' : '各规划';
}

/** How many plans the documents hold. */
export function planCount(documents: readonly HomeDocument[]): number {
  return documents.reduce((n, d) => n + d.plans.length, 0);
}

/** The label a reader sees for a document: its number (洛政〔2022〕62号) or, lacking one, its title or slug. */
export function documentLabel(doc: HomeDocument): string {
  return doc.docNumber ?? doc.page?.title ?? doc.docSlug;
}

/** One document's share of something the site lists (clauses, rows, targets): its slug, label (文号) and title, and its items. */
export interface DocumentShare<T> {
  docSlug: string;
  label: string;
  title: string | null;
  items: T[];
}

/** Items split by the document they belong to (`docOf`), in the site's order of documents; a document with none gets an empty share. */
export function byDocument<T>(items: readonly T[], documents: readonly HomeDocument[], docOf: (item: T) => string): DocumentShare<T>[] {
  return documents.map((doc) => ({
    docSlug: doc.docSlug,
    label: documentLabel(doc),
    title: doc.page?.title ?? null,
    items: items.filter((item) => docOf(item) === doc.docSlug),
  }));
}

/**
 * In a library, each document's targets have their own page (/<doc>/targets/, a chart and a
 * table), and /targets/ compares the documents: a page of every document's targets would grow with
 * the library. None on a site of one document, whose /targets/ holds its chart and table.
 */
export function targetDocuments<T extends { docSlug: string }>(targets: readonly T[], documents: readonly HomeDocument[]): DocumentShare<T>[] {
  return documents.length < 2 ? [] : byDocument(targets, documents, (t) => t.docSlug);
}

/** The documents with a targets page of their own (/<doc>/targets/): in a library, those that set a target. */
export function targetPageDocuments<T extends { docSlug: string }>(targets: readonly T[], documents: readonly HomeDocument[]): DocumentShare<T>[] {
  return targetDocuments(targets, documents).filter((doc) => doc.items.length > 0);
}

/** A domain as the home page's overview shows it: what it is called, where it is, its numbers. */
export interface DomainFigures {
  /** The domain's ID, e.g. luozheng-2022-62.p1.d1. */
  id: string;
  /** As written, e.g. （一）妇女与健康. */
  title: string;
  /** e.g. 妇女与健康. */
  name: string;
  url: string;
  goals: number;
  measures: number;
  targets: number;
}

export interface PlanFigures {
  /** The plan's ID, e.g. luozheng-2022-62.p1. */
  id: string;
  title: string;
  url: string;
  domains: DomainFigures[];
  totals: { goals: number; measures: number; targets: number };
}

/**
 * A plan's domains with their numbers of goals and measures (from the pages' counts) and of
 * quantified targets (build/06-analysis/extract-targets.ts): a target counts for the domain its clause is in, which
 * its clauseId names (luozheng-2022-62.p1.d1.g2 is in luozheng-2022-62.p1.d1).
 */
export function planFigures(plan: HomePlan, targets: readonly { clauseId: string }[]): PlanFigures {
  const domains = plan.domains.map((d): DomainFigures => ({
    id: d.id,
    title: d.title,
    name: d.domainTitle ?? d.title,
    url: d.url,
    goals: d.counts?.goals ?? 0,
    measures: d.counts?.measures ?? 0,
    targets: targets.filter((t) => t.clauseId.startsWith(`${d.id}.`)).length,
  }));
  const total = (key: 'goals' | 'measures' | 'targets') => domains.reduce((s, d) => s + d[key], 0);
  return { id: plan.page.id, title: plan.page.title, url: plan.page.url, domains, totals: { goals: total('goals'), measures: total('measures'), targets: total('targets') } };
}
