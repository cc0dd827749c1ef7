// Enrich, units: every citable unit of a document with its stable ID, URL, permalink and citation,
// in document order. Cross-links (relatedMeasures, relatedGoals) are added by enrich.ts once every
// document's units exist.
import { unitCitation, type CitedPlace } from '../../model/citation';
import {
  asWritten, docNumberOf, issuedTitle, noticeTitle, onPart, subheadAsCited, textOf,
  type Document, type DomainsPart, type GeneralPart, type ImplementationPart, type Item, type Line, type MonitoringPart, type PartHandlers, type Plan, type Subhead,
} from '../../model/document';
import { absoluteUrl, ids, pageUrl } from '../../model/ids';
import { numberedLabel, preambleLabel, unitKindNames, type Unit } from '../../model/unit';
import { chineseNumeral } from '../../text/numerals';
import { shortTitle } from '../../text/short-title';

/** What a unit is made of before its address and citation are known. */
type UnitInput = Omit<Unit, 'docSlug' | 'docNumber' | 'url' | 'permalink' | 'citation' | 'relatedMeasures' | 'relatedGoals' | 'text' | 'shortTitle'> & {
  /** Whether the unit has a page of its own (goals, measures) or is an anchor on its page. */
  readonly ownPage: boolean;
  /** The part the unit is in, as its citation names it. */
  readonly inPart: CitedPlace['part'];
};

/** A document's units, in document order, addressed on the site at `siteUrl`. */
export function documentUnits(doc: Document, siteUrl: string): Unit[] {
  const docNumber = docNumberOf(doc);
  const citedTitle = issuedTitle(doc);
  const units: Unit[] = [];
  const unit = (u: UnitInput) => {
    const { ownPage, inPart, ...rest } = u;
    const url = ownPage ? pageUrl(u.pageId) : `${pageUrl(u.pageId)}#${u.anchor}`;
    const permalink = absoluteUrl(url, siteUrl);
    const place: CitedPlace = { title: u.planTitle ?? citedTitle, docNumber, part: inPart, within: u.domainHeading ?? u.subhead, label: u.planTitle === null ? '' : u.label };
    const text = textOf(u.lines);
    const short = u.kind === 'goal' || u.kind === 'measure' ? shortTitle(text) : null;
    units.push({ ...rest, docSlug: doc.slug, docNumber, url, permalink, citation: unitCitation(place, permalink), text, shortTitle: short, relatedMeasures: [], relatedGoals: [] });
  };
  if (doc.notice !== null) {
    const n = doc.notice;
    const lines = [n.docNumber, n.issuer, ...n.title, n.addressees, ...n.body, n.date].filter((l) => l !== null);
    unit({ id: `${doc.slug}.notice`, kind: 'notice', number: null, anchor: 'notice', pageId: ids.doc(doc), ownPage: false, planTitle: null, part: null, inPart: null, domain: null, domainHeading: null, subhead: null, label: unitKindNames.notice, title: noticeTitle(doc), lines, position: n.position });
  }
  for (const plan of doc.plans) planUnits(doc, plan).forEach(unit);
  return units;
}

/** A plan's units: its preamble, then each part's. */
function planUnits(doc: Document, plan: Plan): UnitInput[] {
  const planId = ids.plan(doc, plan);
  const common = { planTitle: plan.title.text, domain: null, domainHeading: null, subhead: null };
  const preamble: UnitInput[] = plan.preamble.length === 0 ? [] : [{ ...common, id: `${planId}.preamble`, kind: 'preamble', number: null, anchor: 'preamble', pageId: planId, ownPage: false, part: null, inPart: null, label: preambleLabel(plan), title: null, lines: plan.preamble, position: plan.position }];
  return [
    ...preamble,
    ...plan.parts.flatMap((part) => {
      const partId = ids.part(doc, plan, part.number);
      const base = { ...common, pageId: partId, ownPage: false, part: asWritten(part.heading), inPart: { number: part.number, heading: part.heading.text } };
      return onPart(part, partUnits({ doc, plan, partId, base }));
    }),
  ];
}

