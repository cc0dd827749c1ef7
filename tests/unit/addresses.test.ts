// The site's public address (SITE_URL) and the path it lives under: how site paths become links,
// permalinks and printed addresses, and what a SITE_URL the site cannot be built for says.
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/build/02-decode/decode';
import { parse } from '../../src/build/03-parse/parse';
import { enrich } from '../../src/build/05-enrich/enrich';
import { absoluteUrl, assumedOrigin, defaultSiteUrl, pathUnder, siteBase, siteUrl, SiteUrlError } from '../../src/model/ids';
import { printUrl } from '../../src/render/navigation';
import { seedBytes, seedFile } from './helpers';

describe('SITE_URL', () => {
  it('defaults to the development address, and the build says it assumed it', () => {
    expect(siteUrl({})).toBe(`${defaultSiteUrl}/`);
    expect(siteBase({})).toBe('/');
    expect(assumedOrigin({})).toBe(new URL(defaultSiteUrl).origin);
    expect(assumedOrigin({ SITE_URL: 'https://plans.example.gov.cn' })).toBeNull();
  });

  it('is a folder: a path without its slash gets one, and the path is the base', () => {
    expect(siteUrl({ SITE_URL: 'https://example.gov.cn/fuer' })).toBe('https://example.gov.cn/fuer/');
    expect(siteBase({ SITE_URL: 'https://example.gov.cn/fuer' })).toBe('/fuer/');
    expect(siteBase({ SITE_URL: 'https://example.gov.cn/a/b/' })).toBe('/a/b/');
    expect(siteBase({ SITE_URL: 'https://plans.example.gov.cn' })).toBe('/');
  });

  it('that the site cannot be built for stops the build saying what to set', () => {
    for (const bad of ['example.gov.cn/fuer', 'ftp://example.gov.cn/', 'https://example.gov.cn/fuer/?x=1', 'https://example.gov.cn/#top', 'https://u:p@example.gov.cn/']) {
      expect(() => siteUrl({ SITE_URL: bad }), bad).toThrow(SiteUrlError);
    }
    expect(() => siteUrl({ SITE_URL: 'example.gov.cn' })).toThrow(/SITE_URL=https:\/\/plans\.example\.gov\.cn/);
  });
});

describe('site paths under a base', () => {
  it('are linked under the base; anchors, queries and absolute addresses are not', () => {
    expect(pathUnder('/fuer/', '/targets/')).toBe('/fuer/targets/');
    expect(pathUnder('/fuer/', '/')).toBe('/fuer/');
    expect(pathUnder('/fuer/', '/data/clauses.csv')).toBe('/fuer/data/clauses.csv');
    expect(pathUnder('/', '/targets/')).toBe('/targets/');
    for (const as of ['#m3', '?q=近视', 'https://www.ly.gov.cn/', '//cdn.example/x.js', 'g2/']) expect(pathUnder('/fuer/', as)).toBe(as);
  });

  it('become absolute addresses that keep the base', () => {
    expect(absoluteUrl('/luozheng-2022-62/p1/', 'https://example.gov.cn/fuer/')).toBe('https://example.gov.cn/fuer/luozheng-2022-62/p1/');
    expect(absoluteUrl('/luozheng-2022-62/#notice', 'https://example.gov.cn/fuer')).toBe('https://example.gov.cn/fuer/luozheng-2022-62/#notice');
    expect(absoluteUrl('/', 'https://plans.example.gov.cn/')).toBe('https://plans.example.gov.cn/');
    expect(() => absoluteUrl('targets/', 'https://example.gov.cn/')).toThrow(/not a site path/);
  });

  it('print their address under the base, and a link relative to the page resolves against it', () => {
    expect(printUrl('/targets/', '/luozheng-2022-62/p1/', 'https://example.gov.cn/fuer/')).toBe('https://example.gov.cn/fuer/targets/');
    expect(printUrl('#m3', '/luozheng-2022-62/p1/d1/', 'https://example.gov.cn/fuer/')).toBe('https://example.gov.cn/fuer/luozheng-2022-62/p1/d1/#m3');
  });
});

describe('permalinks and citations on a site under a path', () => {
  const site = 'https://example.gov.cn/fuer/';
  const units = enrich([parse(decode(seedFile, seedBytes), 'luozheng-2022-62')], site).units;

  it('carry the path; the url stays the site path', () => {
    expect(units.length).toBeGreaterThan(0);
    for (const u of units) {
      expect(u.url.startsWith('/fuer/'), u.id).toBe(false);
      expect(u.permalink, u.id).toBe(`${site}${u.url.slice(1)}`);
      expect(u.citation.endsWith(u.permalink), u.id).toBe(true);
    }
  });
});
