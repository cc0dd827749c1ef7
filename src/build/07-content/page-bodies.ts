// Each page's body as an mdast tree: one small builder per page kind, in a table (a goal's and a
// measure's pages share one). Builders read the page's model nodes and the site's units and links;
// what they write is serialized by mdx-processor.ts and rendered by the components of
// src/pages/[...slug].astro.
import type { List, Root, RootContent } from 'mdast';
import { asWritten, domainsOf, issuedTitle, textOf, type Document, type Domain, type Plan } from '../../model/document';
import { ids, pageUrl } from '../../model/ids';
import { indicatorUrl, targetValue, type TargetRecord } from '../../model/target';
import { numberedLabel, unitKindNames, type Unit } from '../../model/unit';
import { chineseNumeral } from '../../text/numerals';
import type { Page, PageContent, Site } from '../05-enrich/site';
import { domainKey, type Link } from '../06-analysis/links';
import { fullUnitElement, jsx, link, list, paragraph, section, text, unitElement, type Block } from './mdast';

/** The document page's section with its reference (GB/T 7714). */
const citeSectionTitle = '引用本文件';

/** What a builder gets: the page, its content, and the site's units by id. */
interface Context<C extends PageContent> {
  readonly page: Page;
  readonly content: C;
  readonly site: Site;
  /** The unit with this id; fails the build when there is none. */
  readonly unit: (id: string) => Unit;
  /** The units shown on this page beside others (anchored on it), in document order. */
  readonly anchored: () => Unit[];
  /** The units anchored on the page with this id, in document order. */
  readonly anchoredOn: (pageId: string) => Unit[];
  /** The quantified targets a unit sets (06-analysis/extract-targets.ts), in its order. */
  readonly targetsOf: (id: string) => TargetRecord[];
}

type Builder<K extends PageContent['kind']> = (c: Context<Extract<PageContent, { kind: K }>>) => RootContent[];

const builders: { [K in PageContent['kind']]: Builder<K> } = {
  document: ({ page, content: { doc }, anchored }) => [
    section('info', '信息索引', 2, [infoIndex(doc)], { toc: true }),
    ...anchored().map((u) => unitElement(u, 2, { toc: u.label, ...(u.kind === 'notice' && doc.notice !== null ? { notice: doc.notice } : {}) })),
    section('plans', '规划', 2, [list(doc.plans.map((plan) => [link(pageUrl(ids.plan(doc, plan)), plan.title.text), counts(domainsOf(plan)), text('；'), link(pageUrl(ids.full(doc, plan)), '全文（单页）')]))], { toc: true }),
    ...(page.reference === undefined ? [] : [section('cite', citeSectionTitle, 2, [jsx('Reference', { text: page.reference }, [])], { toc: true })]),
  ],
  plan: ({ content: { doc, plan }, anchored, anchoredOn }) => [
    paragraph(link(pageUrl(ids.full(doc, plan)), '本规划全文（单页，便于通读和打印）')),
    ...anchored().map((u) => unitElement(u, 2, { toc: u.label })),
    section(
      'contents',
      '目录',
      2,
      [list(plan.parts.map((part) => {
        const partUrl = pageUrl(ids.part(doc, plan, part.number));
        const line = [link(partUrl, asWritten(part.heading))];
        if (part.role === 'domains') return { line, sub: domainList(doc, plan, part.domains) };
        const titled = subsections(anchoredOn(ids.part(doc, plan, part.number)));
        return titled.length === 0 ? line : { line, sub: list(titled.map((t) => [link(`${partUrl}#${t.anchor}`, t.heading)])) };
      }))],
      { toc: true },
    ),
  ],
  full: ({ content: { doc, plan }, unit, anchoredOn }) => wholePlan(doc, plan, unit, anchoredOn),
  part: ({ content: { doc, plan, part: n }, anchored }) => {
    const part = plan.parts.find((p) => p.number === n);
    if (part?.role === 'domains') return [section('domains', '发展领域', 2, [domainList(doc, plan, part.domains)], { toc: true })];
    const units = anchored();
    const titled = subsections(units);
    if (titled.length === 0) return units.map((u) => unitElement(u, 2, { toc: tocText(u) }));
    return titled.map((t) => section(t.anchor, t.heading, 2, t.units.map((u) => unitElement(u, 3, u.kind === 'principle' ? { toc: tocText(u) } : {})), { toc: true }));
  },
  domain: ({ page, content: { domain }, site, unit }) => {
    const goals = domain.goals.map((g) => unitElement(unit(`${page.id}.g${g.number}`), 3, { linkToPage: true, toc: `${g.number}. ${unit(`${page.id}.g${g.number}`).shortTitle ?? ''}` }));
    const measures = domain.measures.map((m) => unitElement(unit(`${page.id}.m${m.number}`), 3, { linkToPage: true, toc: `${m.number}. ${m.title}` }));
    const counterpart = counterpartDomain(site, unit(`${page.id}.g1`));
    return [
      // One reading column: the goals, then the measures (side by side, the shorter column left half the page empty).
      section('goals', unitKindNames.goal, 2, goals, { toc: true }),
      section('measures', unitKindNames.measure, 2, measures, { toc: true }),
      ...(counterpart === null ? [] : [section('counterpart', '另一规划的对应领域', 2, [paragraph(link(counterpart.url, `${counterpart.planTitle} · ${counterpart.title}`))])]),
    ];
  },
  goal: (c) => itemBody(c),
  measure: (c) => itemBody(c),
};

