// Enrich: document models → the site: every citable unit with its stable ID, URL and citation
// (units.ts), every page with its place among the others (pages.ts, then order and previous/next
// here), and the cross-links between units (06-analysis/links.ts).
import type { Document } from '../../model/document';
import type { PageStep } from '../../model/page-schema';
import type { Unit } from '../../model/unit';
import { computeLinks } from '../06-analysis/links';
import { documentPages } from './pages';
import type { Page, PageDraft, Site } from './site';
import { documentUnits } from './units';

/** Build the site's units and pages from the parsed documents, addressed on the site at `siteUrl`. */
export function enrich(docs: readonly Document[], siteUrl: string): Site {
  const units = docs.flatMap((doc) => documentUnits(doc, siteUrl));
  const pages = inReadingOrder(docs.flatMap((doc) => documentPages(doc, siteUrl)));
  // Cross-links from the text: each goal's measures, each measure's goals.
  const links = computeLinks(units);
  const idsOf = (list: readonly { id: string }[] | undefined) => (list ?? []).map((l) => l.id);
  const related = units.map((u): Unit => ({ ...u, relatedMeasures: idsOf(links.relatedMeasures.get(u.id)), relatedGoals: idsOf(links.relatedGoals.get(u.id)) }));
  return { docs, units: related, pages, unit: new Map(related.map((u) => [u.id, u])), links };
}

/**
 * Pages come in reading order: document, plan, its whole-plan page, 一, 二, each domain then its
 * goals and measures, 三, 四. Previous/next leads through the plan part by part; the whole-plan
 * page holds all of those at once, so it stands beside that chain, with no previous or next.
 */
function inReadingOrder(pages: readonly PageDraft[]): Page[] {
  const chain = pages.filter((p) => p.kind !== 'full');
  return pages.map((p, i): Page => {
    const at = chain.indexOf(p);
    const prev = at > 0 ? chain[at - 1] : undefined;
    const next = at === -1 ? undefined : chain[at + 1];
    return { ...p, order: i, prev: prev === undefined ? null : linkTo(prev), next: next === undefined ? null : linkTo(next) };
  });
}

function linkTo(p: { title: string; url: string; planTitle: string | null }): PageStep {
  return { title: p.title, url: p.url, planTitle: p.planTitle };
}
