import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import glossaryJson from '../../src/data/glossary.json' with { type: 'json' };
import t2sJson from '../../src/data/t2s.json' with { type: 'json' };
import { buildTable, serialize } from '../../scripts/make-t2s';
import { englishGlossary, EnglishGlossaryError, loadEnglish, searchPageEnglish } from '../../src/build/08-search-index/english-file';
import { glossary, loadGlossary } from '../../src/build/08-search-index/glossary-file';
import { decodeEnglish, translate } from '../../src/search/english';
import { searchPageGlossary } from '../../src/build/08-search-index/search-page-files';
import { GlossaryError, expand, expansion, glossarySplit } from '../../src/search/glossary';
import { suggest } from '../../src/search/suggest';
import { decodeGlossary } from '../../src/search/wire';
import { normalize, normalizeMapped } from '../../src/text/normalize';

const root = path.resolve(import.meta.dirname, '../..');
const seedText = readdirSync(path.join(root, 'seeds'))
  .filter((n) => n.endsWith('.txt'))
  .sort()
  .map((n) => readFileSync(path.join(root, 'seeds', n), 'utf8'))
  .join('\n');
const normalizedSeed = normalize(seedText);

describe('normalize', () => {
  it('folds full-width forms to half-width (NFKC)', () => {
    expect(normalize('５．０‰')).toBe('5.0‰');
    expect(normalize('９０％')).toBe('90%');
    expect(normalize('（2021—2030年）')).toBe('(2021—2030年)');
    expect(normalize('ＨＰＶ')).toBe('hpv');
  });

  it('lower-cases latin letters', () => {
    expect(normalize('HPV疫苗')).toBe('hpv疫苗');
    expect(normalize('DNA数据')).toBe('dna数据');
  });

  it('converts traditional and variant characters to simplified', () => {
    expect(normalize('兒童')).toBe('儿童');
    expect(normalize('婦女')).toBe('妇女');
    expect(normalize('學前教育')).toBe('学前教育');
    expect(normalize('婦女兒童工作委員會')).toBe('妇女儿童工作委员会');
    expect(normalize('鍛鍊')).toBe('锻炼');
    expect(normalize('衆')).toBe('众'); // a variant form, not the standard traditional 眾
    expect(normalize('眾')).toBe('众');
  });

  it('converts traditional phrases whose characters alone would give the wrong word', () => {
    expect(normalize('網路')).toBe('网络');
    expect(normalize('資訊')).toBe('信息');
    expect(normalize('愛滋病')).toBe('艾滋病');
    // …but never rewrites simplified input
    expect(normalize('资讯')).toBe('资讯');
  });

  it('leaves simplified characters that the plan uses alone, even if they double as traditional', () => {
    for (const s of ['显著', '干预', '台', '于', '后', '发展', '余']) expect(normalize(s)).toBe(s);
  });

  it('collapses and trims whitespace, including the ideographic space', () => {
    expect(normalize('  通    知 ')).toBe('通 知');
    expect(normalize('妇女\u3000儿童\n\t发展')).toBe('妇女 儿童 发展');
    expect(normalize('   ')).toBe('');
  });

  it('leaves the plan text as it is apart from width, case and whitespace', () => {
    const plain = seedText.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
    expect(normalizedSeed).toBe(plain);
  });

  it('is idempotent', () => {
    for (const s of ['兒童 婦女　學前教育', '５．０‰', '網路霸凌', 'HPV疫苗', '…①', seedText.slice(0, 3000)]) {
      expect(normalize(normalize(s))).toBe(normalize(s));
    }
  });

  it('gives exactly the text of normalizeMapped (its fast path)', () => {
    const samples = ['兒童 婦女　學前教育', '５．０‰', '網路霸凌', 'HPV疫苗', '…①㎡', ' \t 通 知\n', '𠀀臺灣', '', seedText];
    for (const s of samples) expect(normalize(s)).toBe(normalizeMapped(s).text);
  });

  it('maps every normalized character back to the original text', () => {
    const original = ' 《兒童》　發展５．０‰…網路 ';
    const { text, starts, ends } = normalizeMapped(original);
    expect(text).toBe('《儿童》 发展5.0‰...网络');
    expect(starts).toHaveLength(text.length);
    expect(ends).toHaveLength(text.length);
    const at = (needle: string) => {
      const a = text.indexOf(needle);
      return original.slice(starts[a], ends[a + needle.length - 1]);
    };
    expect(at('儿童')).toBe('兒童');
    expect(at('5.0‰')).toBe('５．０‰');
    expect(at('...')).toBe('…');
    expect(at('网络')).toBe('網路');
    expect(at(' 发展')).toBe('　發展');
  });

  it('keeps the length of text without whitespace or compatibility characters', () => {
    const s = '兒童優先原則全面貫徹';
    expect(normalize(s)).toHaveLength(s.length);
  });
});

