// Enrich, pages: every page of a document in reading order — the document (its notice), each plan,
// its whole-plan page, its parts, each domain with its goals and measures — with its title,
// description, breadcrumbs, counts and source line. Where each page stands among the others
// (order, previous, next) is added by enrich.ts.
import { documentReference } from '../../model/citation';
import { asWritten, docNumberOf, domainsOf, issuedTitle, noticeTitle, textOf, type Document, type Domain, type Goal, type Measure, type Part, type Plan, type Position } from '../../model/document';
import { absoluteUrl, ids, pageUrl } from '../../model/ids';
import type { PageData, PageLink } from '../../model/page-schema';
import { numberedLabel, preambleLabel } from '../../model/unit';
import { shortTitle } from '../../text/short-title';
import type { PageDraft } from './site';

export const home: PageLink = { title: '首页', url: '/' };

type Counts = NonNullable<PageData['counts']>;

/** A document's pages in reading order, addressed on the site at `siteUrl` (for its reference). */
export function documentPages(doc: Document, siteUrl: string): PageDraft[] {
  return [documentPage(doc, siteUrl), ...doc.plans.flatMap((plan) => planPages(doc, plan))];
}

/** What every page of a plan says of where it is. */
function inPlan(doc: Document, plan: Plan): { docSlug: string; docNumber: string | null; planTitle: string } {
  return { docSlug: doc.slug, docNumber: docNumberOf(doc), planTitle: plan.title.text };
}

function documentPage(doc: Document, siteUrl: string): PageDraft {
  const docNumber = docNumberOf(doc);
  const { file: _file, ...meta } = doc.meta; // the 信息索引 as the page lists it; where it was read from is the build's business
  const title = noticeTitle(doc);
  const url = pageUrl(ids.doc(doc));
  const totals = doc.plans.map(planCounts).reduce((a, b) => ({ domains: a.domains + b.domains, goals: a.goals + b.goals, measures: a.measures + b.measures }), { domains: 0, goals: 0, measures: 0 });
  return {
    id: ids.doc(doc), kind: 'document', url, title,
    description: `${docNumber ?? doc.slug} ${title}：${doc.plans.map((p) => `《${p.title.text}》`).join('')}全文，每项主要目标和策略措施均有可引用的独立页面。`,
    breadcrumbs: [home], docSlug: doc.slug, docNumber, planTitle: null, domainTitle: null,
    counts: totals, source: sourceOf(doc.notice?.position ?? doc.position), content: { kind: 'document', doc },
    meta,
    ...(doc.notice === null
      ? {}
      : {
          reference: documentReference({
            issuer: doc.meta.issuer,
            title: issuedTitle(doc),
            docNumber,
            date: doc.meta.publishedDate ?? doc.meta.writtenDate,
            url: doc.meta.source ?? absoluteUrl(url, siteUrl),
          }),
        }),
  };
}

function planCounts(plan: Plan): Counts {
  const domains = domainsOf(plan);
  return { domains: domains.length, goals: domains.reduce((s, x) => s + x.goals.length, 0), measures: domains.reduce((s, x) => s + x.measures.length, 0) };
}

/** A plan's page, its whole-plan page, then each part's page and, in 二, each domain's pages. */
function planPages(doc: Document, plan: Plan): PageDraft[] {
  const common = inPlan(doc, plan);
  const { docNumber, planTitle } = common;
  const planId = ids.plan(doc, plan);
  const inDoc = docNumber === null ? '' : `（${docNumber}）`;
  const planCrumbs = [home, { title: docNumber ?? noticeTitle(doc), url: pageUrl(ids.doc(doc)) }];
  const counts = planCounts(plan);
  const fullId = ids.full(doc, plan);
  const partCrumbs = [...planCrumbs, { title: planTitle, url: pageUrl(planId) }];
  return [
    {
      ...common, id: planId, kind: 'plan', url: pageUrl(planId), title: planTitle,
      description: `${planTitle}${inDoc}：${counts.domains}个发展领域，${counts.goals}项主要目标，${counts.measures}项策略措施。`,
      breadcrumbs: planCrumbs, domainTitle: null, counts, source: sourceOf(plan.position),
      content: { kind: 'plan', doc, plan },
    },
    {
      ...common, id: fullId, kind: 'full', url: pageUrl(fullId), title: `${planTitle}全文`,
      description: `${planTitle}${inDoc}全文：${wholePlanContents(plan, counts)}，都在一页上，便于通读和打印。`,
      breadcrumbs: partCrumbs, domainTitle: null, counts,
      source: sourceOf(plan.position), content: { kind: 'full', doc, plan },
    },
    ...plan.parts.flatMap((part): PageDraft[] => {
      const partId = ids.part(doc, plan, part.number);
      const title = asWritten(part.heading);
      const page: PageDraft = {
        ...common, id: partId, kind: 'part', url: pageUrl(partId), title,
        description: `${planTitle} · ${title}`,
        breadcrumbs: partCrumbs, domainTitle: null,
        counts: part.role === 'domains' ? counts : null, source: sourceOf(part.position),
        content: { kind: 'part', doc, plan, part: part.number },
      };
      if (part.role !== 'domains') return [page];
      const domainCrumbs = [...partCrumbs, { title, url: pageUrl(partId) }];
      return [page, ...part.domains.flatMap((domain) => domainPages(doc, plan, domain, domainCrumbs))];
    }),
  ];
}

