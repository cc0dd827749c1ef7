import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actorsContent, division, indexActors, matchText } from '../../src/build/06-analysis/actors';
import { LexiconError, loadLexicon } from '../../src/build/06-analysis/actor-lexicon';
import { sentences } from '../../src/text/sentences';
import { decode } from '../../src/build/02-decode/decode';
import { parse } from '../../src/build/03-parse/parse';
import { enrich } from '../../src/build/05-enrich/enrich';
import { normalize } from '../../src/text/normalize';
import { root, seedBytes, seedFile } from './helpers';

const site = enrich([parse(decode(seedFile, seedBytes), 'luozheng-2022-62')], 'https://plans.example.org');
const json: unknown = JSON.parse(readFileSync(path.join(root, 'src/data/actors.json'), 'utf8'));
const lexicon = loadLexicon(json);
const actors = indexActors(site.units, lexicon);
const actor = (slug: string) => {
  const a = actors.find((x) => x.slug === slug);
  if (a === undefined) throw new Error(`no actor ${slug}`);
  return a;
};
const lex = (...entries: [string, string, string[], string[]?][]) =>
  loadLexicon({ actors: entries.map(([slug, name, aliases, exclude]) => ({ slug, name, aliases, group: 'g', ...(exclude ? { exclude } : {}) })) });
const names = (text: string, l = lexicon) => matchText(text, l).map((m) => `${l.entries[m.actor]?.slug}:${text.slice(m.start, m.end)}`);
const dutyOf = (text: string, name: string) => {
  const a = indexActors([{ ...site.units[0]!, id: 't', text }], lexicon).find((x) => x.mentions.some((m) => m.sentence.slice(m.start, m.end) === name));
  return a?.mentions.find((m) => m.sentence.slice(m.start, m.end) === name)?.duty;
};

describe('loadLexicon', () => {
  it('accepts the real lexicon', () => {
    expect(lexicon.entries.length).toBeGreaterThanOrEqual(40);
  });
  it('rejects malformed entries with a message naming the entry', () => {
    expect(() => loadLexicon([])).toThrow(LexiconError);
    expect(() => loadLexicon({ actors: [{ slug: 'Fu Lian', name: '妇联', aliases: [], group: 'g' }] })).toThrow(/actors\[0\].*slug/);
    expect(() => lex(['a', '妇联', []], ['b', '妇联组织', ['妇联']])).toThrow(/actors\[1\] \(b\)\.aliases\[0\].*already.*a/);
    expect(() => lex(['a', '学校', [], ['家长课堂']])).toThrow(/exclude\[0\].*could never/);
    expect(() => loadLexicon({ actors: [], extra: 1 })).toThrow(/unknown key "extra"/);
    expect(() => lex(['a', '团', []])).toThrow(/too short/);
  });
});

