import { describe, expect, it } from 'vitest';
import { levels, rank, termLevel, type Candidate } from '../../src/lib/search/rank';
import { charCode, indexTokens, queryTokens, runStarts, streamChars } from '../../src/lib/search/tokens';

/** A candidate as the engine builds it: per string, the runs among the positions the index reports. */
function candidate(key: string, text: string, terms: { text: string; alternatives: string[] }[], titleLength = 0, order = 0): Candidate {
  const stream = indexTokens(streamChars(text));
  const lookup = (s: string) => {
    const tokens = queryTokens(streamChars(s));
    const positions = stream.flatMap((t, i) => (tokens.some((q) => t.startsWith(q)) ? [i] : []));
    return runStarts(positions, tokens.length);
  };
  return {
    key,
    order,
    titleLength,
    terms: terms.map((t) => {
      const matches = new Map<string, number[]>();
      for (const s of [t.text, ...t.alternatives]) {
        const starts = lookup(s);
        if (starts.length > 0) matches.set(s, starts);
      }
      return matches.size > 0 ? { matches } : undefined;
    }),
    whole: terms.length > 1 ? lookup(terms.map((t) => t.text).join('')) : undefined,
  };
}

describe('tokens', () => {
  it('gives every character a fixed-width code and one token per position', () => {
    expect(charCode('妇')).toHaveLength(4);
    expect(charCode('𠀀')).toHaveLength(4);
    expect(indexTokens(['妇', '女', '发'])).toEqual([charCode('妇') + charCode('女'), charCode('女') + charCode('发'), charCode('发')]);
    expect(streamChars('通    知\n书')).toEqual(['通', '知', '书']);
  });

  it('asks for bigrams, or one code for a single character', () => {
    expect(queryTokens(['儿', '童', '期'])).toEqual([charCode('儿') + charCode('童'), charCode('童') + charCode('期')]);
    expect(queryTokens(['儿'])).toEqual([charCode('儿')]);
  });

  it('finds occurrences as runs of adjacent matched positions', () => {
    expect(runStarts([3, 4, 5, 9, 10], 3)).toEqual([3]);
    expect(runStarts([3, 4, 5, 6], 3)).toEqual([3, 4]);
    expect(runStarts([1, 7], 1)).toEqual([1, 7]);
    expect(runStarts([1, 3, 5], 2)).toEqual([]);
  });
});

describe('ranking', () => {
  const term = (text: string, alternatives: string[] = []) => ({ text, alternatives });

  it('keeps units holding the term, not units holding its characters in another order', () => {
    const t = [term('家庭教育')];
    const ranked = rank(t, [
      candidate('scattered', '教育家庭，家育庭教。', t, 0, 0),
      candidate('exact', '加强家庭教育指导服务。', t, 0, 1),
    ]);
    expect(ranked.map((r) => r.key)).toEqual(['exact']);
    expect(ranked[0]?.level).toBe(levels.exact);
  });

  it('puts a match in the title above one in the text', () => {
    const t = [term('心理健康')];
    const ranked = rank(t, [
      candidate('body', '加强宣传。关注儿童心理健康问题。', t, 4, 0),
      candidate('title', '促进儿童心理健康。开展服务。', t, 8, 1),
    ]);
    expect(ranked.map((r) => r.key)).toEqual(['title', 'body']);
  });

  it('ranks the term itself above a glossary equivalent', () => {
    const t = [term('妇联', ['妇女联合会'])];
    const ranked = rank(t, [
      candidate('long', '发挥妇女联合会作用。', t, 0, 0),
      candidate('short', '各级妇联要积极参与。', t, 0, 1),
    ]);
    expect(ranked.map((r) => r.key)).toEqual(['short', 'long']);
    expect(termLevel(t[0]!, candidate('long', '发挥妇女联合会作用。', t).terms[0], 0).level).toBe(levels.alternative);
  });

  it('needs every term, and puts the terms run together first', () => {
    const t = [term('儿童'), term('近视')];
    const ranked = rank(t, [
      candidate('apart', '儿童的视力，防控近视。', t, 0, 0),
      candidate('together', '做好儿童近视防控。', t, 0, 1),
      candidate('one', '儿童健康。', t, 0, 2),
    ]);
    expect(ranked.map((r) => r.key)).toEqual(['together', 'apart']);
    expect(ranked[0]?.whole).toBe(true);
  });

  it('breaks ties by occurrences, then position, then document order', () => {
    const t = [term('安全')];
    const ranked = rank(t, [
      candidate('once-late', '保障儿童的安全。', t, 0, 0),
      candidate('twice', '安全第一，安全教育。', t, 0, 1),
      candidate('once-early', '安全教育。', t, 0, 2),
      candidate('once-early-later-doc', '安全出行。', t, 0, 3),
    ]);
    expect(ranked.map((r) => r.key)).toEqual(['twice', 'once-early', 'once-early-later-doc', 'once-late']);
  });
});
