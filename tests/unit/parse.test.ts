import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { PlanError } from '../../src/build/errors';
import type { Document } from '../../src/model/document';
import { asWritten, textOf } from '../../src/model/document';
import { markerNumber } from '../../src/build/03-parse/parse';
import { enrich } from '../../src/build/05-enrich/enrich';
import { checkFidelity } from '../../src/build/04-fidelity/check-fidelity';
import { decode } from '../../src/build/02-decode/decode';
import { firstSentence } from '../../src/text/sentences';
import { parseBytes, parseText, partOf, planError, root, seedFile, seedLineOf, seedLines, seedText, seedWithLine } from './helpers';

const seed = parseText(seedText, seedFile);

/**
 * Fixture folders: tests/fixtures/parse/NAME/input.txt (the seed itself for the real document) →
 * model.json. `UPDATE=1 npx vitest run` rewrites model.json on purpose; a diff then shows exactly
 * what changed in the model.
 */
describe('parser fixtures', () => {
  const dir = path.join(root, 'tests/fixtures/parse');
  it.each(readdirSync(dir))('%s', (name) => {
    const input = name === 'luozheng-2022-62' ? seedFile : path.relative(root, path.join(dir, name, 'input.txt'));
    const doc = parseBytes(readFileSync(path.join(root, input)), input);
    const actual = `${JSON.stringify(doc, null, 1)}\n`;
    const expected = path.join(dir, name, 'model.json');
    if (process.env['UPDATE'] === '1') writeFileSync(expected, actual);
    expect(existsSync(expected), `${expected} is missing: run UPDATE=1 npx vitest run`).toBe(true);
    expect(actual).toBe(readFileSync(expected, 'utf8'));
  });
});

