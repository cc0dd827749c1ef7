// Enrich: document models → the site: every citable unit with its stable ID, URL and citation, and
// every page with its place among the others (breadcrumbs, previous/next, table of contents).
// IDs and URLs come from structure only (document slug, plan position, part/domain number, kind,
// item number), never from wording, so correcting a typo never breaks a link or a citation.
import type { Document, Domain, Goal, Item, Line, Measure, Plan, Position } from './model';
import { textOf } from './model';
import type { PageData, PageLink } from './page-schema';
import { computeLinks, type Links } from './links';
import { cn, documentReference, unitCitation, type CitedPlace } from './cite';
import { unitKindNames } from './site-config';

export const unitKinds = ['notice', 'preamble', 'guidance', 'principle', 'goal', 'measure', 'implementation', 'monitoring'] as const;
export type UnitKind = (typeof unitKinds)[number];

/** What each kind of unit is called (one table for pages, search and citations: site-config.ts). */
export { unitKindNames };
// The site's kinds and the named kinds are the same set (a compile error otherwise).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const kindsNamed: Same<UnitKind, keyof typeof unitKindNames> = true;
void kindsNamed;

/** The label of a numbered goal or measure: 主要目标第2项, 策略措施第3项. */
export function numberedLabel(kind: 'goal' | 'measure', n: number): string {
  return `${unitKindNames[kind]}第${n}项`;
}

/** A citable unit of a document: one record of clauses.json. */
export interface Unit {
  readonly id: string;
  readonly kind: UnitKind;
  /** The unit's own item number (goals, measures, items, principles by position), or null. */
  readonly number: number | null;
  /** The id of the element that holds the unit on its page. */
  readonly anchor: string;
  /** The page the unit is shown on in full. */
  readonly pageId: string;
  /** Site-relative; with `#anchor` when the unit shares its page. */
  readonly url: string;
  readonly docSlug: string;
  readonly docNumber: string | null;
  readonly planTitle: string | null;
  /** e.g. 二、发展领域、主要目标和策略措施, or null for the notice and preamble. */
  readonly part: string | null;
  readonly domain: string | null;
  /** Domain heading as written, e.g. （一）妇女与健康. */
  readonly domainHeading: string | null;
  /** How the unit is named, e.g. 主要目标第2项. */
  readonly label: string;
  /** The unit's title (a measure's, principle's or item's first sentence), or null. */
  readonly title: string | null;
  readonly text: string;
  readonly lines: readonly Line[];
  readonly position: Position;
  /** The absolute URL of `url`, on the site's public address (SITE_URL). */
  readonly permalink: string;
  /** One line naming plan, document number, part, domain and item, then the permalink (cite.ts). */
  readonly citation: string;
  readonly relatedMeasures: readonly string[];
  readonly relatedGoals: readonly string[];
}

/** A generated page: its frontmatter and the model nodes it shows. */
export type Page = PageData & { readonly content: PageContent };

export type PageContent =
  | { readonly kind: 'document'; readonly doc: Document }
  | { readonly kind: 'plan'; readonly doc: Document; readonly plan: Plan }
  /** The whole plan on one page, to read through or print in one go. */
  | { readonly kind: 'full'; readonly doc: Document; readonly plan: Plan }
  | { readonly kind: 'part'; readonly doc: Document; readonly plan: Plan; readonly part: number }
  | { readonly kind: 'domain'; readonly doc: Document; readonly plan: Plan; readonly domain: Domain }
  | { readonly kind: 'goal'; readonly doc: Document; readonly plan: Plan; readonly domain: Domain; readonly goal: Goal }
  | { readonly kind: 'measure'; readonly doc: Document; readonly plan: Plan; readonly domain: Domain; readonly measure: Measure };

export interface Site {
  readonly docs: readonly Document[];
  readonly units: readonly Unit[];
  readonly pages: readonly Page[];
  /** Units by id. */
  readonly unit: ReadonlyMap<string, Unit>;
  /** Goal ↔ measure links, counterpart domains and see-also links across the plans (links.ts). */
  readonly links: Links;
}

