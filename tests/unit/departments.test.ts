// The 任务分解 (src/build/06-analysis/assign-departments.ts): the lexicon's rules, overrides,
// every clause assigned or told why not, and agreement with hand-made maps of departments' duties
// (tests/fixtures/departments/), each written by someone who saw neither the assigner nor the lexicon.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/build/02-decode/decode';
import { parse } from '../../src/build/03-parse/parse';
import { enrich } from '../../src/build/05-enrich/enrich';
import { LexiconError } from '../../src/build/06-analysis/actor-lexicon';
import { assignDepartments, assignedKinds } from '../../src/build/06-analysis/assign-departments';
import { departments, loadDepartments } from '../../src/build/06-analysis/department-lexicon';
import { loadOverrides } from '../../src/build/06-analysis/department-overrides';
import type { ClauseAssignment } from '../../src/model/department';
import { breakdownDocuments, departmentDocuments } from '../../src/render/department-pages';
import type { HomeDocument } from '../../src/render/home-overview';
import { root, seedBytes, seedFile } from './helpers';

const site = enrich([parse(decode(seedFile, seedBytes), 'luozheng-2022-62')], 'https://example.org');
const assignments = assignDepartments(site.units, departments);

/** A hand-made map: for each department (by name), clauses it clearly leads, supports, or has nothing to do with. */
interface GoldMap {
  readonly departments: Record<string, { lead: string[]; support: string[]; unrelated: string[] }>;
}

interface Agreement {
  /** Clear-cut lead and support pairs the assigner lists (any role), of all of them. */
  readonly found: number;
  /** Lead pairs the assigner marks lead. */
  readonly leadAsLead: number;
  /** Unrelated pairs the assigner lists (any role). */
  readonly unrelatedListed: number;
  readonly pairs: { readonly clearCut: number; readonly lead: number; readonly unrelated: number };
}

/** How far the assignments agree with a map. */
function agreement(map: GoldMap, result: readonly ClauseAssignment[]): Agreement {
  const slugOf = new Map(departments.map((d) => [d.name, d.slug]));
  const role = new Map(result.map((a) => [a.clauseId, new Map(a.departments.map((d) => [d.department, d.role]))]));
  let clearCut = 0;
  let found = 0;
  let lead = 0;
  let leadAsLead = 0;
  let unrelated = 0;
  let listed = 0;
  for (const [name, sets] of Object.entries(map.departments)) {
    const slug = slugOf.get(name);
    if (slug === undefined) throw new Error(`the map names ${name}, which src/data/departments.json does not have`);
    for (const id of [...sets.lead, ...sets.support]) {
      clearCut++;
      if (role.get(id)?.has(slug) === true) found++;
    }
    for (const id of sets.lead) {
      lead++;
      if (role.get(id)?.get(slug) === 'lead') leadAsLead++;
    }
    for (const id of sets.unrelated) {
      unrelated++;
      if (role.get(id)?.has(slug) === true) listed++;
    }
  }
  return { found: found / clearCut, leadAsLead: leadAsLead / lead, unrelatedListed: listed / unrelated, pairs: { clearCut, lead, unrelated } };
}

const fixtures = path.join(root, 'tests/fixtures/departments');
const maps = readdirSync(fixtures).filter((f) => /^gold-.*\.json$/.test(f)).sort();