describe('matching', () => {
  it('prefers the longest name', () => {
    expect(names('评估组由各级妇儿工委办公室牵头')).toEqual(['pingguzu:评估组', 'fuergongwei-bangongshi:妇儿工委办公室']);
    expect(names('公安机关、人民检察院、人民法院和司法行政部门应当')).toEqual(['gongan:公安机关', 'jianchayuan:人民检察院', 'fayuan:人民法院', 'sifa-xingzheng:司法行政部门']);
    // Without excludes, longest match alone resolves containment.
    const bare = lex(['w', '妇儿工委', []], ['o', '妇儿工委办公室', []], ['p', '人民', []], ['j', '人民检察院', []]);
    expect(names('各级妇儿工委办公室和妇儿工委、人民检察院', bare)).toEqual(['o:妇儿工委办公室', 'w:妇儿工委', 'j:人民检察院']);
  });
  it('matches aliases, also across full-width and traditional spellings', () => {
    expect(names('推动妇联组织参与制定')).toEqual(['fulian:妇联组织']);
    expect(names('村（居）委会成员')).toEqual(['cunju-weiyuanhui:村（居）委会']);
    expect(names('村(居)委会成員')).toEqual(['cunju-weiyuanhui:村(居)委会']);
    expect(names('禁止除公安以外')).toEqual(['gongan:公安']);
  });
  it('does not match inside a longer word that means something else', () => {
    expect(names('建立健全家长学校、家长委员会')).toEqual(['jiazhang-xuexiao:家长学校']);
    expect(names('发挥多学科协作优势')).toEqual([]);
    expect(names('发挥家庭立德树人第一所学校作用')).toEqual([]);
    expect(names('规范设置“孕妇学校”和“家长课堂”')).toEqual([]);
    expect(names('中小学生近视率')).toEqual([]);
    expect(names('在中小学校开展')).toEqual(['xuexiao:中小学校']);
  });
  it('gives the real lexicon no overlapping matches: every containment is an exclude', () => {
    // For every sentence, plain alias search minus each actor's own excludes must not overlap across actors.
    const problems: string[] = [];
    for (const u of site.units) {
      for (const s of sentences(u.text)) {
        const spans = lexicon.entries.flatMap((e) => plainSpans(s, e).map(([a, b]) => ({ slug: e.slug, a, b })));
        for (const x of spans) for (const y of spans) if (x.slug < y.slug && x.a < y.b && y.a < x.b) problems.push(`${u.id}: ${x.slug}/${y.slug} in ${s.slice(Math.min(x.a, y.a), Math.max(x.b, y.b))}`);
      }
    }
    expect(problems).toEqual([]);
  });
  it('finds every body of the lexicon somewhere in the plans', () => {
    expect(actors.filter((a) => a.mentions.length === 0).map((a) => a.slug)).toEqual([]);
  });
});

describe('duties', () => {
  it('reads the verb tied to the body', () => {
    expect(dutyOf('各级统计部门牵头组织开展年度监测。', '统计部门')).toBe('牵头');
    expect(dutyOf('监测组由各级统计部门牵头，相关部门负责规划实施情况统计监测的人员参与。', '统计部门')).toBe('牵头');
    expect(dutyOf('监测组由各级统计部门牵头，相关部门负责规划实施情况统计监测的人员参与。', '监测组')).toBeNull();
    expect(dutyOf('各级政府负责统筹推进规划实施。', '各级政府')).toBe('负责');
    expect(dutyOf('督促用人单位落实女职工保健工作规定。', '用人单位')).toBe('落实');
    expect(dutyOf('鼓励企事业单位、社会组织、慈善机构和公益人士参与保障妇女合法权益。', '企事业单位')).toBe('参与');
    expect(dutyOf('市妇儿工委各成员单位结合工作职责，按照任务分工，制定儿童发展规划实施方案。', '妇儿工委各成员单位')).toBe('制定');
  });
  it('gives no duty to a body that only receives or is named as part of a noun', () => {
    expect(dutyOf('责任单位每年向同级妇儿工委报告规划实施情况。', '妇儿工委')).toBeNull();
    expect(dutyOf('责任单位每年向同级妇儿工委报告规划实施情况。', '责任单位')).toBe('报告');
    expect(dutyOf('鼓励更多女性成为社会组织负责人。', '社会组织')).toBeNull();
    expect(dutyOf('鼓励机关、企事业单位、社会组织、志愿者组织和个人依法依规开展家庭教育指导服务活动。', '企事业单位')).toBe('开展');
    expect(dutyOf('采取政府购买服务等方式，发挥社会力量推动规划实施的作用。', '政府')).toBeNull();
  });
});

/** Plain string search, independent of matchText: alias spans minus those overlapping an exclude. */
function plainSpans(text: string, e: { name: string; aliases: readonly string[]; exclude: readonly string[] }): [number, number][] {
  const t = normalize(text);
  const find = (w: string) => {
    const n = normalize(w);
    const out: [number, number][] = [];
    for (let i = t.indexOf(n); i !== -1; i = t.indexOf(n, i + 1)) out.push([i, i + n.length]);
    return out;
  };
  const blocked = e.exclude.flatMap(find);
  return [e.name, ...e.aliases].flatMap(find).filter(([a, b]) => !blocked.some(([x, y]) => a < y && x < b));
}

