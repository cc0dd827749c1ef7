// The home page's picture of a plan, laid out (OverviewChart.astro draws it): one block per domain,
// its title, then a row of marks for each kind of item — one mark per goal, measure or quantified
// target, in groups of five so they can be counted at a glance — with the number beside the label.
// The picture is narrow (a phone's width) and grows downwards; a row longer than `perRow` marks
// wraps. Pure: figures in, coordinates out, in SVG user units.
import type { DomainFigures, PlanFigures } from './home-overview';

export type FigureKind = 'goals' | 'measures' | 'targets';

/** The rows of each domain block, in order, with the reader's name for each and its mark's shape. */
export const figureKinds: readonly { kind: FigureKind; name: string; shape: 'square' | 'circle' | 'diamond' }[] = [
  { kind: 'goals', name: '主要目标', shape: 'square' },
  { kind: 'measures', name: '策略措施', shape: 'circle' },
  { kind: 'targets', name: '量化目标', shape: 'diamond' },
];

export const chartGeometry = {
  width: 300,
  /** The legend's baseline. */
  legendY: 14,
  /** Where the first domain block starts. */
  top: 30,
  /** A domain title's baseline, below the top of its block. */
  titleBaseline: 15,
  /** The first row of marks, below the top of its block. */
  firstRow: 24,
  /** Row labels end here (text-anchor: end for the number, which follows the label). */
  numberRight: 78,
  /** The first mark of a row. */
  marksLeft: 86,
  mark: 8,
  /** From one mark to the next. */
  pitch: 10,
  /** Extra space after every group of five marks. */
  groupGap: 4,
  perRow: 20,
  /** From one line of marks to the next (a row that wraps, or the next kind). */
  lineHeight: 15,
  /** Space below a domain block. */
  blockGap: 14,
} as const;

export interface MarkRow {
  kind: FigureKind;
  name: string;
  shape: 'square' | 'circle' | 'diamond';
  count: number;
  /** Top of the row's first line of marks. */
  y: number;
  /** Top-left corner of each mark. */
  marks: { x: number; y: number }[];
}

export interface DomainBlock {
  domain: DomainFigures;
  /** Top of the block and its height (the link's hit area). */
  y: number;
  height: number;
  titleY: number;
  rows: MarkRow[];
}

export interface ChartLayout {
  width: number;
  height: number;
  blocks: DomainBlock[];
}

/** Where the i-th mark of a row sits, from the row's top-left. */
export function markOffset(i: number): { x: number; y: number } {
  const g = chartGeometry;
  const col = i % g.perRow;
  const line = Math.floor(i / g.perRow);
  return { x: g.marksLeft + col * g.pitch + Math.floor(col / 5) * g.groupGap, y: line * g.lineHeight };
}

export function layoutPlan(plan: PlanFigures): ChartLayout {
  const g = chartGeometry;
  let y: number = g.top;
  const blocks = plan.domains.map((domain): DomainBlock => {
    const top = y;
    let rowY = top + g.firstRow;
    const rows = figureKinds.map(({ kind, name, shape }): MarkRow => {
      const count = domain[kind];
      const row = { kind, name, shape, count, y: rowY, marks: Array.from({ length: count }, (_, i) => markOffset(i)).map((m) => ({ x: m.x, y: rowY + m.y })) };
      rowY += Math.max(1, Math.ceil(count / g.perRow)) * g.lineHeight;
      return row;
    });
    y = rowY + g.blockGap;
    return { domain, y: top, height: rowY - top, titleY: top + g.titleBaseline, rows };
  });
  return { width: g.width, height: y - g.blockGap + 4, blocks };
}
