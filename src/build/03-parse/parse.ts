// Parse: the numbered lines of one seed → its document model (model/document.ts). Accepts the formatting
// habits of the plan family: full-width or ASCII parentheses, `1.` `1．` `1、` `１．` numbering,
// blank lines or none, stray spaces and indentation. Stops at the first structural problem with
// a PlanError that names the file and line.
import type { Document, Domain, GeneralPart, Goal, Item, Line, Measure, Notice, Part, PartOf, Plan, Position, Principle, Project } from '../../model/document';
import { asWritten, noticeMeta } from '../../model/document';
import { chineseNumeral, numeralValue } from '../../text/numerals';
import { firstSentence } from '../../text/sentences';
import type { DecodedFile } from '../02-decode/decode';
import { PlanError, quote } from '../errors';

/** A non-blank source line: its number and its text without leading or trailing whitespace. */
interface SourceLine {
  readonly n: number;
  readonly s: string;
}

const sp = '[ \\t\\u3000]*';
const cnDigits = '[一二三四五六七八九十百〇零]+';
/** The sub-heads of a first part, by what stands under them. */
const subheads = { guidance: '指导思想', principles: '基本原则', aims: '总体目标' } as const;
type SubheadRole = keyof typeof subheads;
const subheadNames = Object.values(subheads);

const patterns = {
  planTitle: new RegExp(`^(?![《〈“"])[^。，；：]{2,60}?(?:规划|纲要)${sp}[（(]${sp}\\d{4}${sp}[—–－~～\\-至]+${sp}\\d{4}${sp}年${sp}[）)]$`),
  part: new RegExp(`^(${cnDigits})${sp}[、.．]${sp}(?=\\S)(?=[^。]{1,40}$)`),
  paren: new RegExp(`^[（(]${sp}(${cnDigits})${sp}[）)]${sp}`),
  item: new RegExp(`^([0-9０-９]+)${sp}[.．、]${sp}`),
  goals: new RegExp(`^主要目标${sp}[：:]?$`),
  projects: new RegExp(`^${cnDigits}${sp}[、.．]${sp}重点(?:工程|项目)${sp}$`),
  subheadStop: new RegExp(`${sp}[。．.：:]?$`, 'u'),
  /** A line that starts like a sub-head of the first part: （二）基本原则… */
  subheadStart: new RegExp(`^[（(]${sp}${cnDigits}${sp}[）)]${sp}(?:${subheadNames.join('|')})`),
  preambleHeading: new RegExp(`^(?:前${sp}言|序${sp}言)$`),
  measures: new RegExp(`^策略措施${sp}[：:]?$`),
  docNumber: new RegExp(`[〔［\\[(（]${sp}\\d{4}${sp}[〕］\\])）]${sp}\\d+${sp}号$`),
  date: new RegExp(`^[\\d〇零一二三四五六七八九]{4}${sp}年${sp}[\\d一二三四五六七八九十]{1,3}${sp}月${sp}[\\d一二三四五六七八九十]{1,3}${sp}日$`),
};

/** The parts of a plan, by role and the name a message gives them: four, or five with 重点工程. */
const partNames = {
  plain: [['general', '总体要求'], ['domains', '发展领域、主要目标和策略措施'], ['implementation', '组织实施'], ['monitoring', '监测评估']],
  withProjects: [['general', '总体要求'], ['domains', '发展领域、主要目标和策略措施'], ['projects', '重点工程'], ['implementation', '组织实施'], ['monitoring', '监测评估']],
} as const satisfies Record<string, readonly (readonly [Part['role'], string])[]>;

