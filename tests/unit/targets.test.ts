import { describe, expect, it } from 'vitest';
import { decode } from '../../src/build/02-decode/decode';
import { parse } from '../../src/build/03-parse/parse';
import { enrich } from '../../src/build/05-enrich/enrich';
import { extractTargets, splitCompound, targetsIn, targetsJson } from '../../src/build/06-analysis/extract-targets';
import { indicatorKey, planYear, targetPlans, type Target } from '../../src/model/target';
import { seedBytes, seedFile } from './helpers';

const doc = parse(decode(seedFile, seedBytes), 'luozheng-2022-62');
const units = enrich([doc], 'https://plans.example.org').units;
const targets = extractTargets(units);
const unitText = new Map(units.map((u) => [u.id, u.text]));

type Expected = [clause: string, indicator: string, value: number, unit: string, comparator: Target['comparator']];
const p = (id: string) => `luozheng-2022-62.${id}`;

/** Every quantified target in the seed's 主要目标, read by hand, in document order. */
const goalTargets: Expected[] = [
  // 妇女发展规划
  ['p1.d1.g2', '孕产妇死亡率', 12, '/10万', '<='], // 下降到12/10万以下
  ['p1.d1.g3', '适龄妇女宫颈癌人群筛查率', 70, '%', '>='], // 达到70%以上
  ['p1.d1.g5', '艾滋病母婴传播率', 2, '%', '<='], // 下降到2%以下
  ['p1.d1.g10', '政府举办的标准化妇幼保健机构', 1, '所', '>='], // 市、县均有1所… (a count of institutions is a target)
  ['p1.d2.g4', '九年义务教育巩固率', 97, '%', '>='], // 提高到97%以上
  ['p1.d2.g5', '高中阶段教育毛入学率', 96, '%', '>='], // 达到并保持在96%以上
  ['p1.d3.g2', '就业人员中的女性比例', 45, '%', '≈'], // 保持在45%左右
  ['p1.d3.g3', '城镇单位就业人员中的女性比例', 40, '%', '≈'], // 达到40%左右
  ['p1.d3.g4', '高级专业技术人员中的女性比例', 40, '%', '>='], // 达到40% (plain 达到)
  ['p1.d4.g8', '村委会成员中女性比例', 30, '%', '>='], // 达到30%以上
  ['p1.d4.g9', '社区居委会成员中女性比例', 50, '%', '≈'], // 保持在50%左右
  ['p1.d4.g9', '社区居委会主任中女性比例', 40, '%', '>='], // 达到40%以上
  ['p1.d5.g3', '妇女基本医疗保险参保率', 95, '%', '>='], // 稳定在95%以上
  ['p1.d5.g4', '妇女基本养老保险参保率', 95, '%', '>='], // 提高到95%
  ['p1.d7.g6', '农村自来水普及率', 93, '%', '>='], // 力争达到93%
  // 儿童发展规划
  ['p2.d1.g3', '新生儿死亡率', 3, '‰', '<='], // 新生儿、婴儿和5岁以下儿童死亡率分别降至3.0‰、5.0‰和6.0‰以下
  ['p2.d1.g3', '婴儿死亡率', 5, '‰', '<='],
  ['p2.d1.g3', '5岁以下儿童死亡率', 6, '‰', '<='],
  ['p2.d1.g6', '适龄儿童免疫规划疫苗接种率', 90, '%', '>='], // 以乡镇（街道）为单位保持在90%以上
  ['p2.d1.g8', '5岁以下儿童贫血率', 10, '%', '<='], // 贫血率和生长迟缓率分别控制在10%和5%以下
  ['p2.d1.g8', '5岁以下儿童生长迟缓率', 5, '%', '<='],
  ['p2.d1.g9', '小学生近视率', 38, '%', '<='], // 降至38%以下
  ['p2.d1.g9', '初中生近视率', 60, '%', '<='],
  ['p2.d1.g9', '高中阶段学生近视率', 70, '%', '<='],
  ['p2.d1.g9', '0—6岁儿童眼保健和视力检查覆盖率', 90, '%', '>='], // one indicator: 眼保健 is not a 率 on its own
  ['p2.d1.g10', '中小学生国家学生体质健康标准达标优良率', 60, '%', '>='],
  ['p2.d3.g3', '学前教育毛入园率', 95, '%', '>='],
  ['p2.d3.g4', '九年义务教育巩固率', 97, '%', '>='], // 在97%以上
  ['p2.d3.g5', '高中阶段教育毛入学率', 96, '%', '>='],
  ['p2.d5.g6', '城市社区建立家长学校或家庭教育指导服务站点的比例', 95, '%', '>='], // 95%的城市社区和85%的农村社区（村）建立…
  ['p2.d5.g6', '农村社区（村）建立家长学校或家庭教育指导服务站点的比例', 85, '%', '>='],
  ['p2.d6.g7', '农村自来水普及率', 93, '%', '>='], // 力争达到93%
];