/** The document's 信息索引 (InfoIndex.astro): what its notice and metadata file record; unrecorded fields are absent. */
function infoIndex(doc: Document): Block {
  const { issuer, docNumber, writtenDate, publishedDate, source, level, region } = doc.meta;
  const given = (value: string | null) => value ?? undefined;
  return jsx('InfoIndex', {
    title: issuedTitle(doc),
    issuer: given(issuer),
    docNumber: given(docNumber),
    writtenDate: given(writtenDate),
    publishedDate: given(publishedDate),
    source: given(source),
    level: given(level),
    region: given(region),
  }, []);
}

/** The body of a page as an mdast tree; `targets` are the site's quantified targets, which goal and measure pages list. */
export function pageTree(page: Page, site: Site, targets: readonly TargetRecord[] = []): Root {
  const unit = (id: string): Unit => {
    const u = site.unit.get(id);
    if (u === undefined) throw new Error(`No unit ${id} for page ${page.id}`);
    return u;
  };
  const anchoredOn = (pageId: string) => site.units.filter((u) => u.pageId === pageId && u.url.includes('#'));
  const anchored = () => anchoredOn(page.id);
  const targetsOf = (id: string) => targets.filter((t) => t.clauseId === id);
  const build = builders[page.content.kind] as Builder<PageContent['kind']>;
  return { type: 'root', children: build({ page, content: page.content, site, unit, anchored, anchoredOn, targetsOf }) };
}

/** A sub-head of the first part and the units under it, anchored on the part page as s1, s2 … in order. */
interface Subsection {
  readonly anchor: string;
  readonly heading: string;
  readonly units: readonly Unit[];
}

/** A part page's units by the sub-head they stand under (（一）指导思想 …); none when they stand under none. */
function subsections(units: readonly Unit[]): Subsection[] {
  const out: { anchor: string; heading: string; units: Unit[] }[] = [];
  for (const u of units) {
    if (u.subhead === null) continue;
    const last = out.at(-1);
    if (last?.heading === u.subhead) last.units.push(u);
    else out.push({ anchor: `s${out.length + 1}`, heading: u.subhead, units: [u] });
  }
  return out;
}

/** A unit's entry in a part page's table of contents: its title, numbered as an item's heading (as written, for a project). */
function tocText(unit: Unit): string {
  if (unit.kind === 'guidance') return unitKindNames.guidance;
  if (unit.kind === 'principle') return unit.title ?? unit.label;
  if (unit.kind === 'project') return `${unit.lines[0]?.marker.trim() ?? ''}${unit.title ?? ''}`;
  return `（${chineseNumeral(unit.number ?? 0)}）${unit.title ?? ''}`;
}

/** How a goal's or a measure's page lists what goes with it: the other kind, related and in its domain. */
const itemSides = {
  goal: {
    related: { anchor: 'related-measures', heading: '落实本目标的策略措施', links: (site: Site) => site.links.relatedMeasures },
    others: { anchor: 'domain-measures', kind: 'measure' },
  },
  measure: {
    related: { anchor: 'related-goals', heading: '本措施服务的主要目标', links: (site: Site) => site.links.relatedGoals },
    others: { anchor: 'domain-goals', kind: 'goal' },
  },
} as const;

/** A goal's or a measure's page: the unit, the units of the other kind it links to, see also, and the other kind in its domain. */
function itemBody({ page, content, site, unit, targetsOf }: Context<Extract<PageContent, { kind: 'goal' | 'measure' }>>): RootContent[] {
  const { doc, plan, domain } = content;
  const side = itemSides[content.kind];
  const domainId = ids.domain(doc, plan, domain);
  const others =
    side.others.kind === 'measure'
      ? domain.measures.map((m) => [link(pageUrl(`${domainId}.m${m.number}`), `${m.number}. ${m.title}`)])
      : domain.goals.map((g) => [link(pageUrl(`${domainId}.g${g.number}`), numberedLabel('goal', g.number)), text(`：${textOf(g.lines)}`)]);
  return [
    unitElement(unit(page.id), 2),
    ...targetSection(targetsOf(page.id)),
    ...linkSection(side.related.anchor, side.related.heading, side.related.links(site).get(page.id), site),
    ...linkSection('see-also', '另见：另一规划中的相关条文', site.links.seeAlso.get(page.id), site),
    section(side.others.anchor, `本领域的${unitKindNames[side.others.kind]}（共${others.length}项）`, 2, [list(others)]),
  ];
}

