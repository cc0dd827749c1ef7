// Citations, over every unit of the real seed: what 复制引用 copies names the plan in 《》, the
// document number, the part, the domain and the item, then the permalink; and the document's
// GB/T 7714—2015 reference.
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/build/02-decode/decode';
import { documentReference, isoDate, unitCitation } from '../../src/model/citation';
import { pageTree } from '../../src/build/07-content/page-bodies';
import { tocOf } from '../../src/build/07-content/toc';
import { clauseRecords } from '../../src/build/10-open-data/open-data';
import { parse } from '../../src/build/03-parse/parse';
import { enrich } from '../../src/build/05-enrich/enrich';
import { seedBytes, seedFile } from './helpers';

const siteUrl = 'https://plans.example.org';
const site = enrich([parse(decode(seedFile, seedBytes), 'luozheng-2022-62')], siteUrl);
const DOC_NUMBER = '洛政〔2022〕62号';
const PLANS = ['洛阳市妇女发展规划（2021—2030年）', '洛阳市儿童发展规划（2021—2030年）'];

describe('the citation 复制引用 copies', () => {
  const items = site.units.filter((u) => u.kind === 'goal' || u.kind === 'measure');

  it('covers all 147 goals and 181 measures', () => {
    expect(items.filter((u) => u.kind === 'goal')).toHaveLength(147);
    expect(items.filter((u) => u.kind === 'measure')).toHaveLength(181);
  });

  it.each(items.map((u) => [u.id, u] as const))('%s names plan, document number, part, domain and item, then its permalink', (_, u) => {
    const kind = u.kind === 'goal' ? '主要目标' : '策略措施';
    expect(PLANS).toContain(u.planTitle);
    expect(u.domainHeading).toMatch(/^（[一二三四五六七八九十]+）\S/);
    expect(u.permalink).toBe(`${siteUrl}${u.url}`);
    expect(u.citation).toBe(`《${u.planTitle}》（${DOC_NUMBER}）第二部分“发展领域、主要目标和策略措施”中“${u.domainHeading}”${kind}第${u.number}项，${siteUrl}${u.url}`);
  });

  it('is one line for every unit, unique, with the document number and ending in the permalink', () => {
    for (const u of site.units) {
      expect(u.citation, u.id).not.toMatch(/[\r\n]/);
      expect(u.citation, u.id).toMatch(/^《[^》]+》/);
      expect(u.citation, u.id).toContain(`（${DOC_NUMBER}）`);
      expect(u.citation.endsWith(`，${u.permalink}`), u.id).toBe(true);
      expect(u.permalink, u.id).toBe(new URL(u.url, siteUrl).href);
    }
    expect(new Set(site.units.map((u) => u.citation)).size).toBe(site.units.length);
  });

  it('reads as a citation for the other kinds of unit too', () => {
    const cite = (id: string) => site.unit.get(`luozheng-2022-62.${id}`)?.citation;
    expect(cite('notice')).toBe(`《洛阳市人民政府关于印发洛阳市妇女发展规划（2021—2030年）和洛阳市儿童发展规划（2021—2030年）的通知》（${DOC_NUMBER}），${siteUrl}/luozheng-2022-62/#notice`);
    expect(cite('p1.preamble')).toBe(`《${PLANS[0]}》（${DOC_NUMBER}）序言，${siteUrl}/luozheng-2022-62/p1/#preamble`);
    // The guidance is named by its part's heading alone, not 总体要求 twice.
    expect(cite('p1.part1.guidance')).toBe(`《${PLANS[0]}》（${DOC_NUMBER}）第一部分“总体要求”，${siteUrl}/luozheng-2022-62/p1/part1/#guidance`);
    expect(cite('p1.part1.r2')).toBe(`《${PLANS[0]}》（${DOC_NUMBER}）第一部分“总体要求”原则第2项，${siteUrl}/luozheng-2022-62/p1/part1/#r2`);
    expect(cite('p2.part3.i2')).toBe(`《${PLANS[1]}》（${DOC_NUMBER}）第三部分“组织实施”第（二）项，${siteUrl}/luozheng-2022-62/p2/part3/#i2`);
    expect(cite('p2.part4.i1')).toBe(`《${PLANS[1]}》（${DOC_NUMBER}）第四部分“监测评估”第（一）项，${siteUrl}/luozheng-2022-62/p2/part4/#i1`);
  });

  it('is the citation and permalink of clauses.json', () => {
    const records = clauseRecords(site.units);
    expect(records.map((r) => [r.id, r.citation, r.permalink])).toEqual(site.units.map((u) => [u.id, u.citation, u.permalink]));
  });

  it('leaves out what a document does not have', () => {
    expect(unitCitation({ title: '某市儿童发展规划（2021—2030年）', docNumber: null, part: { number: 2, heading: '发展领域、主要目标和策略措施' }, within: '（三）儿童与安全', label: '策略措施第11项' }, 'https://x.example/a/')).toBe(
      '《某市儿童发展规划（2021—2030年）》第二部分“发展领域、主要目标和策略措施”中“（三）儿童与安全”策略措施第11项，https://x.example/a/',
    );
  });
});

describe('the GB/T 7714—2015 reference of the document', () => {
  it('names issuer, title, document number, issue date, an access date slot and the permalink', () => {
    const page = site.pages.find((p) => p.kind === 'document');
    expect(page?.reference).toBe(
      `洛阳市人民政府. 洛阳市人民政府关于印发洛阳市妇女发展规划（2021—2030年）和洛阳市儿童发展规划（2021—2030年）的通知: ${DOC_NUMBER}[EB/OL]. (2022-12-29)[引用日期]. ${siteUrl}/luozheng-2022-62/.`,
    );
    expect(page === undefined ? [] : tocOf(pageTree(page, site)).map((t) => t.anchor)).toContain('cite');
    expect(site.pages.filter((p) => p.reference !== undefined)).toHaveLength(1);
  });

  it('does without an issuer, number or date it does not have', () => {
    expect(documentReference({ issuer: null, title: '关于印发某规划的通知', docNumber: null, date: null, url: 'https://x.example/d/' })).toBe('关于印发某规划的通知[EB/OL]. [引用日期]. https://x.example/d/.');
  });

  it.each([
    ['2022年12月29日', '2022-12-29'],
    ['2022 年 1 月 5 日', '2022-01-05'],
    ['２０２２年１２月２９日', '2022-12-29'],
    ['二〇二二年十二月二十九日', '2022-12-29'],
    ['二零二三年一月十日', '2023-01-10'],
    ['二〇二三年三月三十一日', '2023-03-31'],
    ['2022年13月1日', null],
    ['2022年12月', null],
    ['十二月二十九日', null],
  ])('reads the notice date %s as %s', (written, iso) => {
    expect(isoDate(written)).toBe(iso);
  });
});
