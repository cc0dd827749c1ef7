// The home page's overview: each domain's numbers come from the model and the targets, and the
// picture draws exactly that many marks, inside its width, without blocks overlapping.
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/build/02-decode/decode';
import { chartGeometry, layoutPlan, markOffset } from '../../src/render/overview-chart';
import { parse } from '../../src/build/03-parse/parse';
import { enrich } from '../../src/build/05-enrich/enrich';
import { homeOverview, planFigures } from '../../src/render/home-overview';
import { targetsJson } from '../../src/build/06-analysis/extract-targets';
import { seedBytes, seedFile } from './helpers';

const site = enrich([parse(decode(seedFile, seedBytes), 'luozheng-2022-62')], 'https://plans.example.org');
const { targets } = targetsJson(site.units);
const [doc] = homeOverview(site.pages.map(({ content: _content, ...data }) => data));
const plans = (doc?.plans ?? []).map((p) => planFigures(p, targets));

describe('planFigures', () => {
  it('finds both plans, their whole-plan pages and all fifteen domains', () => {
    expect(plans.map((p) => p.id)).toEqual(['luozheng-2022-62.p1', 'luozheng-2022-62.p2']);
    expect(doc?.plans.map((p) => p.full?.url)).toEqual(['/luozheng-2022-62/p1/full/', '/luozheng-2022-62/p2/full/']);
    expect(plans.map((p) => p.domains.length)).toEqual([8, 7]);
  });

  it('counts each domain’s goals, measures and targets from the units', () => {
    for (const d of plans.flatMap((p) => p.domains)) {
      const inDomain = site.units.filter((u) => u.id.startsWith(`${d.id}.`));
      expect(d.goals, d.id).toBe(inDomain.filter((u) => u.kind === 'goal').length);
      expect(d.measures, d.id).toBe(inDomain.filter((u) => u.kind === 'measure').length);
      expect(d.targets, d.id).toBe(targets.filter((t) => inDomain.some((u) => u.id === t.clauseId)).length);
      expect(d.url).toBe(`/${d.id.split('.').join('/')}/`);
    }
  });

  it('counts every target once, and totals each plan', () => {
    expect(plans.reduce((s, p) => s + p.totals.targets, 0)).toBe(targets.length);
    for (const p of plans) expect(p.totals.goals).toBe(p.domains.reduce((s, d) => s + d.goals, 0));
  });
});

describe('layoutPlan', () => {
  for (const plan of plans) {
    const layout = layoutPlan(plan);
    it(`${plan.title}: one mark per item, inside the picture, in blocks that do not overlap`, () => {
      expect(layout.blocks.map((b) => b.domain.id)).toEqual(plan.domains.map((d) => d.id));
      layout.blocks.forEach((block, i) => {
        for (const row of block.rows) {
          expect(row.marks, `${block.domain.id} ${row.kind}`).toHaveLength(block.domain[row.kind]);
          for (const m of row.marks) {
            expect(m.x).toBeGreaterThanOrEqual(chartGeometry.marksLeft);
            expect(m.x + chartGeometry.mark).toBeLessThanOrEqual(layout.width);
            expect(m.y + chartGeometry.mark).toBeLessThanOrEqual(block.y + block.height);
          }
          expect(new Set(row.marks.map((m) => `${m.x},${m.y}`)).size).toBe(row.marks.length);
        }
        const next = layout.blocks[i + 1];
        if (next !== undefined) expect(next.y).toBeGreaterThanOrEqual(block.y + block.height);
      });
      const last = layout.blocks.at(-1);
      expect(layout.height).toBeGreaterThanOrEqual((last?.y ?? 0) + (last?.height ?? 0));
    });
  }

  it('wraps a row longer than perRow marks onto the next line, and groups marks in fives', () => {
    const { perRow, pitch, groupGap, lineHeight, marksLeft } = chartGeometry;
    expect(markOffset(perRow)).toEqual({ x: marksLeft, y: lineHeight });
    expect(markOffset(5).x - markOffset(4).x).toBe(pitch + groupGap);
    expect(markOffset(4).x - markOffset(3).x).toBe(pitch);
    const children = plans[1]?.domains[0];
    expect(children?.targets, '儿童与健康 has more targets than fit on one line').toBeGreaterThan(perRow);
    const health = layoutPlan(plans[1]!).blocks[0]!;
    const rows = health.rows.map((r) => r.y);
    expect(rows[1]! - rows[0]!).toBe(lineHeight);
    expect(health.height).toBe(chartGeometry.firstRow + lineHeight * (1 + 1 + Math.ceil(children!.targets / perRow)));
  });
});
