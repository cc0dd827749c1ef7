// Each page's body as an mdast tree: one small builder per page kind, in a table (a goal's and a
// measure's pages share one). Builders read the page's model nodes and the site's units and links;
// what they write is serialized by mdx-processor.ts and rendered by the components of
// src/pages/[...slug].astro.
import type { List, Root, RootContent } from 'mdast';
import { asWritten, issuedTitle, textOf, type Document, type Domain, type Plan } from '../../model/document';
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
  /** The quantified targets a unit sets (06-analysis/extract-targets.ts), in its order. */
  readonly targetsOf: (id: string) => TargetRecord[];
}

type Builder<K extends PageContent['kind']> = (c: Context<Extract<PageContent, { kind: K }>>) => RootContent[];

const builders: { [K in PageContent['kind']]: Builder<K> } = {
  document: ({ page, content: { doc }, anchored }) => [
    section('info', '信息索引', 2, [infoIndex(doc)], { toc: true }),
    ...anchored().map((u) => unitElement(u, 2, { toc: u.label, ...(u.kind === 'notice' && doc.notice !== null ? { notice: doc.notice } : {}) })),
    section('plans', '规划', 2, [list(doc.plans.map((plan) => [link(pageUrl(ids.plan(doc, plan)), plan.title.text), counts(plan.parts[1].domains), text('；'), link(pageUrl(ids.full(doc, plan)), '全文（单页）')]))], { toc: true }),
    ...(page.reference === undefined ? [] : [section('cite', citeSectionTitle, 2, [jsx('Reference', { text: page.reference }, [])], { toc: true })]),
  ],
  plan: ({ content: { doc, plan }, anchored }) => [
    paragraph(link(pageUrl(ids.full(doc, plan)), '本规划全文（单页，便于通读和打印）')),
    ...anchored().map((u) => unitElement(u, 2, { toc: u.label })),
    section(
      'contents',
      '目录',
      2,
      [list(plan.parts.map((part, k) => {
        const line = [link(pageUrl(ids.part(doc, plan, k + 1)), asWritten(part.heading))];
        return part.role === 'domains' ? { line, sub: domainList(doc, plan, part.domains) } : line;
      }))],
      { toc: true },
    ),
  ],
  full: ({ content: { doc, plan }, unit }) => wholePlan(doc, plan, unit),
  part: ({ content: { doc, plan, part: n }, anchored }) => {
    const part = plan.parts[n - 1];
    if (part?.role === 'domains') return [section('domains', '发展领域', 2, [domainList(doc, plan, part.domains)], { toc: true })];
    return anchored().map((u) => unitElement(u, 2, { toc: tocText(u) }));
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
  const anchored = () => site.units.filter((u) => u.pageId === page.id && u.url.includes('#'));
  const targetsOf = (id: string) => targets.filter((t) => t.clauseId === id);
  const build = builders[page.content.kind] as Builder<PageContent['kind']>;
  return { type: 'root', children: build({ page, content: page.content, site, unit, anchored, targetsOf }) };
}

/** A unit's entry in a part page's table of contents: its title, numbered as an item's heading. */
function tocText(unit: Unit): string {
  if (unit.kind === 'guidance') return unitKindNames.guidance;
  if (unit.kind === 'principle') return unit.title ?? unit.label;
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
 * as written; in 二, each domain with its 主要目标： and 策略措施： lines as written. Units are
 * <FullUnit>s, anchored by their ID within the plan and linking to the page that shows them alone.
 */
function wholePlan(doc: Document, plan: Plan, unit: (id: string) => Unit): Block[] {
  const planId = ids.plan(doc, plan);
  const whole = (id: string, level: 2 | 3 | 5, toc?: string) => fullUnitElement(unit(id), level, toc);
  return [
    ...(plan.preamble.length > 0 ? [whole(`${planId}.preamble`, 2, unit(`${planId}.preamble`).label)] : []),
    ...plan.parts.map((part, k) => {
      const partId = ids.part(doc, plan, k + 1);
      const body = (() => {
        switch (part.role) {
          case 'general':
            return [
              ...(part.guidance === null ? [] : [whole(`${partId}.guidance`, 3)]),
              ...part.principles.map((p) => whole(`${partId}.r${p.number}`, 3)),
            ];
          case 'domains':
            return part.domains.map((d) => {
              const domainId = ids.domain(doc, plan, d);
              const within = `d${d.number}`;
              return section(within, asWritten(d.heading), 3, [
                // Named with their domain (（一）妇女与健康 主要目标：), since every domain has the two.
                section(`${within}.goals`, asWritten(d.goalsHeading), 4, d.goals.map((g) => whole(`${domainId}.g${g.number}`, 5)), { within }),
                section(`${within}.measures`, asWritten(d.measuresHeading), 4, d.measures.map((m) => whole(`${domainId}.m${m.number}`, 5)), { within }),
              ], { toc: true });
            });
          default:
            return part.items.map((item) => whole(`${partId}.i${item.number}`, 3));
        }
      })();
      return section(`part${k + 1}`, asWritten(part.heading), 2, body, { toc: true });
    }),
  ];
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
