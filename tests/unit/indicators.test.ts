// The indicator pages (/targets/<slug>/): their slugs (build/06-analysis/indicator-slugs.ts), read
// from the key, URL-safe, one per key, the same whatever order the keys come in; the targets
// grouped by indicator (model/target.ts `indicators`), which the pages list; and a library's
// /targets/, which lists each document's page and sums each indicator up across documents.
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/build/02-decode/decode';
import { parse } from '../../src/build/03-parse/parse';
import { enrich } from '../../src/build/05-enrich/enrich';
import { targetsJson } from '../../src/build/06-analysis/extract-targets';
import { indicatorSlugBase, indicatorSlugs, slugPattern } from '../../src/build/06-analysis/indicator-slugs';
import { documentTargetsUrl, indicatorSummaries, indicators, indicatorUrl, type TargetRecord } from '../../src/model/target';
import { targetDocuments, targetPageDocuments, type HomeDocument } from '../../src/render/home-overview';
import { seedBytes, seedFile } from './helpers';

describe('an indicator’s slug', () => {
  it('is its reading in toneless pinyin, a syllable per hyphen, digits kept whole', () => {
    expect(indicatorSlugBase('孕产妇死亡率')).toBe('yun-chan-fu-si-wang-lv');
    expect(indicatorSlugBase('5岁以下儿童死亡率')).toBe('5-sui-yi-xia-er-tong-si-wang-lv');
    expect(indicatorSlugBase('12岁儿童龋患率')).toBe('12-sui-er-tong-qu-huan-lv');
    expect(indicatorSlugBase('0—6岁儿童眼保健和视力检查覆盖率')).toBe('0-6-sui-er-tong-yan-bao-jian-he-shi-li-jian-cha-fu-gai-lv');
    expect(indicatorSlugBase('每千名儿童拥有儿科执业(助理)医生')).toBe('mei-qian-ming-er-tong-yong-you-er-ke-zhi-ye-zhu-li-yi-sheng');
    expect(indicatorSlugBase('HPV疫苗接种率')).toBe('hpv-yi-miao-jie-zhong-lv');
  });

  it('takes a character’s reading from its word (率 in 死亡率 and 覆盖率 is lv)', () => {
    expect(indicatorSlugBase('覆盖率')).toBe('fu-gai-lv');
    expect(indicatorSlugBase('重庆')).toBe('chong-qing');
  });

  it('is zhibiao when nothing in the key can be read', () => {
    expect(indicatorSlugBase('——')).toBe('zhibiao');
  });

  it('is unique among keys that read the same: the first in code-point order keeps the reading, the others get -2, -3 …', () => {
    const keys = ['试场占比', '市场占比', '0—6岁儿童', '0-6岁儿童', '0~6岁儿童'];
    const slugs = indicatorSlugs(keys);
    expect(slugs.get('市场占比')).toBe('shi-chang-zhan-bi');
    expect(slugs.get('试场占比')).toBe('shi-chang-zhan-bi-2');
    expect(['0-6岁儿童', '0~6岁儿童', '0—6岁儿童'].map((k) => slugs.get(k))).toEqual(['0-6-sui-er-tong', '0-6-sui-er-tong-2', '0-6-sui-er-tong-3']);
    // Whatever order the keys come in.
    expect([...indicatorSlugs([...keys].reverse())].sort()).toEqual([...slugs].sort());
  });

  it('never takes another key’s reading as a suffixed slug', () => {
    const slugs = indicatorSlugs(['a', 'A', 'a、2']);
    expect(slugs.get('A')).toBe('a');
    expect(slugs.get('a、2')).toBe('a-2');
    expect(slugs.get('a')).toBe('a-3');
  });

  it('is given to every target of the seed: URL-safe, one per indicator key, one key per slug', { timeout: 60_000 }, () => {
    const { targets } = targetsJson(enrich([parse(decode(seedFile, seedBytes), 'luozheng-2022-62')], 'https://x.example/').units);
    expect(targets.length).toBeGreaterThan(0);
    const byKey = new Map<string, Set<string>>();
    for (const t of targets) {
      expect(t.indicatorSlug, t.indicator).toMatch(slugPattern);
      expect(indicatorUrl(t.indicatorSlug)).toBe(`/targets/${t.indicatorSlug}/`);
      byKey.set(t.indicatorKey, (byKey.get(t.indicatorKey) ?? new Set()).add(t.indicatorSlug));
    }
    expect([...byKey.values()].every((s) => s.size === 1)).toBe(true);
    expect(new Set([...byKey.values()].flatMap((s) => [...s])).size).toBe(byKey.size);
    expect(targets.find((t) => t.indicator === '孕产妇死亡率')?.indicatorSlug).toBe('yun-chan-fu-si-wang-lv');
  });

  it('of a library are grouped by indicator: one entry per key, in the order the indicators first occur, every target once', { timeout: 60_000 }, () => {
    const seed = parse(decode(seedFile, seedBytes), 'luozheng-2022-62');
    const other = parse(decode('seeds/other.txt', new TextEncoder().encode(new TextDecoder().decode(seedBytes).replace(/洛政〔2022〕62号/g, '洛政〔2023〕5号'))), 'other');
    const { targets } = targetsJson(enrich([seed, other], 'https://x.example/').units);
    const list = indicators(targets);
    expect(list.map((i) => i.key)).toEqual([...new Set(targets.map((t) => t.indicatorKey))]);
    expect(list.flatMap((i) => i.targets)).toHaveLength(targets.length);
    for (const i of list) {
      expect(i.targets.every((t) => t.indicatorKey === i.key && t.indicatorSlug === i.slug)).toBe(true);
      expect(i.url).toBe(`/targets/${i.slug}/`);
      expect(i.name).toBe(i.targets[0]?.indicator);
    }
    const mmr = list.find((i) => i.key === '孕产妇死亡率');
    expect(mmr?.targets.map((t) => [t.docNumber, t.value, t.unit])).toEqual([
      ['洛政〔2022〕62号', 12, '/10万'],
      ['洛政〔2023〕5号', 12, '/10万'],
    ]);
  });
});