describe('t2s.json', () => {
  const table = Object.entries(t2sJson as Record<string, string>).filter(([k]) => !k.startsWith('$'));
  const corpusChars = new Set(Array.from(normalizedSeed + normalize(glossary.entries.flatMap((e) => e.terms).join(''))));

  it('says how it was made', () => {
    expect((t2sJson as Record<string, string>)['$generated']).toContain('npx tsx scripts/make-t2s.ts');
  });

  it('maps characters absent from the corpus to characters in it, one to one', () => {
    expect(table.length).toBeGreaterThan(300);
    for (const [from, to] of table) {
      const fromChars = Array.from(from);
      expect(fromChars.length, from).toBe(Array.from(to).length);
      expect(to.length, from).toBe(from.length);
      if (fromChars.length === 1) expect(corpusChars.has(from), `${from} is used by the corpus itself`).toBe(false);
      for (const c of to) expect(corpusChars.has(c), `${from} → ${to}: ${c} is not in the corpus`).toBe(true);
    }
  });

  it('is up to date with scripts/make-t2s.ts, seeds and glossary (else run npx tsx scripts/make-t2s.ts)', async () => {
    const current = readFileSync(path.join(root, 'src/data/t2s.json'), 'utf8');
    expect(current).toBe(serialize(await buildTable()));
  }, 30_000);
});

