import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/build/02-decode/decode';
import { computeLinks, domainKey, type Link, type Links } from '../../src/build/06-analysis/links';
import { parse } from '../../src/build/03-parse/parse';
import { normalize } from '../../src/text/normalize';
import { enrich } from '../../src/build/05-enrich/enrich';
import { docSlugOf } from '../../src/model/ids';
import type { Unit } from '../../src/model/unit';
import { root, seedBytes, seedFile } from './helpers';

const slug = 'luozheng-2022-62';
const site = enrich([parse(decode(seedFile, seedBytes), slug)], 'https://plans.example.org');
const units = site.units;
const links = computeLinks(units);
const unit = (id: string): Unit => {
  const u = site.unit.get(id);
  if (u === undefined) throw new Error(`no unit ${id}`);
  return u;
};
const goals = units.filter((u) => u.kind === 'goal');
const measures = units.filter((u) => u.kind === 'measure');

/** The hand-made map: goal id → the measure ids that clearly carry it out (with a reason each). */
const map = (JSON.parse(readFileSync(path.join(root, 'tests/fixtures/links/goal-measure-map.json'), 'utf8')) as { goals: Record<string, Record<string, string>> }).goals;
const mapped = Object.entries(map).map(([g, ms]) => ({ goal: `${slug}.${g}`, right: Object.keys(ms).map((m) => `${slug}.${m}`) }));

/** Share of mapped goals with a right measure among their first three links. */
function hitRate(l: Links): { rate: number; misses: string[] } {
  const misses = mapped.filter(({ goal, right }) => !(l.relatedMeasures.get(goal) ?? []).slice(0, 3).some((x) => right.includes(x.id))).map((x) => x.goal);
  return { rate: 1 - misses.length / mapped.length, misses };
}

/** A seeded shuffle (mulberry32), so a failure can be reproduced. */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The units with the wording of each domain's measures moved to other measure ids: id → the id whose wording it now has. */
function permuteMeasureTexts(seed: number): { units: Unit[]; source: Map<string, string> } {
  const source = new Map<string, string>();
  const byDomain = new Map<string, Unit[]>();
  for (const m of measures) byDomain.set(domainKey(m), [...(byDomain.get(domainKey(m)) ?? []), m]);
  for (const [, ms] of byDomain) {
    const from = shuffled(ms, seed);
    ms.forEach((m, i) => source.set(m.id, (from[i] as Unit).id));
  }
  const moved = units.map((u) => {
    const from = source.get(u.id);
    if (from === undefined) return u;
    const f = unit(from);
    return { ...u, title: f.title, text: f.text, lines: f.lines };
  });
  return { units: moved, source };
}

const plain = (l: Links) => ({
  relatedMeasures: Object.fromEntries(l.relatedMeasures),
  relatedGoals: Object.fromEntries(l.relatedGoals),
  counterpartDomain: Object.fromEntries(l.counterpartDomain),
  seeAlso: Object.fromEntries(l.seeAlso),
});

describe('the hand-made goal → measure map', () => {
  it('covers at least 25 goals in at least 6 domains of both plans, each pair in one domain', () => {
    expect(mapped.length).toBeGreaterThanOrEqual(25);
    const domains = new Set(mapped.map(({ goal }) => domainKey(unit(goal))));
    expect(domains.size).toBeGreaterThanOrEqual(6);
    expect(new Set(mapped.map(({ goal }) => unit(goal).planTitle)).size).toBe(2);
    for (const { goal, right } of mapped) {
      expect(unit(goal).kind).toBe('goal');
      expect(right.length).toBeGreaterThan(0);
      for (const m of right) {
        expect(unit(m).kind, m).toBe('measure');
        expect(domainKey(unit(m)), `${goal} → ${m}`).toBe(domainKey(unit(goal)));
      }
    }
  });
});