/** Parse one decoded seed file into its document model. */
export function parse(decoded: DecodedFile, slug: string): Document {
  const { file } = decoded;
  const lines: SourceLine[] = [];
  decoded.lines.forEach((raw, i) => {
    const s = raw.replace(/^[\s\ufeff]+|\s+$/gu, '');
    if (s !== '') lines.push({ n: i + 1, s });
  });
  const ctx = new Context(file);
  const starts = lines.flatMap((l, i) => (patterns.planTitle.test(l.s) ? [i] : []));
  if (starts.length === 0) {
    throw ctx.error('no-plan', lines[0] ?? null, 'a plan title such as 洛阳市妇女发展规划（2021—2030年）', 'none in the whole file');
  }
  const first = starts[0] ?? 0;
  const notice = first > 0 ? parseNotice(ctx, lines.slice(0, first)) : null;
  const plans = starts.map((start, i) => parsePlan(ctx, lines.slice(start, starts[i + 1] ?? lines.length), i + 1));
  return { type: 'document', slug, file, encoding: decoded.encoding, position: ctx.span(lines), notice, plans, meta: noticeMeta(notice) };
}

class Context {
  constructor(readonly file: string) {}

  error(kind: ConstructorParameters<typeof PlanError>[0], at: SourceLine | null, expected: string, found: string): PlanError {
    return new PlanError(kind, { file: this.file, line: at?.n ?? null }, expected, found);
  }

  span(lines: readonly (SourceLine | Line)[]): Position {
    const firstLine = lines[0];
    const lastLine = lines[lines.length - 1];
    if (firstLine === undefined || lastLine === undefined) return { type: 'unknown' };
    const n = (l: SourceLine | Line) => ('n' in l ? l.n : l.line);
    return { type: 'source', file: this.file, line: n(firstLine), endLine: n(lastLine) };
  }
}

/** A line with no marker: the whole text is content. */
function plain(l: SourceLine): Line {
  return { line: l.n, marker: '', text: l.s };
}

/** Split a line into its leading marker (matched by `re`) and the text after it. */
function marked(l: SourceLine, re: RegExp): Line | null {
  const m = re.exec(l.s);
  if (m === null) return null;
  return { line: l.n, marker: m[0], text: l.s.slice(m[0].length) };
}

/** The number a marker (`1.`, `１．`, `（一）`, `一、`) carries; 0 when it carries none this reads. */
export function markerNumber(marker: string): number {
  const numeral = marker.normalize('NFKC').match(/\d+|[〇零一二三四五六七八九十]+/)?.[0] ?? '';
  return numeralValue(numeral) ?? 0;
}

function parseNotice(ctx: Context, lines: readonly SourceLine[]): Notice {
  let i = 0;
  const at = (k: number) => lines[k];
  const take = (test: (s: string) => boolean): Line | null => {
    const l = at(i);
    if (l === undefined || !test(l.s)) return null;
    i++;
    return plain(l);
  };
  const docNumber = take((s) => patterns.docNumber.test(s));
  const issuer = take((s) => !s.startsWith('关于') && !/[。，：:]/.test(s) && s.length <= 30);
  const title: Line[] = [];
  if (at(i)?.s.startsWith('关于')) {
    while (i < lines.length) {
      const l = at(i);
      if (l === undefined) break;
      title.push(plain(l));
      i++;
      if (l.s.replace(/\s/g, '').endsWith('通知')) break;
    }
  }
  const addressees = take((s) => /[：:]$/.test(s) && !s.includes('。'));
  const rest = lines.slice(i);
  const lastLine = rest[rest.length - 1];
  const date = lastLine !== undefined && patterns.date.test(lastLine.s) ? plain(lastLine) : null;
  const body = (date === null ? rest : rest.slice(0, -1)).map(plain);
  return { type: 'notice', position: ctx.span(lines), docNumber, issuer, title, addressees, body, date };
}