describe('coverage of commonly named bodies', () => {
  const ten = ['fulian', 'fuergongwei', 'tongji', 'fayuan', 'jianchayuan', 'gongan', 'xuexiao', 'yiliao-jigou', 'yongren-danwei', 'shehui-zuzhi'];
  it.each(ten)('%s: clauseIds include at least 95% of the units whose text names it', (slug) => {
    const entry = lexicon.entries.find((e) => e.slug === slug)!;
    const expected = site.units.filter((u) => plainSpans(u.text, entry).length > 0).map((u) => u.id);
    const got = new Set(actor(slug).clauseIds);
    expect(expected.length).toBeGreaterThan(0);
    const found = expected.filter((id) => got.has(id));
    expect(found.length / expected.length, `missing: ${expected.filter((id) => !got.has(id)).join(', ')}`).toBeGreaterThanOrEqual(0.95);
    // …and names no unit the plain search does not find.
    expect([...got].filter((id) => !expected.includes(id))).toEqual([]);
  });
  it('points every mention at the body’s name in a verbatim sentence of its unit', () => {
    for (const a of actors) {
      const terms = [a.name, ...a.aliases].map(normalize);
      for (const m of a.mentions) {
        expect(site.unit.get(m.clauseId)?.text).toContain(m.sentence);
        expect(terms).toContain(normalize(m.sentence.slice(m.start, m.end)));
      }
    }
  });
});

describe('division of labour', () => {
  const rows = division(site.units, actors);
  const has = (actor: string, role: string | RegExp) => rows.some((r) => r.actor === actor && (typeof role === 'string' ? r.role === role : role.test(r.role)));
  it('reads who leads monitoring and evaluation and who reports to whom', () => {
    expect(has('各级统计部门', '牵头组织开展年度监测')).toBe(true);
    expect(has('各级统计部门', '监测组牵头')).toBe(true);
    expect(has('各级妇儿工委办公室', '评估组牵头')).toBe(true);
    expect(has('责任单位', /^向同级妇儿工委报告/)).toBe(true);
    expect(has('下级妇儿工委', /^向上一级妇儿工委报告/)).toBe(true);
    expect(has('各级妇儿工委成员单位', '向同级统计部门报送年度监测数据')).toBe(true);
    expect(has('各级政府', '负责统筹推进规划实施')).toBe(true);
  });
  it('only reads implementation and monitoring items, and never lists a receiver as the doer', () => {
    const kinds = new Set(rows.map((r) => site.unit.get(r.clauseId)?.kind));
    expect([...kinds].sort()).toEqual(['implementation', 'monitoring']);
    expect(has('同级统计部门', /./)).toBe(false);
    expect(rows.some((r) => r.slug === 'tongji' && r.role.startsWith('向'))).toBe(false);
  });
  it('never reads a body that only qualifies a thing (参加妇儿工委组织的评估工作) as given a duty', () => {
    const attributive = rows.filter((r) => r.sentence.includes(`${r.actor.replace(/^(各级|同级|下级|上一级|县级以上|县级|各|市)/, '')}${r.role}`) && /^[\u4e00-\u9fff]{1,2}的/.test(r.role));
    expect(attributive).toEqual([]);
    expect(rows.some((r) => r.role.startsWith('组织的'))).toBe(false);
    // The sentence still gives 评估组成员 their own duty.
    expect(has('评估组', /^负责统筹协调本部门规划实施的自我评估/)).toBe(true);
  });
  it('builds the content the pages read', () => {
    const content = actorsContent(site.units, lexicon);
    const m = content.actors.find((a) => a.slug === 'tongji')?.mentions[0];
    expect(m?.url).toMatch(/^\/luozheng-2022-62\//);
    expect(m?.planTitle).toContain('洛阳市');
    expect(content.division.length).toBe(rows.length);
  });
});
