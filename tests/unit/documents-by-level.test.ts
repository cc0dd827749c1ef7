// The home page's list of documents (render/documents-by-level.ts): the grouping by level and the
// order within a level, and the 信息索引 each document carries to it.
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/build/02-decode/decode';
import { parseMetadata, withMetadata } from '../../src/build/01-seeds/metadata';
import { parse } from '../../src/build/03-parse/parse';
import { enrich } from '../../src/build/05-enrich/enrich';
import type { PageMeta } from '../../src/model/page-schema';
import { documentDate, documentPlace, documentsByLevel, documentYear } from '../../src/render/documents-by-level';
import { homeOverview, type HomeDocument } from '../../src/render/home-overview';
import { seedBytes, seedFile } from './helpers';

const none: PageMeta = { issuer: null, docNumber: null, writtenDate: null, publishedDate: null, source: null, level: null, region: null };
const doc = (docSlug: string, docNumber: string | null, meta: Partial<PageMeta> | null): HomeDocument => ({
  docSlug,
  docNumber,
  page: null,
  meta: meta === null ? null : { ...none, docNumber, ...meta },
  plans: [],
});
const slugs = (groups: ReturnType<typeof documentsByLevel>) => groups.map((g) => [g.name, g.documents.map((d) => d.docSlug)]);

describe('documentsByLevel', () => {
  it('groups by level, 国家 → 省 → 市 → 县, then the documents whose level is not recorded; only levels that have documents', () => {
    const docs = [
      doc('county', '栾政〔2022〕3号', { level: '县', writtenDate: '2022-03-01' }),
      doc('unknown', null, null),
      doc('city', '洛政〔2022〕62号', { level: '市', writtenDate: '2022-12-29' }),
      doc('nation', '国发〔2021〕16号', { level: '国家', writtenDate: '2021-09-08' }),
      doc('province', '豫政〔2021〕44号', { level: '省', writtenDate: '2021-12-31' }),
    ];
    expect(slugs(documentsByLevel(docs))).toEqual([
      ['国家级', ['nation']],
      ['省级', ['province']],
      ['市级', ['city']],
      ['县级', ['county']],
      ['层级未登记', ['unknown']],
    ]);
    expect(slugs(documentsByLevel(docs.filter((d) => d.docSlug === 'city')))).toEqual([['市级', ['city']]]);
  });

  it('puts the newest first within a level: 发布日期, else 成文日期, else the 文号’s year; then the later 文号; then the slug', () => {
    const docs = [
      doc('a-2021', '洛政〔2021〕9号', { level: '市', writtenDate: '2021-05-01' }),
      doc('b-published', '洛政〔2021〕2号', { level: '市', writtenDate: '2021-01-01', publishedDate: '2022-02-01' }),
      doc('c-year-only', '洛政〔2023〕5号', { level: '市' }),
      doc('d-same-day-low', '洛政〔2022〕61号', { level: '市', writtenDate: '2022-12-29' }),
      doc('e-same-day-high', '洛政〔2022〕62号', { level: '市', writtenDate: '2022-12-29' }),
      doc('f-nothing', null, { level: '市' }),
      doc('g-nothing', null, { level: '市' }),
    ];
    const order = ['c-year-only', 'e-same-day-high', 'd-same-day-low', 'b-published', 'a-2021', 'f-nothing', 'g-nothing'];
    expect(documentsByLevel(docs)[0]?.documents.map((d) => d.docSlug)).toEqual(order);
    // Whatever order the documents come in.
    expect(documentsByLevel([...docs].reverse())[0]?.documents.map((d) => d.docSlug)).toEqual(order);
  });

  it('says which date a document is listed by, its year, and where it is from', () => {
    expect(documentDate(doc('x', null, { writtenDate: '2022-12-29', publishedDate: '2023-01-05' }))).toEqual({ iso: '2023-01-05', kind: '发布日期' });
    expect(documentDate(doc('x', null, { writtenDate: '2022-12-29' }))).toEqual({ iso: '2022-12-29', kind: '成文日期' });
    expect(documentDate(doc('x', '洛政〔2023〕5号', null))).toBeNull();
    expect(documentYear(doc('x', '洛政〔2023〕5号', null))).toBe(2023);
    expect(documentYear(doc('x', '洛政〔2023〕5号', { writtenDate: '2022-12-29' }))).toBe(2022);
    expect(documentYear(doc('x', null, null))).toBeNull();
    expect(documentPlace(doc('x', null, { region: '河南省洛阳市', level: '市' }))).toBe('河南省洛阳市 · 市级');
    expect(documentPlace(doc('x', null, { level: '省' }))).toBe('省级');
    expect(documentPlace(doc('x', null, null))).toBeNull();
  });
});

describe('the documents of a built site', () => {
  const decoded = decode(seedFile, seedBytes);
  const recorded = parseMetadata('seeds/luozheng-2022-62.yaml', 'level: 市\nregion: 河南省洛阳市\n');
  const seed = withMetadata(parse(decoded, 'luozheng-2022-62'), recorded);
  const other = parse(decode('seeds/other.txt', new TextEncoder().encode(new TextDecoder().decode(seedBytes).replace(/洛政〔2022〕62号/g, '洛政〔2023〕5号'))), 'other');
  const site = enrich([seed, other], 'https://x.example/');
  const docs = homeOverview(site.pages.map(({ content: _content, ...data }) => data));

  it('carry the 信息索引 their document pages carry: the metadata file, else the notice', { timeout: 60_000 }, () => {
    expect(docs.map((d) => d.meta)).toEqual([
      { issuer: '洛阳市人民政府', docNumber: '洛政〔2022〕62号', writtenDate: '2022-12-29', publishedDate: null, source: null, level: '市', region: '河南省洛阳市' },
      { issuer: '洛阳市人民政府', docNumber: '洛政〔2023〕5号', writtenDate: '2022-12-29', publishedDate: null, source: null, level: null, region: null },
    ]);
    expect(slugs(documentsByLevel(docs))).toEqual([
      ['市级', ['luozheng-2022-62']],
      ['层级未登记', ['other']],
    ]);
  });
});
