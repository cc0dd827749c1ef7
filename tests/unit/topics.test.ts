// The everyday topics (src/data/topics.json): the file is checked, every topic lists exactly the
// clauses holding its terms, and a term no clause holds stops the build.
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/build/02-decode/decode';
import { parse } from '../../src/build/03-parse/parse';
import { enrich } from '../../src/build/05-enrich/enrich';
import { loadTopics, topics, topicsContent } from '../../src/build/06-analysis/topics';
import { seedBytes, seedFile } from './helpers';

const site = enrich([parse(decode(seedFile, seedBytes), 'luozheng-2022-62')], 'https://example.org');
const flat = (s: string) => s.normalize('NFKC').replace(/\s/gu, '');

describe('topics', () => {
  it('has at least 12, each listing every goal, measure and item that holds one of its terms, in document order', () => {
    expect(topics.length).toBeGreaterThanOrEqual(12);
    for (const t of topicsContent(site.units, topics)) {
      const expected = site.units.filter((u) => ['goal', 'measure', 'implementation', 'monitoring'].includes(u.kind) && t.terms.some((term) => flat(u.text).includes(flat(term))));
      expect(t.clauses.map((c) => c.id), t.name).toEqual(expected.map((u) => u.id));
      expect(t.clauses.length, t.name).toBeGreaterThan(0);
    }
  });

  it('has every term in a clause of the seeds (the plans’ own wordings), and leaves out a topic no clause touches', () => {
    const content = topicsContent(site.units, topics);
    for (const t of topics) {
      const held = content.find((c) => c.slug === t.slug)?.clauses.flatMap((c) => c.terms) ?? [];
      expect(t.terms.filter((term) => !held.includes(term)), t.name).toEqual([]);
    }
    expect(topicsContent(site.units, [{ slug: 'x', name: '钢琴课', description: '…', terms: ['钢琴'] }])).toEqual([]);
  });

  it('reports a malformed file: a repeated or bad slug, a missing field, a one-character term', () => {
    const load = (topicsList: unknown[]) => () => loadTopics({ topics: topicsList }, 'topics.json');
    const ok = { slug: 'a', name: '甲', description: '说明', terms: ['托育'] };
    expect(load([ok, ok])).toThrow(/topics\[1\]\.slug: "a" is the slug of another topic/);
    expect(load([{ ...ok, slug: 'A b' }])).toThrow(/lower-case letters/);
    expect(load([{ ...ok, name: '' }])).toThrow(/topics\[0\]\.name: expected a non-empty string/);
    expect(load([{ ...ok, terms: ['托'] }])).toThrow(/topics\[0\]\.terms/);
    expect(load([{ ...ok, extra: 1 }])).toThrow(/unknown key "extra"/);
  });
});