function parsePlan(ctx: Context, lines: readonly SourceLine[], index: number): Plan {
  const [titleLine, ...rest] = lines;
  if (titleLine === undefined) throw new Error('parsePlan needs at least the title line');
  const headings = partHeadings(ctx, rest);
  const roles = partRoles(headings.map((k) => rest[k]?.s ?? ''));
  if (headings.length !== roles.length) {
    const k = headings.length;
    const at = k < roles.length ? (rest[rest.length - 1] ?? titleLine) : (rest[headings[k - 1] ?? 0] ?? titleLine);
    const found = k < roles.length ? 'the end of the plan' : quote(at.s);
    throw ctx.error('missing-part', at, k < roles.length ? `part ${expectedPart(k, roles)} in ${quote(titleLine.s)}` : `no part after ${chineseNumeral(roles.length)}、监测评估 unless 三 is 重点工程 or 重点项目`, found);
  }
  const parts = headings.map((start, k): Part => {
    const end = headings[k + 1] ?? rest.length;
    const headingLine = rest[start];
    if (headingLine === undefined) throw new Error('unreachable: heading index out of range');
    const heading = marked(headingLine, patterns.part) ?? plain(headingLine);
    const part = { number: k + 1, heading, position: ctx.span(rest.slice(start, end)) };
    return partParsers[roles[k] ?? 'monitoring'](ctx, part, rest.slice(start + 1, end));
  });
  return {
    type: 'plan',
    position: ctx.span(lines),
    index,
    title: plain(titleLine),
    ...preambleOf(rest.slice(0, headings[0])),
    parts,
  };
}

/** Where each part heading (一、 二、 …, in order) stands among the plan's lines after its title. */
function partHeadings(ctx: Context, lines: readonly SourceLine[]): number[] {
  const headings: number[] = [];
  lines.forEach((l, i) => {
    const m = patterns.part.exec(l.s);
    if (m === null || patterns.paren.test(l.s)) return;
    const expected = headings.length + 1;
    const found = markerNumber(m[1] ?? '');
    if (found === expected) headings.push(i);
    else if (found > expected && found <= partNames.withProjects.length) {
      throw ctx.error('missing-part', l, `part ${expectedPart(expected - 1, partRoles(headings.map((k) => lines[k]?.s ?? '')))}`, quote(l.s));
    }
  });
  return headings;
}

/** The roles of a plan's parts, from its part headings: 重点工程 (or 重点项目) as 三 adds a part before 组织实施. */
function partRoles(headings: readonly string[]): readonly Part['role'][] {
  return patterns.projects.test(headings[2] ?? '') ? partNames.withProjects.map(([role]) => role) : partNames.plain.map(([role]) => role);
}

/** The part expected at position k (0-based) of a plan whose parts have these roles: 三、组织实施 (or 三、重点工程). */
function expectedPart(k: number, roles: readonly Part['role'][]): string {
  const name = (roles.length === partNames.withProjects.length ? partNames.withProjects : partNames.plain)[k]?.[1] ?? '';
  const or = k === 2 && roles.length === partNames.plain.length ? ` (or ${chineseNumeral(3)}、重点工程)` : '';
  return `${chineseNumeral(k + 1)}、${name}${or}`;
}

/** What every part has, besides its type and role, before what its role holds. */
interface PartHead {
  readonly number: number;
  readonly heading: Line;
  readonly position: Position;
}

/** One parser per role of part: its heading and position, and the lines under its heading. */
const partParsers: { [R in Part['role']]: (ctx: Context, part: PartHead, lines: readonly SourceLine[]) => PartOf<R> } = {
  general: (ctx, part, lines) => ({ type: 'part', role: 'general', ...part, ...parseGeneral(ctx, part.heading, lines) }),
  domains: (ctx, part, lines) => ({ type: 'part', role: 'domains', ...part, domains: parseDomains(ctx, part.heading, lines) }),
  projects: (ctx, part, lines) => ({ type: 'part', role: 'projects', ...part, projects: parseProjects(ctx, lines, part.heading) }),
  implementation: (ctx, part, lines) => ({ type: 'part', role: 'implementation', ...part, items: parseItems(ctx, lines, part.heading) }),
  monitoring: (ctx, part, lines) => ({ type: 'part', role: 'monitoring', ...part, items: parseItems(ctx, lines, part.heading) }),
};

/** The opening paragraphs before part one, and their heading when they have one (前言, 前　　言, 序言). */
function preambleOf(lines: readonly SourceLine[]): Pick<Plan, 'preambleHeading' | 'preamble'> {
  const [first, ...rest] = lines;
  if (first !== undefined && patterns.preambleHeading.test(first.s)) return { preambleHeading: plain(first), preamble: rest.map(plain) };
  return { preambleHeading: null, preamble: lines.map(plain) };
}