export const home: PageLink = { title: '首页', url: '/' };

/** The document page's section with its reference (GB/T 7714). */
export const citeSectionTitle = '引用本文件';

/** The notice's title on one line, with the spaces of its typographic layout (通    知) removed. */
export function noticeTitle(doc: Document): string {
  const lines = doc.notice?.title ?? [];
  return lines.length === 0 ? doc.slug : lines.map((l) => l.text.replace(/\s+/g, '')).join('');
}

export const ids = {
  doc: (doc: Document) => doc.slug,
  plan: (doc: Document, plan: Plan) => `${doc.slug}.p${plan.index}`,
  /** The whole-plan page: `luozheng-2022-62.p1.full` ⇄ `/luozheng-2022-62/p1/full/`. */
  full: (doc: Document, plan: Plan) => `${ids.plan(doc, plan)}.full`,
  part: (doc: Document, plan: Plan, part: number) => `${ids.plan(doc, plan)}.part${part}`,
  domain: (doc: Document, plan: Plan, domain: Domain) => `${ids.plan(doc, plan)}.d${domain.number}`,
};

/**
 * Where a unit is on its plan's whole-plan page: its ID without the document and the plan
 * (`luozheng-2022-62.p1.d1.g2` → `d1.g2`, `….p1.part1.r2` → `part1.r2`, `….p1.preamble` → `preamble`),
 * so anchors of different domains (d1.g2, d2.g2) never collide there. The notice belongs to no plan.
 */
export function fullPageAnchor(unitId: string): string {
  const [, , ...rest] = unitId.split('.');
  return rest.join('.');
}

/** `luozheng-2022-62.p1.d1.g2` → `/luozheng-2022-62/p1/d1/g2/`. */
export function urlOf(pageId: string): string {
  return `/${pageId.split('.').join('/')}/`;
}

/**
 * A unit's URL from its ID and kind alone: goals and measures have their own page; every other
 * unit is the last segment of its ID as an anchor on the page the rest names. The search page uses
 * this, so it needs no URL per unit; tests/unit/site.test.ts checks it against every unit's url.
 */
export function unitUrl(id: string, kind: UnitKind): string {
  if (kind === 'goal' || kind === 'measure') return urlOf(id);
  const at = id.lastIndexOf('.');
  return `${urlOf(id.slice(0, at))}#${id.slice(at + 1)}`;
}

function partTitle(plan: Plan, n: number): string {
  const heading = plan.parts[n - 1]?.heading;
  return heading === undefined ? '' : heading.marker.trim() + heading.text;
}

export function domainTitle(domain: Domain): string {
  return domain.heading.marker.trim() + domain.heading.text;
}