/**
 * A whole plan, every line of it in document order: the preamble, then each part under its heading
 * as written; in the domains part, each domain with its 主要目标： and 策略措施： lines as written;
 * in the first part, its sub-heads where it has them. Units are <FullUnit>s, anchored by their ID
 * within the plan and linking to the page that shows them alone.
 */
function wholePlan(doc: Document, plan: Plan, unit: (id: string) => Unit, anchoredOn: (pageId: string) => Unit[]): Block[] {
  const planId = ids.plan(doc, plan);
  const whole = (u: Unit, level: 2 | 3 | 4 | 5, toc?: string) => fullUnitElement(u, level, toc);
  const preamble = plan.preamble.length > 0 ? [whole(unit(`${planId}.preamble`), 2, unit(`${planId}.preamble`).label)] : [];
  return [
    ...preamble,
    ...plan.parts.map((part) => {
      const partId = ids.part(doc, plan, part.number);
      const within = `part${part.number}`;
      const body = (() => {
        if (part.role === 'domains') return part.domains.map((d) => wholeDomain(ids.domain(doc, plan, d), d, (id) => whole(unit(id), 5)));
        const units = anchoredOn(partId);
        const titled = subsections(units);
        if (titled.length === 0) return units.map((u) => whole(u, 3));
        return titled.map((t) => section(`${within}.${t.anchor}`, t.heading, 3, t.units.map((u) => whole(u, 4)), { toc: true, within }));
      })();
      return section(within, asWritten(part.heading), 2, body, { toc: true });
    }),
  ];
}

/** A domain on its plan's whole-plan page: its heading, its 主要目标： and 策略措施： as written, each over its units. */
function wholeDomain(domainId: string, d: Domain, whole: (id: string) => Block): Block {
  const within = `d${d.number}`;
  return section(within, asWritten(d.heading), 3, [
    // Named with their domain (（一）妇女与健康 主要目标：), since every domain has the two.
    section(`${within}.goals`, asWritten(d.goalsHeading), 4, d.goals.map((g) => whole(`${domainId}.g${g.number}`)), { within }),
    section(`${within}.measures`, asWritten(d.measuresHeading), 4, d.measures.map((m) => whole(`${domainId}.m${m.number}`)), { within }),
  ], { toc: true });
}

/** The targets a goal or measure sets, each linking to its indicator's page (every plan and document that sets it); nothing when none. */
function targetSection(targets: readonly TargetRecord[]): Block[] {
  if (targets.length === 0) return [];
  const items = targets.map((t) => [link(indicatorUrl(t.indicatorSlug), t.indicator), text(`：${targetValue(t)}${t.year === null ? '' : `（到${t.year}年）`}`)]);
  return [section('targets', '本条的量化目标', 2, [paragraph(text('点击指标，可对照设定同一指标的各规划、各文件及其原文。')), list(items)])];
}

/** Linked units, each with the key terms it shares with this one as the reason; nothing when none. */
function linkSection(anchor: string, heading: string, links: readonly Link[] | undefined, site: Site): Block[] {
  const items = (links ?? []).flatMap((l) => {
    const u = site.unit.get(l.id);
    if (u === undefined) return [];
    const place = u.planTitle === null ? '' : `${u.planTitle} · ${u.domain ?? ''} · `;
    return [[link(u.url, `${place}${u.label}${u.title === null ? '' : ` ${u.title}`}`), text(`（共同要点：${l.shared.join('、')}）`)]];
  });
  return items.length === 0 ? [] : [section(anchor, heading, 2, [list(items)])];
}

/** The matching domain of the other plan (health ↔ health …), as a link target, or null. */
function counterpartDomain(site: Site, goal: Unit): { url: string; title: string; planTitle: string } | null {
  const key = site.links.counterpartDomain.get(domainKey(goal));
  if (key === undefined || key === null) return null;
  const other = site.units.find((u) => u.kind === 'goal' && domainKey(u) === key);
  if (other === undefined || other.planTitle === null || other.domainHeading === null) return null;
  return { url: other.url.replace(/g\d+\/$/, ''), title: other.domainHeading, planTitle: other.planTitle };
}

function counts(domains: readonly Domain[]) {
  const goals = domains.reduce((s, d) => s + d.goals.length, 0);
  const measures = domains.reduce((s, d) => s + d.measures.length, 0);
  return text(`（${goals}项主要目标，${measures}项策略措施）`);
}

function domainList(doc: Document, plan: Plan, domains: readonly Domain[]): List {
  return list(domains.map((d) => [link(pageUrl(ids.domain(doc, plan, d)), asWritten(d.heading)), counts([d])]));
}