/**
 * 一、总体要求 untitled: guiding paragraphs, then one principle per paragraph that starts with 坚持.
 * Under sub-heads (（一）指导思想。（二）基本原则。（三）总体目标。, each on a line of its own): each
 * sub-head's lines are its guidance, principles or aims.
 */
function parseGeneral(ctx: Context, heading: Line, lines: readonly SourceLine[]): Pick<GeneralPart, 'guidance' | 'principles' | 'aims'> {
  const [first] = lines;
  if (first === undefined) throw ctx.error('empty-section', { n: heading.line, s: asWritten(heading) }, `paragraphs after ${quote(asWritten(heading))}`, 'none');
  // A sub-head with its paragraph on the same line (（一）指导思想。以…) would be read as a paragraph.
  const stray = lines.find((l) => patterns.subheadStart.test(l.s) && subheadOf(l) === null);
  if (stray !== undefined) throw ctx.error('unexpected-text', stray, `the sub-head ${quote(stray.s.replace(/[。：:].*$/u, '。'))} on a line of its own`, quote(stray.s));
  if (subheadOf(first) === null) return untitledGeneral(ctx, lines);
  const found: Partial<Record<SubheadRole, { heading: Line; lines: SourceLine[] }>> = {};
  let current: SourceLine[] = [];
  for (const l of lines) {
    const sub = subheadOf(l);
    if (sub === null) {
      current.push(l);
      continue;
    }
    const number = markerNumber(sub.heading.marker);
    checkNumber(ctx, l, number, Object.keys(found).length + 1, 'subhead');
    if (found[sub.role] !== undefined) throw ctx.error('unexpected-text', l, `each of ${subheadNames.join('、')} once`, `a second ${quote(l.s)}`);
    current = [];
    found[sub.role] = { heading: sub.heading, lines: current };
  }
  const under = (role: SubheadRole) => {
    const sub = found[role];
    if (sub !== undefined && sub.lines.length === 0) throw ctx.error('empty-section', { n: sub.heading.line, s: asWritten(sub.heading) }, `paragraphs after ${quote(asWritten(sub.heading))}`, 'none');
    return sub;
  };
  const guidance = under('guidance');
  const principles = under('principles');
  const aims = under('aims');
  return {
    guidance: guidance === undefined ? null : { type: 'guidance', position: ctx.span([guidance.heading, ...guidance.lines]), heading: guidance.heading, lines: guidance.lines.map(plain) },
    principles: principles === undefined ? null : { type: 'principles', position: ctx.span([principles.heading, ...principles.lines]), heading: principles.heading, principles: parsePrinciples(ctx, principles.lines, principles.heading) },
    aims: aims === undefined ? null : { type: 'aims', position: ctx.span([aims.heading, ...aims.lines]), heading: aims.heading, lines: aims.lines.map(plain) },
  };
}

/** A line that is a sub-head of the first part (（二）基本原则。), with what it heads; else null. */
function subheadOf(l: SourceLine): { role: SubheadRole; heading: Line } | null {
  const heading = marked(l, patterns.paren);
  if (heading === null) return null;
  const name = heading.text.replace(patterns.subheadStop, '');
  const role = (Object.keys(subheads) as SubheadRole[]).find((r) => subheads[r] === name);
  return role === undefined ? null : { role, heading };
}

/** 总体要求 without sub-heads: guiding paragraphs, then the principles. */
function untitledGeneral(ctx: Context, lines: readonly SourceLine[]): Pick<GeneralPart, 'guidance' | 'principles' | 'aims'> {
  const firstPrinciple = lines.findIndex((l) => l.s.startsWith('坚持'));
  const guidanceLines = (firstPrinciple === -1 ? lines : lines.slice(0, firstPrinciple)).map(plain);
  const principleLines = firstPrinciple === -1 ? [] : lines.slice(firstPrinciple);
  return {
    guidance: guidanceLines.length > 0 ? { type: 'guidance', position: ctx.span(guidanceLines), heading: null, lines: guidanceLines } : null,
    principles: principleLines.length > 0 ? { type: 'principles', position: ctx.span(principleLines), heading: null, principles: unnumberedPrinciples(ctx, principleLines) } : null,
    aims: null,
  };
}