/** Build the site's units and pages from the parsed documents. */
export function enrich(docs: readonly Document[], siteUrl: string): Site {
  const units: Unit[] = [];
  const pages: Omit<Page, 'order' | 'prev' | 'next'>[] = [];

  for (const doc of docs) {
    const docNumber = doc.notice?.docNumber?.text ?? null;
    const docTitle = noticeTitle(doc);
    const docPage = ids.doc(doc);
    const docCrumbs = [home];
    const absolute = (url: string) => new URL(url, siteUrl).href;
    const inDoc = docNumber === null ? '' : `（${docNumber}）`;
    const issuer = doc.notice?.issuer?.text.trim() ?? null;
    // The notice's title as issued: 洛阳市人民政府关于印发……的通知.
    const issuedTitle = issuer === null || docTitle.startsWith(issuer) ? docTitle : `${issuer}${docTitle}`;

    type UnitInput = Omit<Unit, 'docSlug' | 'docNumber' | 'url' | 'permalink' | 'citation' | 'relatedMeasures' | 'relatedGoals' | 'text'> & {
      ownPage: boolean;
      /** The part the unit is in, as its citation names it. */
      inPart: CitedPlace['part'];
    };
    const unit = (u: UnitInput) => {
      const { ownPage, inPart, ...rest } = u;
      const url = ownPage ? urlOf(u.pageId) : `${urlOf(u.pageId)}#${u.anchor}`;
      const permalink = absolute(url);
      const place: CitedPlace = { title: u.planTitle ?? issuedTitle, docNumber, part: inPart, domainHeading: u.domainHeading, label: u.planTitle === null ? '' : u.label };
      const citation = unitCitation(place, permalink);
      units.push({ ...rest, docSlug: doc.slug, docNumber, url, permalink, citation, text: textOf(u.lines), relatedMeasures: [], relatedGoals: [] });
    };

    if (doc.notice !== null) {
      const n = doc.notice;
      const lines = [n.docNumber, n.issuer, ...n.title, n.addressees, ...n.body, n.date].filter((l) => l !== null);
      unit({ id: `${doc.slug}.notice`, kind: 'notice', number: null, anchor: 'notice', pageId: docPage, ownPage: false, planTitle: null, part: null, inPart: null, domain: null, domainHeading: null, label: unitKindNames.notice, title: docTitle, lines, position: n.position });
    }
    const totals = { domains: 0, goals: 0, measures: 0 };
    for (const plan of doc.plans) {
      const d = plan.parts[1].domains;
      totals.domains += d.length;
      totals.goals += d.reduce((s, x) => s + x.goals.length, 0);
      totals.measures += d.reduce((s, x) => s + x.measures.length, 0);
    }
    pages.push({
      id: docPage, kind: 'document', url: urlOf(docPage), title: docTitle,
      description: `${docNumber ?? doc.slug} ${docTitle}：${doc.plans.map((p) => `《${p.title.text}》`).join('')}全文，每项主要目标和策略措施均有可引用的独立页面。`,
      breadcrumbs: docCrumbs, toc: docToc(doc), docSlug: doc.slug, docNumber, planTitle: null, domainTitle: null,
      counts: totals, source: sourceOf(doc.notice?.position ?? doc.position), content: { kind: 'document', doc },
      ...(doc.notice === null
        ? {}
        : { reference: documentReference({ issuer, title: issuedTitle, docNumber, date: doc.notice.date?.text ?? null, url: absolute(urlOf(docPage)) }) }),
    });

    for (const plan of doc.plans) {
      const planTitle = plan.title.text;
      const planId = ids.plan(doc, plan);
      const planCrumbs = [...docCrumbs, { title: docNumber ?? docTitle, url: urlOf(docPage) }];
      const common = { docSlug: doc.slug, docNumber, planTitle };
      const domains = plan.parts[1].domains;
      const counts = {
        domains: domains.length,
        goals: domains.reduce((s, x) => s + x.goals.length, 0),
        measures: domains.reduce((s, x) => s + x.measures.length, 0),
      };
      pages.push({
        ...common, id: planId, kind: 'plan', url: urlOf(planId), title: planTitle,
        description: `${planTitle}${inDoc}：${counts.domains}个发展领域，${counts.goals}项主要目标，${counts.measures}项策略措施。`,
        breadcrumbs: planCrumbs, toc: planToc(plan), domainTitle: null, counts, source: sourceOf(plan.position),
        content: { kind: 'plan', doc, plan },
      });
      const fullId = ids.full(doc, plan);
      pages.push({
        ...common, id: fullId, kind: 'full', url: urlOf(fullId), title: `${planTitle}全文`,
        description: `${planTitle}${inDoc}全文：序言、总体要求，${counts.domains}个发展领域的${counts.goals}项主要目标和${counts.measures}项策略措施，组织实施和监测评估，都在一页上，便于通读和打印。`,
        breadcrumbs: [...planCrumbs, { title: planTitle, url: urlOf(planId) }], toc: fullToc(plan), domainTitle: null, counts,
        source: sourceOf(plan.position), content: { kind: 'full', doc, plan },
      });
      if (plan.preamble.length > 0) {
        unit({ ...common, id: `${planId}.preamble`, kind: 'preamble', number: null, anchor: 'preamble', pageId: planId, ownPage: false, part: null, inPart: null, domain: null, domainHeading: null, label: unitKindNames.preamble, title: null, lines: plan.preamble, position: plan.position });
      }
      const partCrumbs = [...planCrumbs, { title: planTitle, url: urlOf(planId) }];

      plan.parts.forEach((part, k) => {
        const n = k + 1;
        const partId = ids.part(doc, plan, n);
        const title = partTitle(plan, n);
        pages.push({
          ...common, id: partId, kind: 'part', url: urlOf(partId), title,
          description: `${planTitle} · ${title}`,
          breadcrumbs: partCrumbs, toc: partToc(plan, n), domainTitle: null,
          counts: part.role === 'domains' ? counts : null, source: sourceOf(part.position),
          content: { kind: 'part', doc, plan, part: n },
        });
        const inPart = { number: part.number, heading: part.heading.text };
        const base = { ...common, pageId: partId, ownPage: false, part: title, inPart, domain: null, domainHeading: null };
        if (part.role === 'general') {
          if (part.guidance !== null) {
            unit({ ...base, id: `${partId}.guidance`, kind: 'guidance', number: null, anchor: 'guidance', label: '总体要求' /* the part's own heading */, title: null, lines: part.guidance.lines, position: part.guidance.position });
          }
          for (const p of part.principles) {
            unit({ ...base, id: `${partId}.r${p.number}`, kind: 'principle', number: p.number, anchor: `r${p.number}`, label: `原则第${p.number}项`, title: p.title, lines: p.lines, position: p.position });
          }
        } else if (part.role === 'implementation' || part.role === 'monitoring') {
          for (const item of part.items) {
            unit({ ...base, id: `${partId}.i${item.number}`, kind: part.role, number: item.number, anchor: `i${item.number}`, label: itemLabel(item), title: item.title, lines: item.lines, position: item.position });
          }
        } else {
          const domainCrumbs = [...partCrumbs, { title, url: urlOf(partId) }];
          for (const domain of part.domains) {
            const domainId = ids.domain(doc, plan, domain);
            const heading = domainTitle(domain);
            const name = domain.heading.text;
            pages.push({
              ...common, id: domainId, kind: 'domain', url: urlOf(domainId), title: heading,
              description: `${planTitle} · ${name}：${domain.goals.length}项主要目标，${domain.measures.length}项策略措施。`,
              breadcrumbs: domainCrumbs, toc: domainToc(domain), domainTitle: name,
              counts: { domains: 1, goals: domain.goals.length, measures: domain.measures.length },
              source: sourceOf(domain.position), content: { kind: 'domain', doc, plan, domain },
            });
            const unitCrumbs = [...domainCrumbs, { title: heading, url: urlOf(domainId) }];
            const inDomain = { ...common, part: title, inPart, domain: name, domainHeading: heading, ownPage: true };
            for (const goal of domain.goals) {
              const id = `${domainId}.g${goal.number}`;
              const label = numberedLabel('goal', goal.number);
              unit({ ...inDomain, id, kind: 'goal', number: goal.number, anchor: `g${goal.number}`, pageId: id, label, title: null, lines: goal.lines, position: goal.position });
              pages.push({
                ...common, id, kind: 'goal', url: urlOf(id), title: label,
                description: `${planTitle} · ${name} · ${label}：${excerpt(textOf(goal.lines))}`,
                breadcrumbs: unitCrumbs, toc: [], domainTitle: name, counts: null, source: sourceOf(goal.position),
                content: { kind: 'goal', doc, plan, domain, goal },
              });
            }
            for (const measure of domain.measures) {
              const id = `${domainId}.m${measure.number}`;
              const label = numberedLabel('measure', measure.number);
              unit({ ...inDomain, id, kind: 'measure', number: measure.number, anchor: `m${measure.number}`, pageId: id, label, title: measure.title, lines: measure.lines, position: measure.position });
              pages.push({
                ...common, id, kind: 'measure', url: urlOf(id), title: `${label} ${measure.title}`,
                description: `${planTitle} · ${name} · ${label}：${excerpt(textOf(measure.lines))}`,
                breadcrumbs: unitCrumbs, toc: [], domainTitle: name, counts: null, source: sourceOf(measure.position),
                content: { kind: 'measure', doc, plan, domain, measure },
              });
            }
          }
        }
      });
    }
  }

  // Pages were made in reading order: document, plan, its whole-plan page, 一, 二, each domain then
  // its goals and measures, 三, 四. Previous/next leads through the plan part by part; the whole-plan
  // page holds all of those at once, so it stands beside that chain, with no previous or next.
  const chain = pages.filter((p) => p.kind !== 'full');
  const linked = pages.map((p, i): Page => {
    const at = chain.indexOf(p);
    const prev = at > 0 ? chain[at - 1] : undefined;
    const next = at === -1 ? undefined : chain[at + 1];
    return { ...p, order: i, prev: prev === undefined ? null : linkTo(prev), next: next === undefined ? null : linkTo(next) };
  });
  // Cross-links from the text: each goal's measures, each measure's goals.
  const links = computeLinks(units);
  const idsOf = (list: readonly { id: string }[] | undefined) => (list ?? []).map((l) => l.id);
  const related = units.map((u): Unit => ({ ...u, relatedMeasures: idsOf(links.relatedMeasures.get(u.id)), relatedGoals: idsOf(links.relatedGoals.get(u.id)) }));
  return { docs, units: related, pages: linked, unit: new Map(related.map((u) => [u.id, u])), links };
}