describe('other layouts of the family (fixtures made of this document’s own text)', () => {
  const fixture = (name: string) => {
    const input = `tests/fixtures/parse/${name}/input.txt`;
    return parseBytes(readFileSync(path.join(root, input)), input);
  };

  it('a plan published alone, its title written 2021-2030, its opening paragraphs under 前　　言', () => {
    const doc = fixture('plan-alone-preface');
    expect(doc.notice).toBeNull();
    expect(doc.plans).toHaveLength(1);
    const [plan] = doc.plans;
    expect(plan?.title.text).toBe('洛阳市妇女发展规划（2021-2030年）');
    expect(plan?.preambleHeading?.text).toBe('前　　言');
    expect(plan?.preamble.map((l) => l.text)).toEqual([seedLines.find((l) => l.startsWith('依据宪法'))?.trim()]);
    expect(partOf(plan, 'domains').domains.map((d) => [d.heading.text, d.goals.length, d.measures.length])).toEqual([['妇女与健康', 10, 12]]);
    expect(partOf(plan, 'implementation').items).toHaveLength(6);
    expect(partOf(plan, 'monitoring').items).toHaveLength(5);
    // Every character of the fixture is in exactly one line of the model, its heading included.
    expectEveryLineHeld('plan-alone-preface', doc);
  });

  it('calls the opening paragraphs as their heading does, in the unit and its citation', () => {
    const site = enrich([fixture('plan-alone-preface')], 'https://x.example/');
    const preamble = site.units.find((u) => u.kind === 'preamble');
    expect(preamble?.label).toBe('前言');
    expect(preamble?.citation).toContain('前言');
    expect(preamble?.text.startsWith('依据宪法')).toBe(true);
  });

  it('a notice issuing one plan, with 三、重点工程 before 组织实施: five parts, the projects their own units', () => {
    const doc = fixture('five-parts');
    expect(doc.notice?.title.map((l) => l.text)).toEqual(['关于印发洛阳市儿童发展规划（2021—2030年）的', '通    知']);
    expect(doc.plans.map((p) => p.title.text)).toEqual(['洛阳市儿童发展规划（2021—2030年）']);
    const [plan] = doc.plans;
    expect(plan?.parts.map((p) => [p.number, p.role, p.heading.text])).toEqual([
      [1, 'general', '总体要求'], [2, 'domains', '发展领域、主要目标和策略措施'], [3, 'projects', '重点工程'], [4, 'implementation', '组织实施'], [5, 'monitoring', '监测评估'],
    ]);
    expect(partOf(plan, 'projects').projects.map((p) => [p.number, p.title])).toEqual([[1, '推进实施儿童营养改善项目'], [2, '提高儿童之家建设、管理和服务水平']]);
    expectEveryLineHeld('five-parts', doc);

    const site = enrich([doc], 'https://x.example/');
    const unit = (id: string) => site.unit.get(`test.p1.${id}`);
    expect(unit('part3.i1')).toMatchObject({ kind: 'project', label: '重点工程第1项', url: '/test/p1/part3/#i1', title: '推进实施儿童营养改善项目' });
    expect(unit('part3.i2')?.citation).toBe('《洛阳市儿童发展规划（2021—2030年）》（洛政〔2022〕62号）第三部分“重点工程”第2项，https://x.example/test/p1/part3/#i2');
    expect(unit('part4.i1')).toMatchObject({ kind: 'implementation', label: '第（一）项' });
    expect(unit('part4.i1')?.citation).toContain('第四部分“组织实施”第（一）项，');
    expect(unit('part5.i5')?.citation).toContain('第五部分“监测评估”第（五）项，');
    expect(site.pages.filter((p) => p.kind === 'part').map((p) => [p.url, p.title])).toEqual([
      ['/test/p1/part1/', '一、总体要求'], ['/test/p1/part2/', '二、发展领域、主要目标和策略措施'], ['/test/p1/part3/', '三、重点工程'], ['/test/p1/part4/', '四、组织实施'], ['/test/p1/part5/', '五、监测评估'],
    ]);
  });

  it('a part one under sub-heads, principles numbered, a title written 2021－2030, untitled opening paragraphs', () => {
    const doc = fixture('guiding-principles');
    expect(doc.notice).toBeNull();
    const [plan] = doc.plans;
    expect(plan?.title.text).toBe('洛阳市妇女发展规划（2021－2030年）');
    expect(plan?.preambleHeading).toBeNull();
    expect(plan?.preamble.map((l) => l.text)).toEqual([seedLines.find((l) => l.startsWith('依据宪法'))?.trim()]);
    const general = partOf(plan, 'general');
    expect(asWritten(general.heading)).toBe('一、指导思想、基本原则和总体目标');
    expect([general.guidance?.heading, general.principles?.heading, general.aims?.heading].map((h) => (h === null || h === undefined ? null : asWritten(h)))).toEqual(['（一）指导思想。', '（二）基本原则。', '（三）总体目标。']);
    expect(general.guidance?.lines.map((l) => l.text.slice(0, 6))).toEqual(['以习近平新时']);
    expect(general.principles?.principles.map((p) => [p.number, p.lines[0]?.marker, p.title])).toEqual([
      [1, '1.', '坚持党的全面领导，保障妇女事业可持续发展'], [2, '2.', '坚持男女平等，推动两性和谐发展'], [3, '3.', '坚持新发展理念，促进共建共治共享'],
    ]);
    expect(general.aims?.lines.map((l) => l.text.slice(0, 7))).toEqual(['展望2035年']);
    expect(partOf(plan, 'domains').domains.map((d) => [d.heading.text, d.goals.length, d.measures.length])).toEqual([['妇女与健康', 10, 12]]);
    expectEveryLineHeld('guiding-principles', doc);

    const site = enrich([doc], 'https://x.example/');
    const unit = (id: string) => site.unit.get(`test.p1.${id}`);
    const part = '《洛阳市妇女发展规划（2021－2030年）》第一部分“指导思想、基本原则和总体目标”';
    expect(unit('preamble')?.label).toBe('序言');
    expect(unit('part1.guidance')).toMatchObject({ kind: 'guidance', label: '指导思想', subhead: '（一）指导思想', citation: `${part}中“（一）指导思想”，https://x.example/test/p1/part1/#guidance` });
    expect(unit('part1.r2')).toMatchObject({ kind: 'principle', label: '原则第2项', subhead: '（二）基本原则', citation: `${part}中“（二）基本原则”原则第2项，https://x.example/test/p1/part1/#r2` });
    expect(unit('part1.aims')).toMatchObject({ kind: 'aims', label: '总体目标', subhead: '（三）总体目标', citation: `${part}中“（三）总体目标”，https://x.example/test/p1/part1/#aims` });
    expect(unit('part1.aims')?.text.startsWith('展望2035年')).toBe(true);
  });

  it('principles under （二）基本原则。 may stand unnumbered, one per paragraph that starts with 坚持', () => {
    const text = readFileSync(path.join(root, 'tests/fixtures/parse/guiding-principles/input.txt'), 'utf8').replace(/^\d\.(坚持)/gm, '$1');
    const general = partOf(parseText(text).plans[0], 'general');
    expect(general.principles?.principles.map((p) => [p.number, p.lines[0]?.marker])).toEqual([[1, ''], [2, ''], [3, '']]);
  });

  it('a sub-head with its paragraph on the same line stops the build, naming the line', () => {
    const input = readFileSync(path.join(root, 'tests/fixtures/parse/guiding-principles/input.txt'), 'utf8');
    const e = planError(() => parseText(input.replace('（一）指导思想。\n', '（一）指导思想。').replace(/\n（二）基本原则。\n1\./, '\n（二）基本原则。')));
    expect(e).toMatchObject({ kind: 'unexpected-text', line: 7 });
    expect(e.message).toContain('on a line of its own');
  });

  it('a fifth part that is not 重点工程 stops the build', () => {
    const input = readFileSync(path.join(root, 'tests/fixtures/parse/five-parts/input.txt'), 'utf8');
    const e = planError(() => parseText(input.replace('三、重点工程', '三、保障措施')));
    expect(e).toMatchObject({ kind: 'missing-part' });
    expect(e.message).toContain('unless 三 is 重点工程 or 重点项目');
  });
});