describe('goal → measures', () => {
  it('gives every goal 1–6 measures of its own domain, best first, and nothing else', () => {
    expect([...links.relatedMeasures.keys()].sort()).toEqual(goals.map((g) => g.id).sort());
    for (const g of goals) {
      const list = links.relatedMeasures.get(g.id) ?? [];
      expect(list.length, g.id).toBeGreaterThanOrEqual(1);
      expect(list.length, g.id).toBeLessThanOrEqual(6);
      expect(new Set(list.map((l) => l.id)).size).toBe(list.length);
      for (const l of list) {
        expect(unit(l.id).kind).toBe('measure');
        expect(domainKey(unit(l.id)), `${g.id} → ${l.id}`).toBe(domainKey(g));
      }
      expect(list.map((l) => l.score)).toEqual([...list.map((l) => l.score)].sort((a, b) => b - a));
    }
  });

  it('links measures back to exactly the goals that list them, best first', () => {
    expect([...links.relatedGoals.keys()].sort()).toEqual(measures.map((m) => m.id).sort());
    const expected = new Map<string, Link[]>(measures.map((m) => [m.id, []]));
    for (const [g, list] of links.relatedMeasures) for (const l of list) expected.get(l.id)?.push({ id: g, score: l.score, shared: l.shared });
    for (const [m, list] of links.relatedGoals) {
      expect(new Set(list.map((l) => l.id)), m).toEqual(new Set((expected.get(m) ?? []).map((l) => l.id)));
      for (const l of list) {
        const forward = links.relatedMeasures.get(l.id)?.find((x) => x.id === m);
        expect(forward, `${m} ← ${l.id}`).toBeDefined();
        expect(l.score).toBe(forward?.score);
      }
      expect(list.map((l) => l.score)).toEqual([...list.map((l) => l.score)].sort((a, b) => b - a));
    }
    // Most measures carry out some goal.
    expect([...links.relatedGoals.values()].filter((l) => l.length > 0).length).toBeGreaterThan(measures.length * 0.8);
  });

  it('ranks a right measure among the first three links for at least 90% of the hand-mapped goals', () => {
    const { rate, misses } = hitRate(links);
    console.log(`links hit rate (a right measure in the first 3): ${(rate * 100).toFixed(1)}% of ${mapped.length} hand-mapped goals${misses.length ? `; misses: ${misses.join(', ')}` : ''}`);
    expect(rate).toBeGreaterThanOrEqual(0.9);
  });

  it('fails the map when the measures wording is moved to other ids (the check has teeth)', () => {
    const { units: moved } = permuteMeasureTexts(7);
    const { rate } = hitRate(computeLinks(moved));
    console.log(`hit rate with measure wording shuffled among ids: ${(rate * 100).toFixed(1)}%`);
    expect(rate).toBeLessThan(0.6);
  });
});

describe('links come from the text, never from position', () => {
  it('gives the same links for the units in another order', () => {
    const reordered = computeLinks(shuffled(units, 42));
    expect(plain(reordered)).toEqual(plain(links));
  });

  it('follows the wording when the measures of a domain are renumbered', () => {
    const { units: moved, source } = permuteMeasureTexts(11);
    const after = computeLinks(moved);
    const newIdOf = new Map([...source].map(([id, from]) => [from, id]));
    for (const g of goals) {
      const want = (links.relatedMeasures.get(g.id) ?? []).map((l) => ({ ...l, id: newIdOf.get(l.id) }));
      expect(after.relatedMeasures.get(g.id), g.id).toEqual(want);
    }
  });
});

describe('shared terms', () => {
  const all: [string, Link][] = [
    ...[...links.relatedMeasures].flatMap(([id, list]) => list.map((l): [string, Link] => [id, l])),
    ...[...links.seeAlso].flatMap(([id, list]) => list.map((l): [string, Link] => [id, l])),
  ];

  it('occur in both texts, 1–4 of them, none inside another', () => {
    expect(all.length).toBeGreaterThan(200);
    for (const [from, l] of all) {
      const a = normalize(unit(from).text);
      const b = normalize(unit(l.id).text);
      if (l.score > 0) expect(l.shared.length, `${from} → ${l.id}`).toBeGreaterThanOrEqual(1);
      expect(l.shared.length).toBeLessThanOrEqual(4);
      for (const t of l.shared) {
        expect(a, `${from} → ${l.id}: ${t}`).toContain(t);
        expect(b, `${from} → ${l.id}: ${t}`).toContain(t);
        for (const u of l.shared) if (u !== t) expect(u.includes(t), `${t} inside ${u}`).toBe(false);
      }
    }
  });

  it('are telling, not the words every clause uses', () => {
    for (const [, l] of all) for (const t of l.shared) expect(['妇女', '儿童', '加强', '推进', '完善', '提高', '发展', '服务']).not.toContain(t);
    expect(links.relatedMeasures.get(`${slug}.p1.d1.g3`)?.[0]).toMatchObject({ id: `${slug}.p1.d1.m5` });
    expect(links.relatedMeasures.get(`${slug}.p1.d1.g3`)?.[0]?.shared.slice(0, 2).sort()).toEqual(['乳腺癌', '宫颈癌']);
    expect(links.relatedMeasures.get(`${slug}.p2.d1.g6`)?.[0]?.shared).toContain('免疫规划');
  });
});