const brief = (t: Pick<Target, 'clauseId' | 'indicator' | 'value' | 'unit' | 'comparator'>): Expected => [
  t.clauseId.replace('luozheng-2022-62.', ''), t.indicator, t.value, t.unit, t.comparator,
];
const only = (sentence: string) => targetsIn(sentence).map((t) => [t.indicator, t.value, t.unit, t.comparator]);

describe('targets in the seed', () => {
  it('finds exactly the 32 hand-read targets of the goals, in order', () => {
    const goals = targets.filter((t) => units.find((u) => u.id === t.clauseId)?.kind === 'goal');
    expect(goals.map(brief)).toEqual(goalTargets);
    expect(goals).toHaveLength(32);
  });

  it('finds the measures’ targets, including counts, rates per thousand and hours', () => {
    const measures = targets.filter((t) => t.clauseId.includes('.m')).map(brief);
    expect(measures).toEqual(
      expect.arrayContaining<Expected>([
        ['p1.d1.m4', '孕产妇系统管理率', 90, '%', '>='],
        ['p1.d1.m5', '宫颈癌和乳腺癌防治知识知晓率', 90, '%', '>='], // written 90％: unit normalized
        ['p1.d1.m7', '孕产妇艾滋病、梅毒和乙肝检测率', 98, '%', '>='],
        ['p2.d1.m2', '标准化妇幼保健机构', 1, '所', '>='],
        ['p2.d1.m2', '每千名儿童拥有儿科执业（助理）医生', 1.12, '名', '>='],
        ['p2.d1.m2', '每千名儿童拥有床位', 3.17, '张', '>='],
        ['p2.d1.m6', '3岁以下儿童系统管理率', 90, '%', '>='],
        ['p2.d1.m6', '7岁以下儿童健康管理率', 90, '%', '>='],
        ['p2.d1.m7', '12岁儿童龋患率', 25, '%', '<='], // 控制在25%以内
        ['p2.d1.m10', '6个月内婴儿纯母乳喂养率', 50, '%', '>='],
        ['p2.d1.m11', '儿童每天接触户外自然光', 1, '小时', '>='],
        ['p2.d1.m12', '小学生每天睡眠时间', 10, '小时', '>='],
        ['p2.d3.m6', '公办幼儿园在园幼儿占比', 50, '%', '>='],
      ]),
    );
    expect(measures).toHaveLength(24);
  });

  it('takes targets only from goals and measures, each with its sentence verbatim', () => {
    const kinds = new Set(targets.map((t) => units.find((u) => u.id === t.clauseId)?.kind));
    expect([...kinds].sort()).toEqual(['goal', 'measure']);
    for (const t of targets) {
      expect(unitText.get(t.clauseId), t.indicator).toContain(t.text);
      expect(t.text).toMatch(/[。；！？]$|[^，]$/);
      expect(Number.isFinite(t.value)).toBe(true);
      expect(t.unit).not.toBe('％');
    }
    expect(targets.find((t) => t.indicator === '孕产妇死亡率')?.text).toBe('孕产妇死亡率下降到12/10万以下，城乡差距缩小。');
  });

  it('never takes a year, a quoted name, an age or a chemical name for a target', () => {
    const values = targets.map((t) => `${t.value}${t.unit}`);
    for (const bad of ['2030年', '12338', '1144', '15分钟', '16岁', '3岁', '0岁', '6个', '1000天']) expect(values).not.toContain(bad);
    expect(targets.filter((t) => t.clauseId === p('p2.d2.m10'))).toEqual([]); // 未满16周岁儿童
    expect(targets.filter((t) => t.clauseId === p('p2.d4.m9'))).toEqual([]); // 16周岁以下流动儿童
    expect(targets.filter((t) => t.clauseId === p('p2.d1.m5'))).toEqual([]); // 葡萄糖-6-磷酸脱氢酶
    expect(targets.filter((t) => t.clauseId === p('p1.d6.m8'))).toEqual([]); // 3岁以下婴幼儿照护服务
  });
});