describe('glossary.json', () => {
  it('reaches the search page already normalized, and loads there to the same glossary', () => {
    const copy: unknown = JSON.parse(JSON.stringify(searchPageGlossary(glossary, [seedText])));
    const loaded = decodeGlossary(copy);
    expect(loaded.entries.map((e) => e.terms)).toEqual(glossary.entries.map((e) => e.terms));
    expect([...loaded.byTerm]).toEqual([...glossary.byTerm]);
    expect(loaded.termsLongestFirst).toEqual(glossary.termsLongestFirst);
    for (const e of loaded.entries) for (const t of e.terms) expect(normalize(t)).toBe(t);
    expect(() => decodeGlossary({ entries: [] })).toThrow(/search\/glossary.json: expected an array of strings/);
    expect(() => decodeGlossary([['妇联', '妇女联合会']])).toThrow(/expected an array of strings/);
    expect(() => decodeGlossary(['妇联'])).toThrow(/entries\[0\].*at least 2 terms/);
    expect(decodeGlossary(['妇联|妇女联合会']).byTerm.get('妇女联合会')).toBe(0);
  });

  it('marks the terms the text holds nowhere, which lead to their entry but are never looked up', () => {
    const loaded = decodeGlossary(JSON.parse(JSON.stringify(searchPageGlossary(glossary, [seedText]))));
    const stream = normalizedSeed.replace(/\s/gu, '');
    expect([...loaded.absent].sort()).toEqual(glossary.termsLongestFirst.filter((t) => !stream.includes(t.replace(/\s/gu, ''))).sort());
    expect(loaded.absent.has('家暴')).toBe(true);
    expect(loaded.absent.has('家庭暴力')).toBe(false);
    // 家暴 itself is looked up (it is the query); of its entry, only what the text holds.
    expect(expand('家暴', loaded)).toEqual(expand('家暴', glossary).filter((a) => !loaded.absent.has(a)));
    expect(expand('家暴', loaded)).toContain('家庭暴力');
    expect(expand('补习班', loaded).every((a) => stream.includes(a))).toBe(true);
    // A copy made by swapping in an absent term is not looked up either: 县妇联 → 县妇女联合会 is not in the plan.
    expect(expand('县妇联', glossary)).toContain('县妇女联合会');
    expect(expand('县妇联', loaded)).not.toContain('县妇女联合会');
  });


  const raw = glossaryJson as { entries: { terms: string[]; note?: string }[] };

  it('loads', () => {
    expect(() => loadGlossary(glossaryJson)).not.toThrow();
    expect(glossary.entries.length).toBeGreaterThanOrEqual(60);
  });

  it('has at least two distinct terms in every entry', () => {
    for (const [i, entry] of glossary.entries.entries()) {
      expect(new Set(entry.terms).size, `entries[${i}] ${entry.terms.join('/')}`).toBeGreaterThanOrEqual(2);
      expect(new Set(entry.terms).size).toBe(entry.terms.length);
    }
  });

  it('has the plan wording first: terms[0] of every entry occurs in the seed text', () => {
    const missing = glossary.entries.filter((e) => !normalizedSeed.includes(e.terms[0] ?? '')).map((e) => e.terms.join('/'));
    expect(missing).toEqual([]);
  });

  it('puts no term in two entries', () => {
    const owner = new Map<string, number>();
    const clashes: string[] = [];
    glossary.entries.forEach((e, i) => {
      for (const t of e.terms) {
        const j = owner.get(t);
        if (j !== undefined) clashes.push(`${t}: entries ${j} and ${i}`);
        owner.set(t, i);
      }
    });
    expect(clashes).toEqual([]);
  });

  it('is sorted by the first term', () => {
    const firsts = raw.entries.map((e) => e.terms[0] ?? '');
    expect(firsts).toEqual([...firsts].sort());
  });

  it('covers the abbreviations the plan uses', () => {
    const pairs: [string, string][] = [
      ['人大', '人民代表大会'],
      ['政协', '政治协商会议'],
      ['妇儿工委', '妇女儿童工作委员会'],
      ['关工委', '关心下一代工作委员会'],
      ['低保', '最低生活保障'],
      ['医保', '医疗保险'],
      ['家暴', '家庭暴力'],
      ['性侵', '性侵害'],
      ['两癌', '宫颈癌和乳腺癌'],
      ['反家暴法', '反家庭暴力法'],
    ];
    for (const [a, b] of pairs) expect(expand(a, glossary), a).toContain(b);
  });
});

describe('expand', () => {
  it('expands an abbreviation to its full name and back', () => {
    expect(expand('妇联', glossary)).toContain('妇女联合会');
    expect(expand('妇女联合会', glossary)).toContain('妇联');
  });

  it('never returns the term itself, and returns nothing for an unknown term', () => {
    expect(expand('妇联', glossary)).not.toContain('妇联');
    expect(expand('洛阳', glossary)).toEqual([]);
    expect(expand('', glossary)).toEqual([]);
  });

  it('normalizes the term first (width, case, traditional)', () => {
    expect(expand('婦聯', glossary)).toContain('妇女联合会');
    expect(expand('ＨＰＶ', glossary)).toContain('人乳头瘤病毒');
    expect(expand('hpv', glossary)).toEqual(expand('HPV', glossary));
  });

  it('returns the other terms of an exact entry in file order, first', () => {
    expect(expand('网瘾', glossary).slice(0, 4)).toEqual(['网络成瘾', '沉迷网络', '网络沉迷', '沉溺网络']);
    expect(expand('校园霸凌', glossary).slice(0, 2)).toEqual(['学生欺凌', '校园欺凌']);
  });

  it('replaces a contained glossary term', () => {
    expect(expand('县妇联', glossary)).toEqual(['县妇女联合会']);
    expect(expand('县妇女联合会', glossary)).toEqual(['县妇联']);
    expect(expand('两癌筛查', glossary)).toContain('宫颈癌和乳腺癌筛查');
    expect(expand('留守孩子', glossary)).toContain('留守儿童');
    expect(expand('九价HPV疫苗', glossary)).toContain('九价人乳头瘤病毒疫苗');
  });

  it('prefers the longest contained term', () => {
    // HPV疫苗 (an entry of its own) wins over HPV: no "人乳头瘤病毒疫苗" built from the shorter one twice
    const alts = expand('九价hpv疫苗', glossary);
    expect(alts).toContain('九价宫颈癌疫苗');
    expect(new Set(alts).size).toBe(alts.length);
  });

  it('gives an Expansion pair', () => {
    expect(expansion('婦聯', glossary)).toEqual({ term: '妇联', alternatives: ['妇女联合会'] });
  });

  it('works with any glossary', () => {
    const g = loadGlossary({ entries: [{ terms: ['甲乙', '丙丁'] }] });
    expect(expand('甲乙', g)).toEqual(['丙丁']);
    expect(expand('x甲乙y', g)).toEqual(['x丙丁y']);
    expect(expand('妇联', g)).toEqual([]);
  });
});

