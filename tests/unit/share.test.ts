// What a shared link is called (<title>, og:title), over every page of the real seed.
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/build/02-decode/decode';
import { parse } from '../../src/build/03-parse/parse';
import { documentTitle, pageShareTitle, siteShareTitle } from '../../src/render/share-titles';
import { enrich } from '../../src/build/05-enrich/enrich';
import { seedBytes, seedFile } from './helpers';

const site = enrich([parse(decode(seedFile, seedBytes), 'luozheng-2022-62')], 'https://plans.example.org');
const DOC_NUMBER = '洛政〔2022〕62号';

describe('what a shared link is called', () => {
  const page = (id: string) => {
    const p = site.pages.find((x) => x.id === id);
    if (p === undefined) throw new Error(`no page ${id}`);
    return p;
  };

  it('names item, domain and plan, most specific first', () => {
    const goal = site.units.find((u) => u.id === 'luozheng-2022-62.p1.d1.g2');
    expect(goal?.shortTitle).toBeTruthy();
    expect(pageShareTitle(page('luozheng-2022-62.p1.d1.g2'))).toBe(`主要目标第2项 ${goal?.shortTitle ?? ''} · 妇女与健康 · 洛阳市妇女发展规划（2021—2030年）`);
    expect(pageShareTitle(page('luozheng-2022-62.p1.d1.m3'))).toBe('策略措施第3项 建立完善妇女全生命周期健康管理模式 · 妇女与健康 · 洛阳市妇女发展规划（2021—2030年）');
    expect(pageShareTitle(page('luozheng-2022-62.p2.d1'))).toBe('（一）儿童与健康 · 洛阳市儿童发展规划（2021—2030年）');
    expect(pageShareTitle(page('luozheng-2022-62.p1.part3'))).toBe('三、组织实施 · 洛阳市妇女发展规划（2021—2030年）');
    expect(pageShareTitle(page('luozheng-2022-62.p2'))).toBe(`洛阳市儿童发展规划（2021—2030年） · ${DOC_NUMBER}`);
    expect(pageShareTitle(page('luozheng-2022-62'))).toBe(`关于印发洛阳市妇女发展规划（2021—2030年）和洛阳市儿童发展规划（2021—2030年）的通知 · ${DOC_NUMBER}`);
  });

  it('gives every page a title of its own', () => {
    const titles = site.pages.map((p) => pageShareTitle(p));
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('on a site of two documents whose plans share titles, names the document too, so titles stay distinct', () => {
    const other = parse(decode('seeds/other.txt', new TextEncoder().encode(new TextDecoder().decode(seedBytes).replaceAll(DOC_NUMBER, '洛政〔2023〕5号'))), 'other');
    const library = enrich([parse(decode(seedFile, seedBytes), 'luozheng-2022-62'), other], 'https://example.org');
    const titles = library.pages.map((p) => pageShareTitle(p, true));
    expect(new Set(titles).size).toBe(titles.length);
    expect(pageShareTitle(page('luozheng-2022-62.p1.d1'), true)).toBe(`（一）妇女与健康 · 洛阳市妇女发展规划（2021—2030年） · ${DOC_NUMBER}`);
    // One document alone keeps its titles short.
    expect(new Set(library.pages.map((p) => pageShareTitle(p))).size).toBeLessThan(titles.length);
  });

  it('adds the documents to site-wide pages and the site name to the <title>', () => {
    expect(siteShareTitle('量化目标', [DOC_NUMBER])).toBe(`量化目标 · ${DOC_NUMBER}`);
    expect(siteShareTitle(null, [DOC_NUMBER])).toBe(`妇女儿童发展规划参考版 · ${DOC_NUMBER}`);
    // A library names no document: the site's name says what the pages cover.
    expect(siteShareTitle('量化目标', [DOC_NUMBER, '洛政〔2023〕5号'])).toBe('量化目标');
    expect(documentTitle(siteShareTitle('量化目标', [DOC_NUMBER, '洛政〔2023〕5号']))).toBe('量化目标 · 妇女儿童发展规划参考版');
    expect(siteShareTitle(null, [DOC_NUMBER, '洛政〔2023〕5号'])).toBe('妇女儿童发展规划参考版');
    expect(documentTitle(`量化目标 · ${DOC_NUMBER}`)).toBe(`量化目标 · ${DOC_NUMBER} · 妇女儿童发展规划参考版`);
    expect(documentTitle(`妇女儿童发展规划参考版 · ${DOC_NUMBER}`)).toBe(`妇女儿童发展规划参考版 · ${DOC_NUMBER}`);
  });
});