/** Every non-blank line of a fixture is held by exactly one line of its model. */
function expectEveryLineHeld(name: string, doc: Document): void {
  const input = `tests/fixtures/parse/${name}/input.txt`;
  const bytes = readFileSync(path.join(root, input));
  const report = checkFidelity(decode(input, bytes), doc);
  expect(report.lines).toBe(bytes.toString('utf8').split('\n').filter((l) => l.trim() !== '').length);
}

describe('the real seed', () => {
  it('holds 2 plans, 15 domains, 147 goals and 181 measures, each domain with its own counts', () => {
    const counts = seed.plans.map((p) => partOf(p, 'domains').domains.map((d) => [d.heading.text, d.goals.length, d.measures.length]));
    expect(counts).toEqual([
      [
        ['妇女与健康', 10, 12], ['妇女与教育', 10, 13], ['妇女与经济', 9, 12], ['妇女参与决策和管理', 10, 10],
        ['妇女与社会保障', 9, 11], ['妇女与家庭建设', 9, 10], ['妇女与环境', 10, 13], ['妇女与法律', 9, 12],
      ],
      [
        ['儿童与健康', 12, 14], ['儿童与安全', 10, 13], ['儿童与教育', 10, 14], ['儿童与福利', 11, 13],
        ['儿童与家庭', 8, 9], ['儿童与环境', 10, 11], ['儿童与法律保护', 10, 14],
      ],
    ]);
    const all = seed.plans.flatMap((p) => partOf(p, 'domains').domains);
    expect(all.reduce((s, d) => s + d.goals.length, 0)).toBe(147);
    expect(all.reduce((s, d) => s + d.measures.length, 0)).toBe(181);
  });

  it('reads the notice: number, issuer, title, addressees, body and date', () => {
    const n = seed.notice;
    expect(n?.docNumber?.text).toBe('洛政〔2022〕62号');
    expect(n?.issuer?.text).toBe('洛阳市人民政府');
    expect(n?.title.map((l) => l.text)).toEqual(['关于印发洛阳市妇女发展规划（2021—2030年）和洛阳市儿童发展规划（2021—2030年）的', '通    知']);
    expect(n?.addressees?.text).toBe('各县区人民政府，市人民政府各部门，各有关单位：');
    expect(n?.body).toHaveLength(1);
    expect(n?.date?.text).toBe('2022年12月29日');
  });

  it('reads each plan: title, preamble, four parts, principles, items with sub-paragraphs', () => {
    expect(seed.plans.map((p) => p.title.text)).toEqual(['洛阳市妇女发展规划（2021—2030年）', '洛阳市儿童发展规划（2021—2030年）']);
    for (const plan of seed.plans) {
      expect(plan.preamble).toHaveLength(1);
      expect(plan.parts.map((p) => p.heading.text)).toEqual(['总体要求', '发展领域、主要目标和策略措施', '组织实施', '监测评估']);
      expect(partOf(plan, 'general').guidance?.lines).toHaveLength(1);
      expect((partOf(plan, 'general').principles?.principles ?? []).map((p) => p.title.slice(0, 7))).toEqual(['坚持党的全面领导', '坚持男女平等，', '坚持新发展理念'].map((t) => t.slice(0, 7)).map((t, i) => (i === 1 && plan.index === 2 ? '坚持儿童优先，' : t)));
      expect(partOf(plan, 'implementation').items.map((i) => i.title)).toEqual(['加强组织领导', '完善工作机制', '保障经费支持', '提升能力建设', '加大宣传力度', '深化调查研究']);
      expect(partOf(plan, 'monitoring').items).toHaveLength(5);
      // （二）加强监测评估工作组织领导 carries the 监测组 and 评估组 paragraphs.
      expect(partOf(plan, 'monitoring').items[1]?.lines.map((l) => l.text.slice(0, 3))).toEqual(['加强监', '监测组', '评估组']);
    }
  });

  it('takes a measure title from its first sentence and keeps `8.5岁以下` as goal 8', () => {
    const health = partOf(seed.plans[0], 'domains').domains[0];
    expect(health?.measures[0]?.title).toBe('完善保障妇女健康的制度机制');
    const childHealth = partOf(seed.plans[1], 'domains').domains[0];
    expect(childHealth?.goals[7]?.number).toBe(8);
    expect(textOf(childHealth?.goals[7]?.lines ?? [])).toMatch(/^5岁以下儿童贫血率/);
  });

  it('keeps file and line on every node', () => {
    const goal = partOf(seed.plans[0], 'domains').domains[0]?.goals[1];
    expect(goal?.position).toEqual({ type: 'source', file: seedFile, line: seedLineOf('2.孕产妇死亡率'), endLine: seedLineOf('2.孕产妇死亡率') });
    expect(seed.plans[1]?.position).toMatchObject({ type: 'source', line: seedLineOf('洛阳市儿童发展规划') });
  });
});

