// How people ask (issue 13), the pure parts: a question's filler words, number forms, English
// words, and typing errors corrected by sound. The engine-backed behaviour, on the seed's real
// index, is in search-engine.test.ts; the page's, in tests/e2e/search.spec.ts.
import { describe, expect, it } from 'vitest';
import { decodeEnglish, englishWords, isEnglish, singular, translate } from '../../src/search/english';
import { expansionNote } from '../../src/search/fallbacks';
import { numberForms } from '../../src/search/numbers';
import { parseQuery } from '../../src/search/query';
import { corrections, decodePinyin, nearSound, soundsLike, unambiguous, unknownRuns, type TypoIndex } from '../../src/search/typos';
import { chineseWords } from '../../src/text/segmenter';
import { fillerWords, placesOf, understand } from '../../src/search/understand';

const terms = (q: string, places: string[] = []) => understand(parseQuery(q, null), null, places);

describe('understand', () => {
  it('drops filler and question words, and keeps each run of other words as one term', () => {
    expect(terms('产假有几天')?.query.terms.map((t) => t.text)).toEqual(['产假']);
    expect(terms('产假有几天')?.dropped).toEqual(['有', '几天']);
    expect(terms('女生上大学的比例是多少')?.query.terms.map((t) => t.text)).toEqual(['女生上大学', '比例']);
    // A word the segmenter does not know stays whole.
    expect(terms('母婴式在哪里')?.query.terms.map((t) => t.text)).toEqual(['母婴式']);
  });

  it('drops the horizon years and the place the plans are for', () => {
    const places = placesOf(['某某市妇女发展规划（2021—2030年）', '某某市儿童发展规划（2021—2030年）']);
    expect(places).toEqual(['某某市', '某某']);
    expect(terms('2025年 托位数', places)?.query.terms.map((t) => t.text)).toEqual(['托位数']);
    expect(terms('到2030年托位数', places)?.dropped).toEqual(['到2030年']);
    expect(terms('某某市托育政策', places)?.query.terms.map((t) => t.text)).toEqual(['托育']);
  });

  it('leaves alone a query with nothing to drop, one that is only filler, and quoted text', () => {
    expect(terms('托育服务')).toBeNull();
    expect(terms('什么')).toBeNull();
    expect(terms('“有没有”')).toBeNull();
  });
});

describe('number forms', () => {
  it('writes a number as the plans may: 3‰ ↔ 3.0‰, 九成 and 百分之九十 → 90%, 十万分之十二 → 12/10万', () => {
    expect(numberForms('3‰')).toEqual(['3.0‰']);
    expect(numberForms('5.0‰')).toEqual(['5‰']);
    expect(numberForms('新生儿死亡率3‰')).toEqual(['新生儿死亡率3.0‰']);
    expect(numberForms('九成')).toEqual(['90%']);
    expect(numberForms('九成五')).toEqual(['95%']);
    expect(numberForms('百分之九十')).toEqual(['90%']);
    expect(numberForms('百分之95')).toEqual(['95%']);
    expect(numberForms('十万分之十二')).toEqual(['12/10万', '12.0/10万']);
    expect(numberForms('入园率90%')).toEqual([]);
  });

  it('gives a term its number forms as alternatives', () => {
    expect(parseQuery('3‰', null).terms[0]?.alternatives).toEqual(['3.0‰']);
    expect(parseQuery('２０３０', null).terms[0]?.text).toBe('2030');
  });
});

describe('English', () => {
  const table = decodeEnglish([
    ['infant mortality rate|infant mortality', '婴儿死亡率'],
    ['girl', '女童'],
    ['education', '教育'],
    ['left-behind child', '留守儿童'],
  ]);

  it('reads words whatever their case, plural or possessive', () => {
    expect(englishWords("Girls' Education")).toEqual(['girl', 'education']);
    expect(englishWords('the children’s rights')).toEqual(['child', 'right']);
    expect(singular('policies')).toBe('policy');
    expect(singular('process')).toBe('process');
    expect(isEnglish('infant mortality')).toBe(true);
    expect(isEnglish('HPV疫苗')).toBe(false);
    expect(isEnglish('2030')).toBe(false);
  });

  it('matches the longest phrase first, and says which words it does not know', () => {
    expect(translate('Infant Mortality Rate', table).found).toEqual([{ en: 'infant mortality rate', zh: ['婴儿死亡率'] }]);
    expect(translate("girls' education", table).found.map((f) => f.zh[0])).toEqual(['女童', '教育']);
    expect(translate('left behind children in poverty', table)).toEqual({ found: [{ en: 'left behind child', zh: ['留守儿童'] }], unknown: ['poverty'] });
  });

  it('reads an age the table does not know as the plans write it, and leaves one it knows to the table', () => {
    expect(translate('girls under 3', table).found.map((f) => f.zh[0])).toEqual(['3岁以下', '女童']);
    expect(translate('education for children aged 0-6', table).found.map((f) => f.zh[0])).toEqual(['0—6岁', '教育']);
    const known = decodeEnglish([['under 5 mortality', '5岁以下儿童死亡率']]);
    expect(translate('under 5 mortality', known).found.map((f) => f.zh[0])).toEqual(['5岁以下儿童死亡率']);
  });
});