describe('counterpart domains', () => {
  it('pairs the domains of the two plans by topic, one to one', () => {
    const women = `${slug}.p1`;
    const children = `${slug}.p2`;
    const pairs: [string, string | null][] = [
      ['妇女与健康', '儿童与健康'],
      ['妇女与教育', '儿童与教育'],
      ['妇女与经济', null],
      ['妇女参与决策和管理', null],
      ['妇女与社会保障', '儿童与福利'],
      ['妇女与家庭建设', '儿童与家庭'],
      ['妇女与环境', '儿童与环境'],
      ['妇女与法律', '儿童与法律保护'],
    ];
    const want = new Map<string, string | null>();
    for (const [w, c] of pairs) {
      want.set(`${women}/${w}`, c === null ? null : `${children}/${c}`);
      if (c !== null) want.set(`${children}/${c}`, `${women}/${w}`);
    }
    want.set(`${children}/儿童与安全`, null);
    expect(Object.fromEntries(links.counterpartDomain)).toEqual(Object.fromEntries(want));
  });
});

describe('in a library', () => {
  // The seed and a copy of it under another slug and 文号: plans of the same titles, two documents.
  const other = 'copy-of-seed';
  const copy = new TextDecoder().decode(seedBytes).replace(/洛政〔2022〕62号/g, '洛政〔2023〕5号');
  const both = enrich([parse(decode(seedFile, seedBytes), slug), parse(decode('copy.txt', new TextEncoder().encode(copy)), other)], 'https://plans.example.org');
  const library = computeLinks(both.units);

  it('links each unit within its own document only, as if it stood alone', () => {
    for (const key of ['relatedMeasures', 'relatedGoals', 'seeAlso'] as const) {
      for (const [id, list] of library[key]) for (const l of list) expect(docSlugOf(l.id), `${key} of ${id}`).toBe(docSlugOf(id));
      for (const [id, list] of links[key]) expect(library[key].get(id), `${key} of ${id}`).toEqual(list);
    }
    for (const [key, value] of library.counterpartDomain) expect(value === null || value.startsWith(docSlugOf(key))).toBe(true);
    expect(library.counterpartDomain.get(`${other}.p1/妇女与健康`)).toBe(`${other}.p2/儿童与健康`);
  });
});

describe('see also', () => {
  it('links up to 3 units of the other plan, best first', () => {
    for (const [id, list] of links.seeAlso) {
      expect(list.length).toBeLessThanOrEqual(3);
      for (const l of list) expect(unit(l.id).planTitle).not.toBe(unit(id).planTitle);
      expect(list.map((l) => l.score)).toEqual([...list.map((l) => l.score)].sort((a, b) => b - a));
    }
    expect([...links.seeAlso.values()].filter((l) => l.length > 0).length).toBeGreaterThan(60);
  });

  it('finds the same targets in both plans', () => {
    const first = (id: string) => links.seeAlso.get(`${slug}.${id}`)?.[0];
    // 高中阶段教育毛入学率达到并保持在96%以上 in both plans.
    expect(first('p1.d2.g5')).toMatchObject({ id: `${slug}.p2.d3.g5` });
    expect(first('p1.d2.g5')?.shared).toContain('96%');
    // 九年义务教育巩固率 97%.
    expect(first('p1.d2.g4')?.id).toBe(`${slug}.p2.d3.g4`);
    // 农村自来水普及率力争达到93%.
    expect(first('p1.d7.g6')).toMatchObject({ id: `${slug}.p2.d6.g7` });
    expect(first('p1.d7.g6')?.shared).toContain('93%');
    // 死亡率 targets of the health domains.
    expect(first('p2.d1.g3')?.id).toBe(`${slug}.p1.d1.g2`);
  });
});