describe('comparator words', () => {
  it.each([
    ['孕产妇死亡率下降到12/10万以下。', '<='],
    ['龋患率控制在25%以内。', '<='],
    ['剖宫产率不超过30%。', '<='],
    ['剖宫产率不高于30%。', '<='],
    ['贫血率控制在10%以下。', '<='],
    ['筛查率达到70%以上。', '>='],
    ['参保率不低于95%。', '>='],
    ['户外活动不少于1小时。', '>='],
    ['女性比例保持在45%左右。', '≈'],
    ['女性比例达到40%。', '>='],
    ['巩固率提高到97%。', '>='],
    ['床位增至3.17张。', '>='],
    ['接种率保持在90%以上。', '>='],
    ['接种率保持在90%。', '>='],
    ['平均预期寿命达到80岁。', '>='],
    ['出生人口性别比为105。', null],
  ])('%s → %s', (sentence, comparator) => {
    const found = targetsIn(sentence);
    if (comparator === null) expect(found).toEqual([]); // no unit: not a quantified target
    else expect(found.map((t) => t.comparator)).toEqual([comparator]);
  });

  it('normalizes the full-width percent sign and keeps other units as written', () => {
    expect(only('知晓率达到９０％以上。')).toEqual([['知晓率', 90, '%', '>=']]);
    expect(only('孕产妇死亡率下降到12/10万以下。')).toEqual([['孕产妇死亡率', 12, '/10万', '<=']]);
    expect(only('差距缩小到1.5倍以内。')).toEqual([['差距', 1.5, '倍', '<=']]);
  });
});

describe('compound sentences', () => {
  it('pairs 分别 values with their indicators', () => {
    expect(only('新生儿、婴儿和5岁以下儿童死亡率分别降至3.0‰、5.0‰和6.0‰以下。')).toEqual([
      ['新生儿死亡率', 3, '‰', '<='],
      ['婴儿死亡率', 5, '‰', '<='],
      ['5岁以下儿童死亡率', 6, '‰', '<='],
    ]);
    expect(splitCompound('5岁以下儿童贫血率和生长迟缓率', 2)).toEqual(['5岁以下儿童贫血率', '5岁以下儿童生长迟缓率']);
  });

  it('splits two populations with two values in one sentence', () => {
    expect(only('小学生近视率降至38%以下，初中生近视率降至60%以下。')).toEqual([
      ['小学生近视率', 38, '%', '<='],
      ['初中生近视率', 60, '%', '<='],
    ]);
  });

  it('gives one value to several whole indicators, but keeps one indicator with a list in it whole', () => {
    expect(only('3岁以下儿童系统管理率和7岁以下儿童健康管理率保持在90%以上。')).toHaveLength(2);
    expect(only('孕产妇艾滋病、梅毒和乙肝检测率达到98%以上。')).toEqual([['孕产妇艾滋病、梅毒和乙肝检测率', 98, '%', '>=']]);
  });
});