/** The principles under （二）基本原则。: numbered (1.坚持…), or a paragraph each that starts with 坚持. */
function parsePrinciples(ctx: Context, lines: readonly SourceLine[], heading: Line): Principle[] {
  const [first] = lines;
  if (first !== undefined && patterns.item.test(first.s)) {
    return group(ctx, lines, { n: heading.line, s: asWritten(heading) }, patterns.item, 'principle').map(({ number, lines: ls }) => principle(ctx, number, ls));
  }
  if (first !== undefined && !first.s.startsWith('坚持')) {
    throw ctx.error('unexpected-text', first, `a principle (坚持… or 1.) after ${quote(asWritten(heading))}`, quote(first.s));
  }
  return unnumberedPrinciples(ctx, lines);
}

/** One principle per paragraph that starts with 坚持, numbered by position. */
function unnumberedPrinciples(ctx: Context, lines: readonly SourceLine[]): Principle[] {
  const groups: Line[][] = [];
  for (const l of lines) {
    if (l.s.startsWith('坚持') || groups.length === 0) groups.push([]);
    groups[groups.length - 1]?.push(plain(l));
  }
  return groups.map((ls, i) => principle(ctx, i + 1, ls));
}

function principle(ctx: Context, number: number, lines: readonly Line[]): Principle {
  return { type: 'principle', position: ctx.span(lines), number, title: firstSentence(lines[0]?.text ?? ''), lines };
}

/** 二、发展领域…: （一）domain, 主要目标：, numbered goals, 策略措施：, numbered measures. */
function parseDomains(ctx: Context, heading: Line, lines: readonly SourceLine[]): Domain[] {
  const starts = lines.flatMap((l, i) => (patterns.paren.test(l.s) ? [i] : []));
  const before = lines[0];
  if (before === undefined || starts[0] !== 0) {
    throw ctx.error('unexpected-text', before ?? null, `a domain heading such as （一）妇女与健康 after ${quote(heading.marker + heading.text)}`, before === undefined ? 'nothing' : quote(before.s));
  }
  return starts.map((start, k) => {
    const chunk = lines.slice(start, starts[k + 1] ?? lines.length);
    return parseDomain(ctx, chunk, k + 1, lines[starts[k + 1] ?? -1] ?? null);
  });
}

function parseDomain(ctx: Context, lines: readonly SourceLine[], expected: number, next: SourceLine | null): Domain {
  const [headingLine, ...rest] = lines;
  if (headingLine === undefined) throw new Error('parseDomain needs its heading line');
  const heading = marked(headingLine, patterns.paren) ?? plain(headingLine);
  checkNumber(ctx, headingLine, markerNumber(heading.marker), expected, 'domain');
  const name = quote(heading.marker + heading.text);
  const goalsAt = rest.findIndex((l) => patterns.goals.test(l.s));
  const measuresAt = rest.findIndex((l) => patterns.measures.test(l.s));
  if (goalsAt !== 0) {
    const found = rest[0];
    throw ctx.error('missing-goals', found ?? next ?? headingLine, `主要目标： right after the domain heading ${name}`, found === undefined ? (next === null ? 'the end of the part' : quote(next.s)) : quote(found.s));
  }
  const goalsHeadingLine = rest[goalsAt];
  if (goalsHeadingLine === undefined) throw new Error('unreachable');
  // Goals run to 策略措施：; without it, the goals' own numbering shows where it went missing.
  const goals = numbered(ctx, rest.slice(goalsAt + 1, measuresAt === -1 ? rest.length : measuresAt), goalsHeadingLine, 'goal').map(
    ({ number, lines: ls }): Goal => ({ type: 'goal', position: ctx.span(ls), number, lines: ls }),
  );
  const measuresHeadingLine = rest[measuresAt];
  if (measuresHeadingLine === undefined) {
    throw ctx.error('missing-measures', next ?? rest[rest.length - 1] ?? headingLine, `策略措施： in domain ${name}`, next === null ? 'the end of the part' : `the next domain ${quote(next.s)}`);
  }
  const measures = numbered(ctx, rest.slice(measuresAt + 1), measuresHeadingLine, 'measure').map(
    ({ number, lines: ls }): Measure => ({ type: 'measure', position: ctx.span(ls), number, title: firstSentence(ls[0]?.text ?? ''), lines: ls }),
  );
  return {
    type: 'domain',
    position: ctx.span(lines),
    number: expected,
    heading,
    goalsHeading: plain(goalsHeadingLine),
    goals,
    measuresHeading: plain(measuresHeadingLine),
    measures,
  };
}