describe('numbers and titles', () => {
  it('reads Arabic, full-width and Chinese numerals', () => {
    expect(['1.', '１．', '12、', '（一）', '(十)', '十一、', '（二十三）'].map(markerNumber)).toEqual([1, 1, 12, 1, 10, 11, 23]);
  });
  it('takes the first sentence without its full stop', () => {
    expect(firstSentence('加强组织领导。完善落实')).toBe('加强组织领导');
    expect(firstSentence('没有句号')).toBe('没有句号');
  });
});

/** What must survive any reformatting: every unit's place, number and (NFKC-normalized) text. */
function shape(doc: Document): string[] {
  const norm = (s: string) => s.normalize('NFKC');
  return doc.plans.flatMap((plan) => [
    `plan ${plan.index} ${norm(plan.title.text)}`,
    ...plan.parts.map((p) => `part ${p.number} ${norm(p.heading.text)}`),
    ...(partOf(plan, 'general').principles?.principles ?? []).map((p) => `principle ${p.number} ${norm(textOf(p.lines))}`),
    ...partOf(plan, 'domains').domains.flatMap((d) => [
      `domain ${d.number} ${norm(d.heading.text)}`,
      ...d.goals.map((g) => `goal ${d.number}.${g.number} ${norm(textOf(g.lines))}`),
      ...d.measures.map((m) => `measure ${d.number}.${m.number} ${norm(m.title)} ${norm(textOf(m.lines))}`),
    ]),
    ...[...partOf(plan, 'implementation').items, ...partOf(plan, 'monitoring').items].map((i) => `item ${i.number} ${norm(textOf(i.lines))}`),
  ]);
}

