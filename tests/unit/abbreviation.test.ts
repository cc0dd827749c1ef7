import { describe, expect, it } from 'vitest';
import { isShortForm, longForms, onlyAcrossWords, rankLongForms, windows } from '../../src/search/abbreviation';
import { chineseWords, type Segment } from '../../src/text/segmenter';
import { streamChars } from '../../src/search/tokens';
import { normalize } from '../../src/text/normalize';
import { seedLines } from './helpers';

const segment = chineseWords() as Segment;
const chars = (s: string) => streamChars(normalize(s));

/** Where each character of `query` stands in `stream`, as the index gives it. */
function positions(stream: readonly string[], query: readonly string[]): number[][] {
  return query.map((ch) => stream.flatMap((c, i) => (c === ch ? [i] : [])));
}

/** The long forms of `query` in one text, as the engine finds them (positions, then the text). */
function formsIn(text: string, query: string): string[] {
  const stream = chars(text);
  return longForms(stream, windows(positions(stream, chars(query))), segment).map((f) => f.text);
}

describe('short forms', () => {
  it('are two to six Chinese characters', () => {
    expect(isShortForm(chars('家暴'))).toBe(true);
    expect(isShortForm(chars('妇保院'))).toBe(true);
    expect(isShortForm(chars('家'))).toBe(false);
    expect(isShortForm(chars('妇女权益法'))).toBe(true);
    expect(isShortForm(chars('两癌筛查复查工作'))).toBe(false);
    expect(isShortForm(chars('HPV'))).toBe(false);
    expect(isShortForm(chars('5岁'))).toBe(false);
  });

  it('find the characters in order, each at most three characters after the one before', () => {
    expect(windows([[0, 10], [2, 3, 14, 20]])).toEqual([[0, 2], [0, 3], [10, 14]]);
    expect(windows([[5], [1, 2]])).toEqual([]); // the second before the first
    expect(windows([[0], [2], [6]])).toEqual([[0, 2, 6]]);
    expect(windows([[0], [2], [7]])).toEqual([]);
    expect(windows([[0], []])).toEqual([]);
  });

  it('widen what they mark to whole words', () => {
    expect(formsIn('预防和制止家庭暴力。', '家暴')).toEqual(['家庭暴力']);
    expect(formsIn('开展婚前医学检查。', '婚检')).toEqual(['婚前医学检查']);
    expect(formsIn('完善最低生活保障制度。', '低保')).toEqual(['最低生活保障']);
    expect(formsIn('加强妇幼保健院建设。', '妇保院')).toEqual(['妇幼保健院']);
  });

  it('never cross punctuation or a function word, nor take the query itself across two words', () => {
    expect(formsIn('改善医疗和保健服务。', '医保')).toEqual([]);
    expect(formsIn('提高医疗，保健水平。', '医保')).toEqual([]);
    expect(formsIn('特别是教育部门', '特教')).toEqual([]);
    expect(formsIn('开展爱国主义教育。', '义教')).toEqual([]);
  });

  it('say how well the query fits: the span, and how many of its characters begin a word', () => {
    const stream = chars('开展婚前医学检查');
    expect(longForms(stream, windows(positions(stream, chars('婚检'))), segment)).toEqual([{ text: '婚前医学检查', span: 5, initials: 2 }]);
  });

  it('rank forms by initials, then fit, then how many units hold them, and drop loose fits', () => {
    const ranked = rankLongForms([
      [{ text: '妇女权益保障', span: 5, initials: 2 }, { text: '妇女保健', span: 3, initials: 2 }],
      [{ text: '妇女保健', span: 3, initials: 2 }, { text: '产妇围产保健', span: 4, initials: 1 }],
      [{ text: '妇女保护', span: 3, initials: 2 }],
    ]);
    expect(ranked).toEqual([
      { text: '妇女保健', span: 3, initials: 2, units: 2 },
      { text: '妇女保护', span: 3, initials: 2, units: 1 },
      { text: '产妇围产保健', span: 4, initials: 1, units: 1 },
    ]);
    expect(rankLongForms([])).toEqual([]);
  });

  it('find the long forms the plan itself uses', () => {
    // Each line of the seed as a unit, as the engine reads units: the long forms across them.
    const units = seedLines.map(chars);
    const longFormsOf = (query: string) => {
      const q = chars(query);
      return rankLongForms(units.map((u) => longForms(u, windows(positions(u, q)), segment))).map((f) => f.text);
    };
    expect(longFormsOf('公卫')).toEqual(['公共卫生']);
    expect(longFormsOf('义教')[0]).toBe('义务教育');
    expect(longFormsOf('家暴')[0]).toBe('家庭暴力');
    expect(longFormsOf('婚检')).toContain('婚前医学检查');
  });
});

describe('a query across two words', () => {
  it('is one that begins inside a word and ends inside the next', () => {
    expect(onlyAcrossWords(chars('开展爱国主义教育'), chars('义教'), segment)).toBe(true);
    expect(onlyAcrossWords(chars('保障义务教育'), chars('义务'), segment)).toBe(false);
    expect(onlyAcrossWords(chars('关爱留守儿童'), chars('儿童'), segment)).toBe(false);
    expect(onlyAcrossWords(chars('关爱留守儿童'), chars('家暴'), segment)).toBe(false);
  });
});
