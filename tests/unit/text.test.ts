// The text helpers every layer shares (src/text/): numerals, sentence rules, the segmenter.
import { describe, expect, it } from 'vitest';
import { chineseNumeral, numeralValue, yearDigits } from '../../src/text/numerals';
import { firstSentence, lastSentenceStart, sentenceEnds, sentences } from '../../src/text/sentences';
import { chineseWords, requireChineseWords } from '../../src/text/segmenter';
import { maxShortTitle, shortTitle } from '../../src/text/short-title';
import { noBreakRuns } from '../../src/text/no-break';
import { seedLines } from './helpers';

describe('numerals', () => {
  it('writes and reads back every number from 1 to 99', () => {
    for (let n = 1; n < 100; n++) expect(numeralValue(chineseNumeral(n)), String(n)).toBe(n);
    expect([1, 10, 11, 20, 29, 99].map(chineseNumeral)).toEqual(['一', '十', '十一', '二十', '二十九', '九十九']);
  });

  it('reads Arabic digits, ASCII or full-width, and nothing else', () => {
    expect(['12', '１２', '7'].map(numeralValue)).toEqual([12, 12, 7]);
    expect(['', '十十', '百', '一二', 'x', '十一二', '1.'].map(numeralValue)).toEqual([null, null, null, null, null, null, null]);
  });

  it('reads a year digit by digit', () => {
    expect(['2022', '二〇二二', '二零二一', '二〇二x'].map(yearDigits)).toEqual(['2022', '2022', '2021', null]);
  });
});

describe('sentence rules', () => {
  it('cuts a clause after 。！？；; and at line ends, keeping each sentence verbatim', () => {
    const text = '甲负责；乙配合。\n  丙报告！丁？';
    expect(sentences(text)).toEqual(['甲负责；', '乙配合。', '  丙报告！', '丁？']);
    for (const line of seedLines) expect(sentences(line).join('')).toBe(line.trim() === '' ? '' : line);
  });

  it('takes a title up to 。！？ but not ；', () => {
    expect(firstSentence('加强组织领导；完善机制。其余')).toBe('加强组织领导；完善机制');
    expect(firstSentence('没有句号')).toBe('没有句号');
  });

  it('starts an excerpt after its rule’s last mark', () => {
    expect(lastSentenceStart('前句。后句；末尾')).toBe('前句。后句；'.length);
    expect(lastSentenceStart('一行\n下一行')).toBe(3);
    expect(lastSentenceStart('没有标点')).toBe(-1);
  });

  it('names three rules that differ', () => {
    expect(new Set(Object.values(sentenceEnds)).size).toBe(3);
  });
});

describe('the segmenter', () => {
  it('cuts Chinese into words', () => {
    const segment = requireChineseWords();
    expect(chineseWords()).toBeDefined();
    expect([...segment('妇女儿童发展规划')].filter((s) => s.isWordLike === true).map((s) => s.segment).join('|')).toBe('妇女|儿童|发展|规划');
  });
});

describe('short titles', () => {
  it('are a clause’s first phrase, made only of its own characters, at most 40 of them', () => {
    expect(shortTitle('孕产妇死亡率下降到12/10万以下，城乡差距缩小。')).toBe('孕产妇死亡率下降到12/10万以下');
    expect(shortTitle('加强组织领导。完善机制')).toBe('加强组织领导');
    const long = '完善保障妇女平等获得经济资源、参与经济建设、享有经济发展成果的法规政策。';
    const cut = shortTitle(long);
    expect([...cut].length).toBeLessThanOrEqual(maxShortTitle);
    expect(long.startsWith(cut)).toBe(true);
    expect(cut.length).toBeGreaterThan(20);
    for (const line of seedLines.filter((l) => /^\s*\d+[.．]/.test(l))) {
      const text = line.trim().replace(/^\d+[.．、]\s*/, '');
      const title = shortTitle(text);
      expect(title.length, line).toBeGreaterThan(0);
      expect(text.startsWith(title), line).toBe(true);
    }
  });
});

describe('runs a line must not break inside', () => {
  it('are a period in brackets and numeric ranges with their unit, and join back to the text', () => {
    const text = '根据《洛阳市儿童发展规划（2021—2030年）》，为0—6岁儿童和3～6周岁幼儿，35—45岁妇女，2021-2025年。';
    const runs = noBreakRuns(text);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(runs.filter((r) => r.keep).map((r) => r.text)).toEqual(['（2021—2030年）', '0—6岁', '3～6周岁', '35—45岁']);
    expect(noBreakRuns('')).toEqual([{ text: '', keep: false }]);
    expect(noBreakRuns('没有范围')).toEqual([{ text: '没有范围', keep: false }]);
  });

  it('join back to every line of the seed', () => {
    for (const line of seedLines) expect(noBreakRuns(line).map((r) => r.text).join('')).toBe(line);
    expect(seedLines.some((line) => noBreakRuns(line).some((r) => r.keep))).toBe(true);
  });
});