describe('typing errors', () => {
  // A made-up table and index: 室 and 式 read shi, 利 and 力 li, 市 shi, 操 cao.
  const table = decodePinyin({ shi: ['室市', '式是'], li: ['利', '力'], cao: ['', '操'], chang: ['场', ''], fu: ['福', ''], zi: ['子', ''], zhi: ['', '知'] });
  const plans = ['母婴室', '儿童福利', '市场', '母婴室', '子女'];
  const index: TypoIndex = {
    followers: async (ch) => new Set(plans.flatMap((p) => [...p].flatMap((c, i, a) => (c === ch && a[i + 1] !== undefined ? [a[i + 1] as string] : [])))),
    count: async (text) => plans.filter((p) => p.includes(text)).length,
  };

  it('knows near sounds: zh/z, ch/c, sh/s, n/l, -ng/-n', () => {
    expect(nearSound('zhi')).toBe(nearSound('zi'));
    expect(nearSound('lan')).toBe(nearSound('nang'));
    expect(soundsLike('式', '室', table)).toBe('same');
    expect(soundsLike('知', '子', table)).toBe('near');
    expect(soundsLike('操', '市', table)).toBeNull();
  });

  it('corrects one character to one of the same sound that the plans write there', async () => {
    expect(await corrections('母婴式', index, table)).toEqual([{ text: '母婴室', sound: 'same', count: 2 }]);
    expect(await corrections('儿童福力', index, table)).toEqual([{ text: '儿童福利', sound: 'same', count: 1 }]);
    // The first character too.
    expect(await corrections('式场', index, table)).toEqual([{ text: '市场', sound: 'same', count: 1 }]);
  });

  it('tries, in a longer text, only the runs of characters the segmenter knows no word for', () => {
    const runs = (text: string) => unknownRuns(text, chineseWords(), (w) => fillerWords.has(w));
    expect(runs('儿童福力保障')).toEqual(['福力']);
    // 外地 is a word, typed as meant; 的 ends a run.
    expect(runs('外地来的孩子')).toEqual([]);
    expect(runs('母婴式')).toEqual(['母婴式']);
    expect(unknownRuns('儿童福力保障', undefined, () => false)).toEqual([]);
  });

  it('keeps to the same sound when asked (runs in a longer text)', async () => {
    const near = decodePinyin({ wang: ['网', ''], wan: ['', '完'], sheng: ['生', ''] });
    const plansNear: TypoIndex = { followers: async () => new Set(['网']), count: async (t) => (t === '生网' ? 1 : 0) };
    expect(await corrections('生完', plansNear, near)).toEqual([{ text: '生网', sound: 'near', count: 1 }]);
    expect(await corrections('生完', plansNear, near, false)).toEqual([]);
  });

  it('never changes the meaning with a character of another sound', async () => {
    expect(await corrections('操场', index, table)).toEqual([]);
  });

  it('searches a correction only when there is no doubt', () => {
    expect(unambiguous([{ text: 'a', sound: 'same', count: 1 }])?.text).toBe('a');
    expect(unambiguous([{ text: 'a', sound: 'same', count: 3 }, { text: 'b', sound: 'same', count: 2 }])).toBeNull();
    expect(unambiguous([{ text: 'a', sound: 'same', count: 6 }, { text: 'b', sound: 'same', count: 2 }])?.text).toBe('a');
    expect(unambiguous([])).toBeNull();
  });
});

describe('what the page says it searched', () => {
  it('says a query in traditional characters was searched in simplified ones, and nothing for one already simplified', () => {
    expect(expansionNote(parseQuery('兒童 婦女', null))).toBe('已按简体“儿童”“妇女”检索');
    expect(expansionNote(parseQuery('儿童', null))).toBe('');
    expect(expansionNote(parseQuery('ＨＰＶ', null))).toBe('');
  });
});
