import { describe, expect, it } from 'vitest';
import { levels, rank, termLevel, type Candidate } from '../../src/search/rank';
import { charCode, chunkRange, confirmed, gramLength, indexTokens, lookupPieces, maxCompletePieces, occurrences, queryPieces, streamChars } from '../../src/search/tokens';

/** Where a string occurs in a text, found as the engine finds it: the index words each piece begins. */
function find(text: string, s: string): number[] {
  const chars = streamChars(text);
  const stream = indexTokens(chars);
  const needle = streamChars(s);
  const { pieces, complete } = lookupPieces(needle);
  const starts = occurrences(
    pieces,
    pieces.map((piece) => stream.flatMap((t, i) => (t.startsWith(piece.token) ? [i] : []))),
  );
  return complete ? starts : confirmed(chars, needle, starts);
}

/** A candidate as the engine builds it: per string, where it occurs. */
function candidate(key: string, text: string, terms: { text: string; alternatives: string[] }[], titleLength = 0, order = 0): Candidate {
  const lookup = (s: string) => find(text, s);
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
  it('gives every character a prefix-free code and one n-gram token per position', () => {
    expect(charCode('妇')).toHaveLength(3);
    expect(charCode('a')).toHaveLength(3);
    expect(charCode('𠀀')).toHaveLength(5);
    expect(charCode('𠀀').startsWith('z')).toBe(true);
    // No three-digit code starts with the escape, so no code is a prefix of another.
    expect(charCode('\uffff')).toHaveLength(5);
    expect(charCode(String.fromCodePoint(36 ** 2 * 35 - 1))).toBe('yzz');
    const chars = [...'妇女发展规划纲要全文'];
    const tokens = indexTokens(chars);
    expect(tokens).toHaveLength(chars.length);
    expect(tokens[0]).toBe(chars.slice(0, gramLength).map(charCode).join(''));
    expect(tokens.at(-1)).toBe(charCode('文'));
    expect(streamChars('通    知\n书')).toEqual(['通', '知', '书']);
  });

  it('looks a string up in pieces of up to gramLength characters', () => {
    expect(queryPieces([...'儿童'])).toEqual([{ offset: 0, token: charCode('儿') + charCode('童') }]);
    const long = [...'加强儿童家庭教育指导服务体系建设'];
    expect(queryPieces(long).map((p) => p.offset)).toEqual(Array.from({ length: Math.ceil(long.length / gramLength) }, (_, i) => i * gramLength));
    expect(queryPieces([...'儿童友好']).map((p) => p.token)).toEqual([charCode('儿') + charCode('童'), charCode('友') + charCode('好')].map((t) => t.slice(0, 3 * gramLength)));
    expect(queryPieces([...'儿童友']).at(-1)).toEqual({ offset: 2, token: charCode('友') });
    expect(queryPieces([])).toEqual([]);
  });

  it('finds a string exactly where it starts, inside words, and long strings piece by piece', () => {
    const text = '加强家庭教育指导。推进家庭教育立法，健全家庭教育指导服务体系。';
    expect(find(text, '家庭教育')).toEqual([2, 11, 20]);
    expect(find(text, '庭教')).toEqual([3, 12, 21]);
    expect(find(text, '家')).toEqual([2, 11, 20]);
    expect(find(text, '健全家庭教育指导服务体系')).toEqual([18]);
    expect(find(text, '健全家庭教育指导立法')).toEqual([]);
    expect(find(text, '体系。')).toEqual([28]);
    expect(find(text, '系。加')).toEqual([]);
  });

  it('looks a long string up by its first and last pieces, and checks the middle in the text', () => {
    const upTo = [...'加强儿童家庭教育指导服务体系建设推进家庭教育立法工作健全家庭教育指导'].slice(0, gramLength * maxCompletePieces);
    expect(upTo).toHaveLength(gramLength * maxCompletePieces);
    expect(lookupPieces(upTo)).toEqual({ pieces: queryPieces(upTo), complete: true });
    const pasted = [...'加强儿童家庭教育指导服务体系建设，推进家庭教育立法工作，健全家庭教育指导服务网络'];
    const { pieces, complete } = lookupPieces(pasted);
    expect(complete).toBe(false);
    expect(pieces).toEqual([queryPieces(pasted)[0], { offset: pasted.length - gramLength, token: pasted.slice(-gramLength).map(charCode).join('') }]);
    const text = '一、加强儿童家庭教育指导服务体系建设，推进家庭教育立法工作，健全家庭教育指导服务网络。';
    expect(find(text, pasted.join(''))).toEqual([2]);
    // Same first and last characters at the same distance, another middle: not a match.
    expect(find('一、加强儿童家庭教育指导工作机制建设，推进家庭教育立法工作，健全家庭教育指导服务网络。', pasted.join(''))).toEqual([]);
    expect(confirmed([...'甲乙丙甲乙丁'], [...'甲乙丁'], [0, 3, 9, -1])).toEqual([3]);
  });

  it('joins pieces only where they follow each other', () => {
    const pieces = queryPieces([...'一二三四']);
    expect(pieces.map((p) => p.offset)).toEqual([0, gramLength]);
    expect(occurrences(pieces, [[0, 30], [gramLength, 50]])).toEqual([0]);
    expect(occurrences(pieces, [[0, 30], []])).toEqual([]);
  });
});

describe('chunkRange', () => {
  // Chunks begin at these words; chunk i holds [starts[i], starts[i + 1]).
  const starts = ['0', '0ab', '0ac', '0b', '1', 'q'];

  it('gives the chunk a token falls in, and every later chunk its extensions can reach', () => {
    expect(chunkRange('0a', starts)).toEqual([0, 1, 2]); // 0a…: the end of chunk 0, then 0ab…, 0ac…
    expect(chunkRange('0ab', starts)).toEqual([1]);
    expect(chunkRange('0abz', starts)).toEqual([1]);
    expect(chunkRange('0b', starts)).toEqual([3]);
    expect(chunkRange('0', starts)).toEqual([0, 1, 2, 3]);
    expect(chunkRange('zz', starts)).toEqual([5]);
  });

  it('gives nothing for a token no chunk can hold', () => {
    expect(chunkRange('0', ['1', '2'])).toEqual([]);
    expect(chunkRange('0', [])).toEqual([]);
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

  it('among equivalents, ranks the one the glossary lists first above the later ones', () => {
    const t = [term('补习班', ['校外培训机构', '社会培训机构'])];
    const ranked = rank(t, [
      candidate('second', '社会培训机构。加强社会培训机构监管。', t, 0, 0),
      candidate('first', '全面规范管理校外培训机构。', t, 0, 1),
    ]);
    expect(ranked.map((r) => [r.key, r.distance])).toEqual([['first', 1], ['second', 2]]);
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