describe('the departments lexicon', () => {
  it('has every department the issue names, each with names and function terms', () => {
    for (const name of ['市卫生健康委', '市教育局', '市民政局', '市人力资源社会保障局', '市公安局', '市司法局', '市市场监管局', '市医保局', '市住房城乡建设局', '市交通运输局', '市生态环境局', '市文化广电和旅游局', '市体育局', '市统计局', '市中级人民法院', '市人民检察院', '市妇联', '团市委', '市总工会', '市残联', '市农业农村局', '市水利局', '市委宣传部', '市委组织部']) {
      const d = departments.find((x) => x.name === name);
      expect(d, name).toBeDefined();
      expect(d?.functions.length, name).toBeGreaterThan(5);
    }
  });

  it('says what is wrong with a bad entry, and where', () => {
    const one = (extra: Record<string, unknown>) => ({ departments: [{ slug: 'a', name: '甲局', fullName: '某市甲局', group: '市政府工作部门', aliases: ['甲部门'], functions: ['甲乙'], ...extra }] });
    expect(() => loadDepartments(one({}), 'x.json')).not.toThrow();
    expect(() => loadDepartments(one({ functions: ['甲'] }), 'x.json')).toThrow(/x\.json: departments\[0\] \(a\)\.functions\[0\]: "甲" is too short/);
    expect(() => loadDepartments(one({ functions: ['甲乙', '甲乙'] }), 'x.json')).toThrow(/listed twice/);
    expect(() => loadDepartments(one({ fullName: '' }), 'x.json')).toThrow(/\.fullName: expected a non-empty string/);
    expect(() => loadDepartments(one({ slug: 'breakdown' }), 'x.json')).toThrow(LexiconError);
    expect(() => loadDepartments(one({ colour: 'red' }), 'x.json')).toThrow(/unknown key "colour"/);
    const two = { departments: [...one({}).departments, { ...one({}).departments[0], slug: 'b', name: '乙局', aliases: ['甲部门'] }] };
    expect(() => loadDepartments(two, 'x.json')).toThrow(/departments\[1\] \(b\)\.aliases\[0\]: "甲部门" is already a name or alias of a/);
  });
});

describe('the 任务分解', () => {
  it('gives every goal, measure and 组织实施/监测评估 item a lead department or the reason why none', () => {
    const units = site.units.filter((u) => assignedKinds.includes(u.kind));
    expect(assignments.map((a) => a.clauseId)).toEqual(units.map((u) => u.id));
    for (const a of assignments) {
      const leads = a.departments.filter((d) => d.role === 'lead');
      if (leads.length === 0) expect(a.none, a.clauseId).toMatch(/\S/);
      else expect(a.none, a.clauseId).toBeNull();
      expect(a.departments.filter((d) => d.role === 'support').length === 0 || leads.length > 0, a.clauseId).toBe(true);
      for (const d of a.departments) expect(d.reason, `${a.clauseId} ${d.department}`).toMatch(/\S/);
    }
  });

  it('lets the text decide where it names a department, and says so', () => {
    const goal = site.units.find((u) => u.kind === 'goal');
    if (goal === undefined) throw new Error('no goal');
    const as = (text: string) => assignDepartments([{ ...goal, text, lines: [{ line: 1, marker: '1.', text }] }], departments)[0]?.departments;
    expect(as('各级公安机关负责依法打击拐卖儿童犯罪。')?.[0]).toEqual({ department: 'gongan', role: 'lead', basis: 'named', reason: '文中写明“各级公安机关”“负责”' });
    // The one given 牵头 leads, wherever it is named; the others named support.
    expect(as('教育部门配合，卫生健康部门牵头开展学生健康体检。')?.map((d) => [d.department, d.role, d.basis])).toEqual([
      ['weijian', 'lead', 'named'],
      ['jiaoyu', 'support', 'named'],
    ]);
    // A department that only receives (向统计部门报送) is not given the clause.
    expect(as('各成员单位按时向统计部门报送监测数据。')?.some((d) => d.department === 'tongji' && d.basis === 'named')).toBe(false);
  });

  it('gives the terms that decided an assignment by function as its reason', () => {
    const byFunction = assignments.flatMap((a) => a.departments.filter((d) => d.basis === 'function').map((d) => ({ a, d })));
    expect(byFunction.length).toBeGreaterThan(100);
    for (const { a, d } of byFunction.slice(0, 50)) {
      const text = site.unit.get(a.clauseId)?.text ?? '';
      const terms = [...d.reason.matchAll(/“([^”]+)”/g)].map((m) => m[1] ?? '');
      expect(terms.length, d.reason).toBeGreaterThan(0);
      for (const t of terms) expect(text.normalize('NFKC'), `${a.clauseId}: ${t}`).toContain(t.normalize('NFKC'));
    }
  });

  it('takes an official division over what it infers', () => {
    const goal = assignments.find((a) => a.departments.some((d) => d.basis === 'function'));
    if (goal === undefined) throw new Error('no inferred assignment');
    const inferred = goal.departments[0]?.department;
    const other = departments.find((d) => d.slug !== inferred)?.slug ?? '';
    const overrides = loadOverrides(JSON.parse(readFileSync(path.join(fixtures, 'overrides.json'), 'utf8').replaceAll('$CLAUSE', goal.clauseId).replaceAll('$LEAD', other)), 'tests/fixtures/departments/overrides.json');
    const changed = assignDepartments(site.units, departments, overrides).find((a) => a.clauseId === goal.clauseId);
    expect(changed?.departments).toEqual([{ department: other, role: 'lead', basis: 'official', reason: `正式分工：${overrides[0]?.source ?? ''}` }]);
    expect(() => assignDepartments(site.units, departments, [{ clause: 'no.such.clause', lead: [other], support: [], source: 'x' }])).toThrow(/no\.such\.clause is no goal, measure/);
    expect(() => assignDepartments(site.units, departments, [{ clause: goal.clauseId, lead: ['no-such-department'], support: [], source: 'x' }])).toThrow(/no-such-department is no department/);
  });
});