describe('loadGlossary', () => {
  const bad = (json: unknown) => {
    try {
      loadGlossary(json, 'test.json');
    } catch (e) {
      expect(e).toBeInstanceOf(GlossaryError);
      return (e as Error).message;
    }
    throw new Error('expected loadGlossary to throw');
  };

  it('rejects a wrong top level', () => {
    expect(bad([])).toMatch(/^test\.json: top level: expected an object.*got an array/);
    expect(bad(null)).toMatch(/test\.json: top level/);
    expect(bad({})).toMatch(/"entries": expected an array, got undefined/);
    expect(bad({ entries: [], extra: 1 })).toMatch(/unknown key "extra"/);
    expect(bad({ $comment: 3, entries: [] })).toMatch(/"\$comment": expected a string/);
  });

  it('names the entry and says what is wrong with it', () => {
    expect(bad({ entries: ['妇联'] })).toMatch(/entries\[0\]: expected an object/);
    expect(bad({ entries: [{ terms: ['妇联', '妇女联合会'] }, { term: ['a'] }] })).toMatch(/entries\[1\]: unknown key "term"/);
    expect(bad({ entries: [{ terms: '妇联' }] })).toMatch(/entries\[0\]\.terms: expected an array/);
    expect(bad({ entries: [{ terms: ['妇联'] }] })).toMatch(/entries\[0\] \("妇联"\)\.terms: expected at least 2 terms/);
    expect(bad({ entries: [{ terms: ['妇联', 5] }] })).toMatch(/entries\[0\] \("妇联"\)\.terms\[1\]: expected a string, got number 5/);
    expect(bad({ entries: [{ terms: ['妇联', '妇'] }] })).toMatch(/terms\[1\]: "妇" is too short/);
    expect(bad({ entries: [{ terms: ['妇联', '婦聯'] }] })).toMatch(/terms\[1\]: "婦聯" repeats another term/);
    expect(bad({ entries: [{ terms: ['妇联', '妇女联合会'], note: 1 }] })).toMatch(/entries\[0\] \("妇联"\)\.note: expected a string/);
  });

  it('rejects a term that is in two entries, naming both', () => {
    const message = bad({ entries: [{ terms: ['妇联', '妇女联合会'] }, { terms: ['全国妇联', '妇联'] }] });
    expect(message).toMatch(/entries\[1\] \("全国妇联"\)\.terms\[1\]: "妇联" is already a term of entries\[0\] \("妇联"\)/);
  });

  it('accepts a string or an array of strings as $comment, and a missing note', () => {
    expect(loadGlossary({ $comment: 'x', entries: [{ terms: ['甲乙', '丙丁'] }] }).entries[0]?.note).toBeUndefined();
    expect(loadGlossary({ $comment: ['x', 'y'], entries: [] }).entries).toEqual([]);
  });
});

