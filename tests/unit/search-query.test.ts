import { describe, expect, it } from 'vitest';
import { excerpt, matchRanges } from '../../src/search/highlight';
import { contentWords, parseQuery, passages, pastedLength, splitWords } from '../../src/search/query';
import { glossary } from '../../src/build/08-search-index/glossary-file';

describe('parseQuery', () => {
  it('keeps Chinese without spaces as one term, and splits on spaces', () => {
    expect(parseQuery('安全头盔', null).terms.map((t) => t.text)).toEqual(['安全头盔']);
    expect(parseQuery('儿童  近视\u3000防控', null).terms.map((t) => t.text)).toEqual(['儿童', '近视', '防控']);
  });

  it('takes quoted phrases whole, in ASCII, curly and corner quotes', () => {
    for (const q of ['"家庭 教育"', '“家庭教育”', '「家庭教育」', '『家庭教育』', '＂家庭教育＂']) {
      expect(parseQuery(q, null).terms, q).toMatchObject([{ text: '家庭教育', quoted: true }]);
    }
    expect(parseQuery('"家庭教育" 指导', null).terms.map((t) => [t.text, t.quoted])).toEqual([['家庭教育', true], ['指导', false]]);
  });

  it('normalizes width and traditional characters, and keeps numbers with their units', () => {
    expect(parseQuery('５．０‰', null).terms.map((t) => t.text)).toEqual(['5.0‰']);
    expect(parseQuery('兒童 １小時', null).terms.map((t) => t.text)).toEqual(['儿童', '1小时']);
    expect(parseQuery('12/10万', null).terms.map((t) => t.text)).toEqual(['12/10万']);
  });

  it('drops punctuation-only terms, repeats and unmatched quotes', () => {
    expect(parseQuery('，。 儿童 儿童 "', null).terms.map((t) => t.text)).toEqual(['儿童']);
    expect(parseQuery('   ', null).terms).toEqual([]);
  });

  it('attaches glossary alternatives', () => {
    expect(parseQuery('妇联', glossary).terms[0]?.alternatives).toContain('妇女联合会');
    expect(parseQuery('家暴', glossary).terms[0]?.alternatives).toContain('家庭暴力');
    expect(parseQuery('校外活动场所', glossary).terms[0]?.alternatives).toEqual([]);
    expect(parseQuery('电动车头盔', glossary).terms[0]?.alternatives).toContain('安全头盔');
  });

  it('takes text longer than pastedLength characters as it stands, with the equivalents of its own entry only', () => {
    const pasted = '充分发挥妇联组织作用并加强妇联组织建设和妇女工作';
    expect([...pasted].length).toBeGreaterThan(pastedLength);
    expect(parseQuery(pasted, glossary).terms).toMatchObject([{ text: pasted, alternatives: [] }]);
    expect(parseQuery(pasted.slice(0, pastedLength), glossary).terms[0]?.alternatives).toContain(pasted.slice(0, pastedLength).replace('妇联', '妇女联合会'));
    const long = glossary.termsLongestFirst.find((t) => [...t].length > pastedLength && t.includes('医疗保险'));
    expect(long).toBeDefined();
    expect(parseQuery(long ?? '', glossary).terms[0]?.alternatives).toEqual(glossary.entries[glossary.byTerm.get(long ?? '') ?? -1]?.terms.filter((t) => t !== long));
    // Not the copies of it with a contained term swapped (生育保险 → 生育险).
    expect(parseQuery(long ?? '', glossary).terms[0]?.alternatives).not.toContain((long ?? '').replace('生育保险', '生育险'));
  });
});

describe('passages', () => {
  it('takes the first and last pieces of long pasted text between punctuation', () => {
    expect(passages('依法加强劳动人事争议调解仲裁工作,切实保障妇女合法权益。健全妇联组织')).toEqual(['依法加强劳动人事争议调解仲裁工作', '健全妇联组织']);
    expect(passages('天地,一二三四五,六七八九十一二,甲乙丙丁子丑寅卯,辰巳')).toEqual(['一二三四五', '甲乙丙丁子丑寅卯']);
  });

  it('halves long text without punctuation, and leaves short text alone', () => {
    expect(passages('加强儿童家庭教育指导服务体系建设推进家庭教育立法')).toEqual(['加强儿童家庭教育指导服务', '体系建设推进家庭教育立法']);
    expect(passages('加强儿童家庭教育指导服务体系建设')).toEqual([]);
  });
});

describe('splitWords', () => {
  it('splits a phrase into its words, dropping one-character particles', () => {
    expect(splitWords('妇女就业歧视')).toEqual(['妇女', '就业', '歧视']);
    expect(splitWords('安全')).toEqual([]);
  });

  it('gives the content words of a term even when there is only one, but never the term itself', () => {
    expect(contentWords('防沉迷')).toEqual(['沉迷']);
    expect(contentWords('妇女就业歧视')).toEqual(['妇女', '就业', '歧视']);
    expect(contentWords('安全')).toEqual([]);
    expect(splitWords('防沉迷')).toEqual([]);
  });
});

describe('highlighting', () => {
  it('marks exactly the original characters a normalized needle matched', () => {
    const text = '新生儿死亡率降至３.0‰、5.0‰以下。';
    const ranges = matchRanges(text, ['5.0‰']);
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['5.0‰']);
    expect(matchRanges('提高兒童健康', ['儿童']).map((r) => [r.start, r.end])).toEqual([[2, 4]]);
  });

  it('merges overlapping matches and finds every occurrence', () => {
    const text = '家庭教育，家庭教育指导';
    expect(matchRanges(text, ['家庭教育', '教育指导']).map((r) => text.slice(r.start, r.end))).toEqual(['家庭教育', '家庭教育指导']);
  });

  it('cuts an excerpt around the first match with the match marked', () => {
    const text = `${'甲'.repeat(100)}。关键词在这里${'乙'.repeat(100)}`;
    const ex = excerpt(text, matchRanges(text, ['关键词']), 40);
    expect(ex.clippedStart).toBe(true);
    expect(ex.clippedEnd).toBe(true);
    expect(ex.pieces.filter((p) => p.mark).map((p) => p.text)).toEqual(['关键词']);
    expect(ex.pieces.map((p) => p.text).join('')).toContain('关键词在这里');
  });
});