function linkTo(p: { title: string; url: string }): PageLink {
  return { title: p.title, url: p.url };
}

function itemLabel(item: Item): string {
  return `第（${cn(item.number)}）项`;
}

function excerpt(text: string, max = 60): string {
  const chars = [...text.replace(/\n/g, ' ')];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}

function sourceOf(position: Position): PageData['source'] {
  return position.type === 'source' ? { file: position.file, line: position.line } : { file: '', line: 0 };
}

function docToc(doc: Document): PageData['toc'] {
  return [
    ...(doc.notice === null ? [] : [{ anchor: 'notice', text: unitKindNames.notice, depth: 2 }]),
    { anchor: 'plans', text: '规划', depth: 2 },
    ...(doc.notice === null ? [] : [{ anchor: 'cite', text: citeSectionTitle, depth: 2 }]),
  ];
}

function planToc(plan: Plan): PageData['toc'] {
  return [...(plan.preamble.length > 0 ? [{ anchor: 'preamble', text: unitKindNames.preamble, depth: 2 }] : []), { anchor: 'contents', text: '目录', depth: 2 }];
}

function fullToc(plan: Plan): PageData['toc'] {
  return [
    ...(plan.preamble.length > 0 ? [{ anchor: 'preamble', text: unitKindNames.preamble, depth: 2 }] : []),
    ...plan.parts.flatMap((part, k) => [
      { anchor: `part${k + 1}`, text: partTitle(plan, k + 1), depth: 2 },
      ...(part.role === 'domains' ? part.domains.map((d) => ({ anchor: `d${d.number}`, text: domainTitle(d), depth: 3 })) : []),
    ]),
  ];
}

function partToc(plan: Plan, n: number): PageData['toc'] {
  const part = plan.parts[n - 1];
  if (part === undefined) return [];
  switch (part.role) {
    case 'general':
      return [
        ...(part.guidance === null ? [] : [{ anchor: 'guidance', text: unitKindNames.guidance, depth: 2 }]),
        ...part.principles.map((p) => ({ anchor: `r${p.number}`, text: p.title, depth: 2 })),
      ];
    case 'domains':
      return [{ anchor: 'domains', text: '发展领域', depth: 2 }];
    default:
      return part.items.map((item) => ({ anchor: `i${item.number}`, text: `（${cn(item.number)}）${item.title}`, depth: 2 }));
  }
}

function domainToc(domain: Domain): PageData['toc'] {
  return [
    { anchor: 'goals', text: unitKindNames.goal, depth: 2 },
    ...domain.goals.map((g) => ({ anchor: `g${g.number}`, text: `主要目标第${g.number}项`, depth: 3 })),
    { anchor: 'measures', text: unitKindNames.measure, depth: 2 },
    ...domain.measures.map((m) => ({ anchor: `m${m.number}`, text: `${m.number}. ${m.title}`, depth: 3 })),
  ];
}