/** What a part's units share: their place, and the part's page they are anchored on. */
type PartBase = Pick<UnitInput, 'planTitle' | 'domain' | 'domainHeading' | 'subhead' | 'pageId' | 'ownPage' | 'part' | 'inPart'>;

interface PartPlace {
  readonly doc: Document;
  readonly plan: Plan;
  readonly partId: string;
  readonly base: PartBase;
}

/** A part's units, by its role. */
const partUnits = ({ doc, plan, partId, base }: PartPlace): PartHandlers<UnitInput[]> => ({
  general: (part) => generalUnits(part, partId, base),
  domains: (part) => domainUnits(doc, plan, part, { ...base, ownPage: true }),
  projects: (part) => part.projects.map((p) => ({ ...base, id: `${partId}.i${p.number}`, kind: 'project', number: p.number, anchor: `i${p.number}`, label: `${part.heading.text}第${p.number}项`, title: p.title, lines: p.lines, position: p.position })),
  implementation: (part) => itemUnits(part, partId, base),
  monitoring: (part) => itemUnits(part, partId, base),
});

/**
 * The first part: its guidance (labelled with its sub-head, or untitled with the part's own
 * heading: 总体要求), its principles, its aims; each cited under its sub-head when it has one.
 */
function generalUnits(part: GeneralPart, partId: string, base: PartBase): UnitInput[] {
  const { guidance, principles, aims } = part;
  const under = (heading: Subhead) => ({ ...base, subhead: heading === null ? null : subheadAsCited(heading) });
  const named = (heading: Line) => heading.text.replace(/[。．.：:\s]+$/u, '');
  return [
    ...(guidance === null ? [] : [{ ...under(guidance.heading), id: `${partId}.guidance`, kind: 'guidance' as const, number: null, anchor: 'guidance', label: guidance.heading === null ? part.heading.text : named(guidance.heading), title: null, lines: guidance.lines, position: guidance.position }]),
    ...(principles?.principles ?? []).map((p) => ({ ...under(principles?.heading ?? null), id: `${partId}.r${p.number}`, kind: 'principle' as const, number: p.number, anchor: `r${p.number}`, label: `原则第${p.number}项`, title: p.title, lines: p.lines, position: p.position })),
    ...(aims === null ? [] : [{ ...under(aims.heading), id: `${partId}.aims`, kind: 'aims' as const, number: null, anchor: 'aims', label: named(aims.heading), title: null, lines: aims.lines, position: aims.position }]),
  ];
}
/** Each domain's goals, then its measures: each on a page of its own. */
function domainUnits(doc: Document, plan: Plan, part: DomainsPart, base: PartBase): UnitInput[] {
  return part.domains.flatMap((domain) => {
    const domainId = ids.domain(doc, plan, domain);
    const inDomain = { ...base, domain: domain.heading.text, domainHeading: asWritten(domain.heading) };
    return [
      ...domain.goals.map((goal) => {
        const id = `${domainId}.g${goal.number}`;
        return { ...inDomain, id, kind: 'goal' as const, number: goal.number, anchor: `g${goal.number}`, pageId: id, label: numberedLabel('goal', goal.number), title: null, lines: goal.lines, position: goal.position };
      }),
      ...domain.measures.map((measure) => {
        const id = `${domainId}.m${measure.number}`;
        return { ...inDomain, id, kind: 'measure' as const, number: measure.number, anchor: `m${measure.number}`, pageId: id, label: numberedLabel('measure', measure.number), title: measure.title, lines: measure.lines, position: measure.position };
      }),
    ];
  });
}

/** The items of 组织实施 or 监测评估. */
function itemUnits(part: ImplementationPart | MonitoringPart, partId: string, base: PartBase): UnitInput[] {
  return part.items.map((item) => ({ ...base, id: `${partId}.i${item.number}`, kind: part.role, number: item.number, anchor: `i${item.number}`, label: itemLabel(item), title: item.title, lines: item.lines, position: item.position }));
}

/** An item of 组织实施 or 监测评估 as a citation names it: 第（二）项. */
function itemLabel(item: Item): string {
  return `第（${chineseNumeral(item.number)}）项`;
}
