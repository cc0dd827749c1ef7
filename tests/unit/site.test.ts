import { describe, expect, it } from 'vitest';
import { decode } from '../../src/build/02-decode/decode';
import { clauseRecords, clausesCsv } from '../../src/build/10-open-data/open-data';
import { parse } from '../../src/build/03-parse/parse';
import { enrich } from '../../src/build/05-enrich/enrich';
import { pageUrl, unitUrl } from '../../src/model/ids';
import { seedBytes, seedFile } from './helpers';

const doc = parse(decode(seedFile, seedBytes), 'luozheng-2022-62');
const site = enrich([doc], 'https://plans.example.org');
const records = clauseRecords(site.units);

describe('IDs and URLs come from structure', () => {
  it('gives every unit and page a unique ID and URL', () => {
    expect(new Set(site.units.map((u) => u.id)).size).toBe(site.units.length);
    expect(new Set(site.units.map((u) => u.url)).size).toBe(site.units.length);
    expect(new Set(site.pages.map((p) => p.url)).size).toBe(site.pages.length);
  });

  it('follows the documented scheme', () => {
    const byId = (id: string) => site.unit.get(id);
    expect(byId('luozheng-2022-62.p1.d1.g2')).toMatchObject({ url: '/luozheng-2022-62/p1/d1/g2/', kind: 'goal', number: 2, domain: '妇女与健康' });
    expect(byId('luozheng-2022-62.p2.d7.m14')).toMatchObject({ url: '/luozheng-2022-62/p2/d7/m14/', kind: 'measure', number: 14, domain: '儿童与法律保护' });
    expect(byId('luozheng-2022-62.p1.part1.r2')).toMatchObject({ url: '/luozheng-2022-62/p1/part1/#r2', kind: 'principle' });
    expect(byId('luozheng-2022-62.p2.part4.i2')).toMatchObject({ url: '/luozheng-2022-62/p2/part4/#i2', kind: 'monitoring' });
    expect(byId('luozheng-2022-62.p1.part3.i6')).toMatchObject({ kind: 'implementation', title: '深化调查研究' });
    expect(byId('luozheng-2022-62.notice')).toMatchObject({ url: '/luozheng-2022-62/#notice', kind: 'notice', planTitle: null });
    expect(pageUrl('luozheng-2022-62.p1.d1')).toBe('/luozheng-2022-62/p1/d1/');
    expect(site.pages.find((p) => p.id === 'luozheng-2022-62.p2.full')).toMatchObject({ kind: 'full', url: '/luozheng-2022-62/p2/full/', title: '洛阳市儿童发展规划（2021—2030年）全文' });
  });

  it('lets the URL of a unit be derived from its ID and kind (what the search page does)', () => {
    for (const u of site.units) expect(unitUrl(u.id, u.kind), u.id).toBe(u.url);
  });

  it('does not depend on wording: a retitled domain keeps its IDs', () => {
    const renamed = parse(decode(seedFile, new TextEncoder().encode(seedBytes.toString('utf8').replace('（一）妇女与健康', '（一）妇女与卫生健康'))), 'luozheng-2022-62');
    expect(enrich([renamed], 'https://plans.example.org').units.map((u) => u.id)).toEqual(site.units.map((u) => u.id));
  });

  it('chains every page to the next in reading order, except the whole-plan pages, which stand beside the chain', () => {
    site.pages.forEach((p, i) => expect(p.order).toBe(i));
    const chain = site.pages.filter((p) => p.kind !== 'full');
    chain.forEach((p, i) => {
      expect(p.next?.url ?? null).toBe(chain[i + 1]?.url ?? null);
      expect(p.prev?.url ?? null).toBe(chain[i - 1]?.url ?? null);
    });
    const kinds = site.pages.map((p) => p.kind);
    expect(kinds.filter((k) => k === 'full')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'goal')).toHaveLength(147);
    expect(kinds.filter((k) => k === 'measure')).toHaveLength(181);
    expect(kinds.filter((k) => k === 'domain')).toHaveLength(15);
    expect(kinds.filter((k) => k === 'part')).toHaveLength(8);
  });
});

describe('clauses.json', () => {
  it('holds 147 goals and 181 measures in 15 domains of 2 plans, with every field of the contract', () => {
    const goals = records.filter((r) => r.kind === 'goal');
    const measures = records.filter((r) => r.kind === 'measure');
    expect(goals).toHaveLength(147);
    expect(measures).toHaveLength(181);
    expect(new Set([...goals, ...measures].map((r) => `${r.planTitle}/${r.domain}`)).size).toBe(15);
    expect(new Set(records.map((r) => r.planTitle).filter((t) => t !== null)).size).toBe(2);
    for (const r of records) {
      for (const key of ['id', 'url', 'planTitle', 'domain', 'kind', 'number', 'text', 'citation'] as const) expect(r, `${r.id} ${key}`).toHaveProperty(key);
      expect(r.text.length).toBeGreaterThan(0);
    }
    for (const g of goals) expect(Array.isArray(g.relatedMeasures)).toBe(true);
    for (const m of measures) expect(Array.isArray(m.relatedGoals)).toBe(true);
  });

  it('keeps text verbatim and without the item number', () => {
    expect(site.unit.get('luozheng-2022-62.p1.d1.g2')?.text).toBe('孕产妇死亡率下降到12/10万以下，城乡差距缩小。');
  });

  it('cites plan, document number, part, domain and item, with the permalink (more in cite.test.ts)', () => {
    expect(site.unit.get('luozheng-2022-62.p1.d1.g2')?.citation).toBe(
      '《洛阳市妇女发展规划（2021—2030年）》（洛政〔2022〕62号）第二部分“发展领域、主要目标和策略措施”中“（一）妇女与健康”主要目标第2项，https://plans.example.org/luozheng-2022-62/p1/d1/g2/',
    );
  });
});

describe('clauses.csv', () => {
  it('starts with a BOM, quotes what needs quoting and keeps every record', () => {
    const csv = clausesCsv(records);
    expect(csv.startsWith('\ufeffid,url,planTitle,domain,kind,number,label,title,text,citation,shortTitle\r\n')).toBe(true);
    const monitoring = records.find((r) => r.id === 'luozheng-2022-62.p1.part4.i2');
    expect(monitoring?.text).toContain('\n');
    expect(csv).toContain(`"${monitoring?.text}"`);
    expect(clausesCsv([{ ...records[0]!, text: 'a "quoted", text' }])).toContain('"a ""quoted"", text"');
  });
});