describe('a library’s /targets/', () => {
  const target = (docSlug: string, plan: string, indicator: string, value: number, unit = '%', comparator: TargetRecord['comparator'] = '>='): TargetRecord =>
    ({ docSlug, plan: `${docSlug}.${plan}`, indicator, indicatorKey: indicator, indicatorSlug: indicator, value, unit, comparator }) as TargetRecord;
  const targets = [
    target('a', 'p1', '甲率', 90),
    target('a', 'p2', '乙率', 12, '/10万', '<='),
    target('b', 'p1', '乙率', 10, '/10万', '<='),
    target('b', 'p1', '乙率', 1, '%', '<='),
    target('b', 'p2', '乙率', 12, '/10万', '<='),
    target('b', 'p1', '丙数', 1, '所'),
  ];
  const doc = (docSlug: string): HomeDocument => ({ docSlug, docNumber: `${docSlug}〔2023〕1号`, page: null, meta: null, plans: [] });

  it('sums each indicator up: documents and plans that set it, and its distinct values, lowest first within each unit', () => {
    expect(indicatorSummaries(targets).map((s) => [s.indicator.name, s.documents, s.plans, s.values])).toEqual([
      ['乙率', 2, 3, ['不高于10/10万', '不高于12/10万', '不高于1%']],
      ['甲率', 1, 1, ['不低于90%']],
      ['丙数', 1, 1, ['不低于1所']],
    ]);
  });

  it('gives each document with targets its own page, in the site’s order of documents, and none on a site of one document', () => {
    expect(targetDocuments(targets, [doc('a')])).toEqual([]);
    const shares = targetDocuments(targets, [doc('c'), doc('b'), doc('a')]);
    expect(shares.map((d) => [d.docSlug, d.label, d.items.length])).toEqual([
      ['c', 'c〔2023〕1号', 0],
      ['b', 'b〔2023〕1号', 4],
      ['a', 'a〔2023〕1号', 2],
    ]);
    expect(targetPageDocuments(targets, [doc('c'), doc('b'), doc('a')]).map((d) => d.docSlug)).toEqual(['b', 'a']);
    expect(documentTargetsUrl('b')).toBe('/b/targets/');
  });
});