const toFullWidth = (digits: string) => digits.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const habits: Record<string, (text: string) => string> = {
  'CRLF line ends and a BOM': (t) => `\ufeff${t.replace(/\n/g, '\r\n')}`,
  'ASCII parentheses': (t) => t.replace(/（/g, '(').replace(/）/g, ')'),
  '１、 numbering': (t) => t.replace(/^(\d+)\./gm, (_, d: string) => `${toFullWidth(d)}、`),
  '1． numbering': (t) => t.replace(/^(\d+)\./gm, '$1．'),
  '1、 numbering': (t) => t.replace(/^(\d+)\./gm, '$1、'),
  'no blank lines': (t) => t.replace(/\n\s*\n/g, '\n'),
  'stray spaces and indentation': (t) =>
    t.split('\n').map((l) => `\u3000\u3000${l.replace(/^(\d+)\./, '$1. ').replace(/^（(.)）/, '（$1） ')}  `).join('\n'),
  'all at once': (t) => `\ufeff${t.replace(/（/g, '(').replace(/）/g, ')').replace(/^(\d+)\./gm, (_, d: string) => ` ${toFullWidth(d)}、 `).replace(/\n\s*\n/g, '\n').replace(/\n/g, '\r\n')}`,
};

describe('formatting habits of the family build the same structure', () => {
  const expected = shape(seed);
  it.each(Object.entries(habits))('%s', (_, reformat) => {
    const text = reformat(seedText);
    expect(text).not.toBe(seedText);
    expect(shape(parseText(text))).toEqual(expected);
  });

  it('saved as GBK', () => {
    const bytes = iconv.encode(seedText, 'gbk');
    expect(bytes.equals(Buffer.from(seedText))).toBe(false);
    const doc = parseBytes(bytes);
    expect(doc.encoding).toBe('gb18030');
    expect(shape(doc)).toEqual(expected);
  });
});

/** Parse and return the PlanError it must throw. */
const failure = (text: string): PlanError => planError(() => parseText(text));

describe('broken documents stop with file:line, what was expected and what was found', () => {
  it('a skipped goal number', () => {
    const n = seedLineOf('3.妇女宫颈癌');
    const e = failure(seedWithLine(n, seedLines[n - 1]?.replace(/^3\./, '4.') ?? ''));
    expect(e).toMatchObject({ kind: 'skipped-number', line: n });
    expect(e.message).toContain(`test.txt:${n}: expected 主要目标 (goal) number 3, found number 4`);
  });

  it('a repeated measure number', () => {
    const n = seedLineOf('5.完善宫颈癌和乳腺癌');
    const e = failure(seedWithLine(n, seedLines[n - 1]?.replace(/^5\./, '4.') ?? ''));
    expect(e).toMatchObject({ kind: 'repeated-number', line: n });
    expect(e.message).toContain('expected 策略措施 (measure) number 5, found number 4');
  });

  it('a skipped domain number', () => {
    const n = seedLineOf('（二）妇女与教育');
    const e = failure(seedWithLine(n, '（三）妇女与教育'));
    expect(e).toMatchObject({ kind: 'skipped-number', line: n });
  });

  it('a missing 主要目标 heading', () => {
    const n = seedLineOf('主要目标：');
    const e = failure(seedWithLine(n, ''));
    expect(e).toMatchObject({ kind: 'missing-goals', line: seedLineOf('1.妇女全生命周期') });
  });

  it('a missing 策略措施 heading', () => {
    const n = seedLineOf('策略措施：');
    const e = failure(seedWithLine(n, ''));
    expect(e).toMatchObject({ kind: 'missing-measures', line: seedLineOf('1.完善保障妇女健康') });
  });

  it('a missing part heading', () => {
    const n = seedLineOf('三、组织实施');
    const e = failure(seedWithLine(n, ''));
    expect(e).toMatchObject({ kind: 'missing-part', line: seedLineOf('四、监测评估') });
    expect(e.message).toContain('expected part 三、组织实施');
  });

  it('a plan that stops before its last part', () => {
    const e = failure(seedLines.slice(0, seedLineOf('四、监测评估') - 1).join('\n'));
    expect(e).toMatchObject({ kind: 'missing-part' });
    expect(e.message).toContain('expected part 四、监测评估');
  });

  it('text before the first goal', () => {
    const n = seedLineOf('主要目标：');
    const e = failure(seedWithLine(n + 1, '这一行不属于任何目标。'));
    expect(e).toMatchObject({ kind: 'unexpected-text', line: n + 1 });
  });

  it('a file with no plan in it', () => {
    expect(failure('只有一行字。')).toMatchObject({ kind: 'no-plan', line: 1 });
  });
});