/** Items numbered 1. 2. 3. …, each with any unnumbered lines that follow it. */
function numbered(ctx: Context, lines: readonly SourceLine[], heading: SourceLine, what: 'goal' | 'measure'): { number: number; lines: Line[] }[] {
  return group(ctx, lines, heading, patterns.item, what);
}

/** 三、重点工程: projects numbered 1. or （一）, as the first one is, each with its sub-paragraphs. */
function parseProjects(ctx: Context, lines: readonly SourceLine[], heading: Line): Project[] {
  const headingLine = { n: heading.line, s: asWritten(heading) };
  const numbering = lines[0] !== undefined && patterns.paren.test(lines[0].s) ? patterns.paren : patterns.item;
  return group(ctx, lines, headingLine, numbering, 'project').map(({ number, lines: ls }) => ({
    type: 'project',
    position: ctx.span(ls),
    number,
    title: firstSentence(ls[0]?.text ?? ''),
    lines: ls,
  }));
}

/** 组织实施 and 监测评估: （一）-numbered items with their sub-paragraphs. */
function parseItems(ctx: Context, lines: readonly SourceLine[], heading: Line): Item[] {
  const headingLine = { n: heading.line, s: asWritten(heading) };
  return group(ctx, lines, headingLine, patterns.paren, 'item').map(({ number, lines: ls }) => ({
    type: 'item',
    position: ctx.span(ls),
    number,
    title: firstSentence(ls[0]?.text ?? ''),
    lines: ls,
  }));
}

const itemNames = { goal: '主要目标 (goal)', measure: '策略措施 (measure)', item: 'item', domain: 'domain', principle: '基本原则 (principle)', project: '重点工程 (project)', subhead: 'sub-head' } as const;

function group(ctx: Context, lines: readonly SourceLine[], heading: SourceLine, re: RegExp, what: 'goal' | 'measure' | 'item' | 'principle' | 'project'): { number: number; lines: Line[] }[] {
  const items: { number: number; lines: Line[] }[] = [];
  for (const l of lines) {
    const m = marked(l, re);
    const current = items[items.length - 1];
    // `8.5岁以下…` is item 8 when 8 comes next; `1.5倍…` inside item 3 is a decimal, not an item.
    const decimal = m !== null && /^[.．]$/.test(m.marker.trim().slice(-1)) && /^[0-9０-９]/.test(m.text);
    if (m !== null && !(decimal && current !== undefined && markerNumber(m.marker) !== items.length + 1)) {
      const number = markerNumber(m.marker);
      if (what === 'goal' && number === 1 && current !== undefined) {
        throw ctx.error('missing-measures', l, `策略措施： before the numbering starts again at 1`, quote(l.s));
      }
      checkNumber(ctx, l, number, items.length + 1, what);
      items.push({ number, lines: [m] });
    } else if (current === undefined) {
      throw ctx.error('unexpected-text', l, `${itemNames[what]} number 1 after ${quote(heading.s)}`, quote(l.s));
    } else {
      current.lines.push(plain(l));
    }
  }
  if (items.length === 0) {
    throw ctx.error('empty-section', heading, `numbered ${itemNames[what]}s after ${quote(heading.s)}`, 'none');
  }
  return items;
}

function checkNumber(ctx: Context, l: SourceLine, found: number, expected: number, what: keyof typeof itemNames): void {
  if (found === expected) return;
  const kind = found < expected ? 'repeated-number' : 'skipped-number';
  throw ctx.error(kind, l, `${itemNames[what]} number ${expected}`, `number ${found} in ${quote(l.s)}`);
}