describe('suggest', () => {
  const vocabulary = ['妇联', '妇女', '留守儿童', '困境儿童', '儿童', '儿科', '学前教育', '义务教育', '家庭暴力', '性骚扰', '托育', '近视', '溺水'];

  it('finds a one-character typo first', () => {
    expect(suggest('妇连', vocabulary)[0]).toBe('妇联');
    expect(suggest('留守儿重', vocabulary)[0]).toBe('留守儿童');
    expect(suggest('学钱教育', vocabulary)[0]).toBe('学前教育');
  });

  it('finds longer words containing a fragment', () => {
    expect(suggest('家庭暴', vocabulary)).toEqual(['家庭暴力']);
    expect(suggest('溺', vocabulary)).toEqual(['溺水']);
  });

  it('compares normalized text (traditional input)', () => {
    expect(suggest('留守兒重', vocabulary)[0]).toBe('留守儿童');
  });

  it('returns nothing when nothing is close, and never the term itself', () => {
    expect(suggest('xyz', vocabulary)).toEqual([]);
    expect(suggest('妇联', vocabulary)).not.toContain('妇联');
    expect(suggest('', vocabulary)).toEqual([]);
    expect(suggest('近视眼镜店铺', vocabulary)).toEqual(['近视']);
  });

  it('respects max and keeps vocabulary strings as given', () => {
    expect(suggest('儿童', vocabulary, 2)).toHaveLength(2);
    expect(suggest('兒童', ['留守兒童'])).toEqual(['留守兒童']);
    expect(suggest('儿童', vocabulary, 0)).toEqual([]);
  });
});

describe('glossarySplit', () => {
  const g = loadGlossary({ entries: [{ terms: ['学生欺凌', '霸凌'] }, { terms: ['宫颈癌和乳腺癌', '两癌'] }, { terms: ['妇女联合会', '妇联'] }] });

  it('cuts a short term at the glossary terms inside it', () => {
    expect(glossarySplit('校园霸凌', g)).toEqual(['校园', '霸凌']);
    expect(glossarySplit('两癌筛查', g)).toEqual(['两癌', '筛查']);
    expect(glossarySplit('妇联霸凌', g)).toEqual(['妇联', '霸凌']);
  });

  it('leaves terms alone that hold no glossary term, are one, leave a single character, or are long', () => {
    expect(glossarySplit('安全头盔', g)).toEqual([]);
    expect(glossarySplit('霸凌', g)).toEqual([]);
    expect(glossarySplit('反霸凌', g)).toEqual([]);
    expect(glossarySplit('严厉打击校园霸凌行为', g)).toEqual([]);
  });
});

describe('the English glossary (src/data/english.json)', () => {
  it('has every Chinese wording in the seed text', () => {
    const missing = englishGlossary.flatMap((e) => e.zh.filter((z) => !normalizedSeed.replace(/\s/gu, '').includes(z.replace(/\s/gu, ''))));
    expect(missing).toEqual([]);
  });

  it('gives the page each phrase, which reads back to the entry’s first wording', () => {
    const table = decodeEnglish(JSON.parse(JSON.stringify(searchPageEnglish(englishGlossary, [seedText]))));
    for (const entry of englishGlossary) {
      for (const en of entry.en) expect(translate(en, table).found.map((f) => f.zh[0]), en).toContain(entry.zh[0]);
    }
  });

  it('reports a malformed entry, a phrase in two entries, and a short wording, naming the entry', () => {
    const fails = (entries: unknown[]) => () => loadEnglish({ entries }, 'english.json');
    expect(fails([{ en: ['girl'], zh: ['女童'] }, { en: ['Girls'], zh: ['女孩'] }])).toThrow(new EnglishGlossaryError('english.json: entries[1].en[0]: "Girls" is already a phrase of entries[0]; a phrase may belong to one entry only'));
    expect(fails([{ en: ['girl'], zh: ['女'] }])).toThrow(/entries\[0\]\.zh\[0\]: "女" is too short/);
    expect(fails([{ en: ['the of'], zh: ['女童'] }])).toThrow(/has no word but stop words/);
    expect(fails([{ en: ['女童'], zh: ['女童'] }])).toThrow(/an English phrase is letters/);
    expect(fails([{ en: [], zh: ['女童'] }])).toThrow(/entries\[0\]\.en: expected a non-empty array of strings/);
    expect(fails([{ en: ['girl'], zh: ['女童'], extra: 1 }])).toThrow(/unknown key "extra"/);
  });
});