describe('agreement with hand-made maps', () => {
  it.each(maps)('%s', (file) => {
    const map = JSON.parse(readFileSync(path.join(fixtures, file), 'utf8')) as GoldMap;
    const a = agreement(map, assignments);
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    console.log(`${file}: found ${pct(a.found)} of ${a.pairs.clearCut} clear-cut pairs; ${pct(a.leadAsLead)} of ${a.pairs.lead} leads marked lead; ${pct(a.unrelatedListed)} of ${a.pairs.unrelated} unrelated pairs listed`);
    expect(a.pairs.clearCut).toBeGreaterThan(50);
    expect(a.found).toBeGreaterThanOrEqual(0.9);
    expect(a.leadAsLead).toBeGreaterThanOrEqual(0.75);
    expect(a.unrelatedListed).toBeLessThanOrEqual(0.05);
  });
});

describe('department pages in a library', () => {
  const doc = (docSlug: string, docNumber: string): HomeDocument => ({ docSlug, docNumber, page: null, meta: null, plans: [] });
  const clauses = [{ id: 'a-doc.p1.d1.g1' }, { id: 'b-doc.p1.d1.m2' }, { id: 'a-doc.p2.d3.m1' }];

  it('lists one page per document holding the department, in the site order, each with its clauses', () => {
    const pages = departmentDocuments({ clauses } as never, [doc('b-doc', '乙〔2023〕1号'), doc('a-doc', '甲〔2022〕2号'), doc('c-doc', '丙〔2024〕3号')]);
    expect(pages.map((p) => [p.docSlug, p.label, p.items.map((c) => c.id)])).toEqual([
      ['b-doc', '乙〔2023〕1号', ['b-doc.p1.d1.m2']],
      ['a-doc', '甲〔2022〕2号', ['a-doc.p1.d1.g1', 'a-doc.p2.d3.m1']],
    ]);
  });

  it('has no pages per document on a site of one document (its page lists every clause)', () => {
    expect(departmentDocuments({ clauses } as never, [doc('a-doc', '甲〔2022〕2号')])).toEqual([]);
    expect(breakdownDocuments(clauses as never, [doc('a-doc', '甲〔2022〕2号')])).toEqual([]);
    expect(breakdownDocuments(clauses as never, [doc('a-doc', '甲'), doc('b-doc', '乙')]).map((p) => p.items.length)).toEqual([2, 1]);
  });
});
