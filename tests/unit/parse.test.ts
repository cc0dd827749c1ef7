import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { PlanError } from '../../src/build/errors';
import type { Document } from '../../src/model/document';
import { textOf } from '../../src/model/document';
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
