// Quantified targets: what the build's target extraction (build/06-analysis/extract-targets.ts)
// finds in the goals and measures, and how the pages write one. content/targets.json carries
// `TargetRecord`s from the build to the /targets/ and home pages; dist/data/targets.json is their
// public form (docs/contracts.md).

export type Comparator = '<=' | '>=' | '≈' | '=';

export interface Target {
  /** The goal or measure the target comes from. */
  clauseId: string;
  indicator: string;
  value: number;
  /** As written, with full-width ％ normalized to %: %, ‰, /10万, 所, 名, 个, 小时, 岁, 倍 … */
  unit: string;
  comparator: Comparator;
  /** The sentence the target comes from, verbatim. */
  text: string;
}

/**
 * One row of targets.json: a target with where it is cited from — its document (slug and 文号), its
 * plan (the plan's ID, `luozheng-2022-62.p1`: plans of different documents share titles), domain
 * and label — the year it is set for (its plan's last year, or null), the key its indicator is
 * matched by across plans and documents, and the slug of that indicator's page (indicatorUrl).
 */
export type TargetRecord = Target & {
  url: string;
  docSlug: string;
  docNumber: string | null;
  plan: string;
  planTitle: string;
  domain: string;
  label: string;
  year: number | null;
  indicatorKey: string;
  /** Its indicator's page is /targets/<indicatorSlug>/ (build/06-analysis/indicator-slugs.ts). */
  indicatorSlug: string;
};

/** The year a plan's targets are set for: the end of the period in its title, 洛阳市妇女发展规划（2021—2030年） → 2030. */
export function planYear(planTitle: string): number | null {
  const m = /[（(]\s*\d{4}\s*年?\s*[—–－~～-]\s*(\d{4})\s*年?\s*[）)]/.exec(planTitle.normalize('NFKC'));
  return m === null ? null : Number(m[1]);
}

/** The normalized name an indicator is matched by across plans: no spaces, full-width forms folded. */
export function indicatorKey(indicator: string): string {
  return indicator.normalize('NFKC').replace(/\s+/g, '');
}

/** The page of one indicator: every document and plan that sets it, side by side. */
export const indicatorUrl = (slug: string): string => `/targets/${slug}/`;

/** How a comparator reads in a sentence: 不高于 12/10万, 不低于 70%, 约 45%, 为 1次. */
export const comparatorWords: Record<Comparator, string> = { '<=': '不高于', '>=': '不低于', '≈': '约', '=': '为' };

/** 不高于12/10万, 不低于70%, 约45%, 为1次. */
export function targetValue(t: Pick<Target, 'comparator' | 'value' | 'unit'>): string {
  return `${comparatorWords[t.comparator]}${t.value}${t.unit}`;
}

/**
 * The plans the targets come from, in document order, each named so that it is told apart: by its
 * title, and with its document's 文号 when the targets come from more than one document (plans of
 * different documents share titles).
 */
export function targetPlans(targets: readonly TargetRecord[]): { id: string; name: string }[] {
  const documents = new Set(targets.map((t) => t.docSlug));
  const plans = new Map<string, { id: string; name: string }>();
  for (const t of targets) {
    if (plans.has(t.plan)) continue;
    const name = documents.size > 1 ? `${t.docNumber ?? t.docSlug} ${t.planTitle}` : t.planTitle;
    plans.set(t.plan, { id: t.plan, name });
  }
  return [...plans.values()];
}

/** One indicator and every target set for it, for its page (/targets/<slug>/). */
export interface Indicator {
  slug: string;
  key: string;
  /** As the first target names it (names of one key differ at most in spaces and full-width forms). */
  name: string;
  url: string;
  /** In the order of `targets` (the site's reading order: document, plan, domain, clause). */
  targets: TargetRecord[];
}

/** The targets by indicator key, in the order each indicator first occurs. */
export function indicators(targets: readonly TargetRecord[]): Indicator[] {
  const byKey = new Map<string, Indicator>();
  for (const t of targets) {
    const found = byKey.get(t.indicatorKey);
    if (found === undefined) byKey.set(t.indicatorKey, { slug: t.indicatorSlug, key: t.indicatorKey, name: t.indicator, url: indicatorUrl(t.indicatorSlug), targets: [t] });
    else found.targets.push(t);
  }
  return [...byKey.values()];
}

/** In a library, one document's targets as a chart and a table (/<doc>/targets/); /targets/ then compares the documents. */
export const documentTargetsUrl = (docSlug: string): string => `/${docSlug}/targets/`;

/**
 * One indicator as a library's /targets/ lists it: how many documents and plans set it, and the
 * distinct targets they set, lowest value first within each unit (one line per indicator, however
 * many documents: the page does not grow with the library, only with the indicators).
 */
export interface IndicatorSummary {
  indicator: Indicator;
  documents: number;
  plans: number;
  values: string[];
}

/** The indicators with their summaries: those set by the most documents first, then in the order they first occur. */
export function indicatorSummaries(targets: readonly TargetRecord[]): IndicatorSummary[] {
  return indicators(targets)
    .map((indicator) => {
      const units = [...new Set(indicator.targets.map((t) => t.unit))];
      const ordered = [...indicator.targets].sort((a, b) => units.indexOf(a.unit) - units.indexOf(b.unit) || a.value - b.value);
      return {
        indicator,
        documents: new Set(indicator.targets.map((t) => t.docSlug)).size,
        plans: new Set(indicator.targets.map((t) => t.plan)).size,
        values: [...new Set(ordered.map(targetValue))],
      };
    })
    .map((summary, order) => ({ summary, order }))
    .sort((a, b) => b.summary.documents - a.summary.documents || a.order - b.order)
    .map(({ summary }) => summary);
}