describe('numbers that are not targets', () => {
  it.each([
    '到2030年，妇女健康水平不断提高。',
    '关爱5岁以下儿童和3—5岁学龄前儿童。',
    '网络服务提供者不得为未满16周岁儿童提供服务。',
    '建立16周岁以下流动儿童登记管理制度。',
    '用好“12338”妇女维权公益服务热线，打造“15分钟”健身圈。',
    '根据洛政〔2022〕62号文件执行。',
    '开展0—6岁儿童健康管理工作。',
  ])('%s', (sentence) => {
    expect(targetsIn(sentence)).toEqual([]);
  });
});

describe('what a target is for', () => {
  it('a count of lessons names the course its sentence sets', () => {
    const found = targetsIn('将心理健康课程列入中小学必修课内容，确保小学各年级每学年不少于12课时、中学不少于14课时。');
    expect(found.map((f) => [f.indicator, f.value, f.unit])).toEqual([
      ['小学各年级每学年心理健康课程', 12, '课时'],
      ['中学每学年心理健康课程', 14, '课时'],
    ]);
    // Every character of the label comes from the sentence.
    for (const f of found) for (const ch of f.indicator) expect('将心理健康课程列入中小学必修课内容，确保小学各年级每学年不少于12课时、中学不少于14课时。').toContain(ch);
  });

  it('the year is the end of the plan period, however the title writes it', () => {
    expect(planYear('洛阳市妇女发展规划（2021—2030年）')).toBe(2030);
    expect(planYear('某省儿童发展规划(2021-2030年)')).toBe(2030);
    expect(planYear('某市妇女发展规划（2021－2030年）')).toBe(2030);
    expect(planYear('某市妇女发展规划')).toBeNull();
  });

  it('every target of the seed carries its plan’s year', () => {
    const site = enrich([parse(decode(seedFile, seedBytes), 'luozheng-2022-62')], 'https://x.example/');
    const { targets } = targetsJson(site.units);
    expect(targets.length).toBeGreaterThan(0);
    for (const t of targets) expect(t.year, t.indicator).toBe(planYear(t.planTitle));
    expect(targets.every((t) => t.year !== null)).toBe(true);
  });

  it('indicators match across plans by their normalized name', () => {
    expect(indicatorKey('九年义务教育巩固率')).toBe(indicatorKey('九年义务教育 巩固率'));
    expect(indicatorKey('５岁以下儿童死亡率')).toBe(indicatorKey('5岁以下儿童死亡率'));
  });
});

describe('targets of a library', () => {
  const seed = parse(decode(seedFile, seedBytes), 'luozheng-2022-62');
  const other = parse(decode('seeds/other.txt', new TextEncoder().encode(new TextDecoder().decode(seedBytes).replace(/洛政〔2022〕62号/g, '洛政〔2023〕5号'))), 'other');

  it('carry their document, their plan’s ID and their indicator key', () => {
    const { targets } = targetsJson(enrich([seed], 'https://x.example/').units);
    for (const t of targets) {
      expect(t.docSlug).toBe('luozheng-2022-62');
      expect(t.docNumber).toBe('洛政〔2022〕62号');
      expect(t.clauseId.startsWith(`${t.plan}.`)).toBe(true);
      expect(t.indicatorKey).toBe(indicatorKey(t.indicator));
    }
    expect(targetPlans(targets).map((p) => p.name)).toEqual([...new Set(targets.map((t) => t.planTitle))]);
  });

  it('name each plan with its 文号 when two documents have plans of one title', () => {
    const { targets } = targetsJson(enrich([seed, other], 'https://x.example/').units);
    const plans = targetPlans(targets);
    expect(plans.map((p) => p.id)).toEqual(['luozheng-2022-62.p1', 'luozheng-2022-62.p2', 'other.p1', 'other.p2']);
    expect(new Set(plans.map((p) => p.name)).size).toBe(4);
    expect(plans[2]?.name.startsWith('洛政〔2023〕5号 ')).toBe(true);
  });
});