/**
 * What a whole-plan page holds, in the order of its parts: 序言、总体要求，8个发展领域的74项主要目标和
 * 93项策略措施，组织实施和监测评估 (the opening paragraphs as their heading calls them, the parts by their headings).
 */
function wholePlanContents(plan: Plan, counts: Counts): string {
  const at = plan.parts.findIndex((p) => p.role === 'domains');
  const heads = (parts: readonly Part[]) => parts.map((p) => p.heading.text);
  const before = [...(plan.preamble.length === 0 ? [] : [preambleLabel(plan)]), ...heads(plan.parts.slice(0, at))];
  const after = heads(plan.parts.slice(at + 1));
  const last = after.length > 1 ? `${after.slice(0, -1).join('、')}和${after.at(-1) ?? ''}` : after.join('');
  return [before.join('、'), `${counts.domains}个发展领域的${counts.goals}项主要目标和${counts.measures}项策略措施`, last].filter((x) => x !== '').join('，');
}

/** A domain's page, then a page for each of its goals and measures. */
function domainPages(doc: Document, plan: Plan, domain: Domain, crumbs: readonly PageLink[]): PageDraft[] {
  const common = inPlan(doc, plan);
  const domainId = ids.domain(doc, plan, domain);
  const heading = asWritten(domain.heading);
  const name = domain.heading.text;
  const item = { doc, plan, domain, crumbs: [...crumbs, { title: heading, url: pageUrl(domainId) }] };
  return [
    {
      ...common, id: domainId, kind: 'domain', url: pageUrl(domainId), title: heading,
      description: `${common.planTitle} · ${name}：${domain.goals.length}项主要目标，${domain.measures.length}项策略措施。`,
      breadcrumbs: [...crumbs], domainTitle: name,
      counts: { domains: 1, goals: domain.goals.length, measures: domain.measures.length },
      source: sourceOf(domain.position), content: { kind: 'domain', doc, plan, domain },
    },
    ...domain.goals.map((goal) => itemPage({ ...item, kind: 'goal', item: goal })),
    ...domain.measures.map((measure) => itemPage({ ...item, kind: 'measure', item: measure })),
  ];
}

type ItemOf = { kind: 'goal'; item: Goal } | { kind: 'measure'; item: Measure };

/** A goal's or a measure's own page: titled by its label and its title (a goal's short title: its first phrase, text/short-title.ts). */
function itemPage(of: ItemOf & { doc: Document; plan: Plan; domain: Domain; crumbs: readonly PageLink[] }): PageDraft {
  const { doc, plan, domain } = of;
  const id = `${ids.domain(doc, plan, domain)}.${of.kind === 'goal' ? 'g' : 'm'}${of.item.number}`;
  const label = numberedLabel(of.kind, of.item.number);
  const common = inPlan(doc, plan);
  const name = domain.heading.text;
  return {
    ...common,
    id, kind: of.kind, url: pageUrl(id), title: of.kind === 'goal' ? `${label} ${shortTitle(textOf(of.item.lines))}` : `${label} ${of.item.title}`,
    description: `${common.planTitle} · ${name} · ${label}：${shortened(textOf(of.item.lines))}`,
    breadcrumbs: [...of.crumbs], domainTitle: name, counts: null, source: sourceOf(of.item.position),
    content: of.kind === 'goal' ? { kind: 'goal', doc, plan, domain, item: of.item } : { kind: 'measure', doc, plan, domain, item: of.item },
  };
}

/** A text for a meta description: its first `max` characters, lines joined, and … when cut. */
function shortened(text: string, max = 60): string {
  const chars = [...text.replace(/\n/g, ' ')];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}

function sourceOf(position: Position): PageData['source'] {
  return position.type === 'source' ? { file: position.file, line: position.line } : { file: '', line: 0 };
}
