// Parse: the numbered lines of one seed → its document model (model/document.ts). Accepts the formatting
// habits of the plan family: full-width or ASCII parentheses, `1.` `1．` `1、` `１．` numbering,
// blank lines or none, stray spaces and indentation. Stops at the first structural problem with
// a PlanError that names the file and line.
import type {
  Document, Domain, DomainsPart, GeneralPart, Goal, Guidance, ImplementationPart, Item, Line,
  Measure, MonitoringPart, Notice, Plan, Position, Principle,
} from '../../model/document';
import { noticeMeta } from '../../model/document';
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
const patterns = {
  planTitle: new RegExp(`^(?![《〈“"])[^。，；：]{2,60}?(?:规划|纲要)${sp}[（(]${sp}\\d{4}${sp}[—–－~～\\-至]+${sp}\\d{4}${sp}年${sp}[）)]$`),
  part: new RegExp(`^(${cnDigits})${sp}[、.．]${sp}(?=\\S)(?=[^。]{1,40}$)`),
  paren: new RegExp(`^[（(]${sp}(${cnDigits})${sp}[）)]${sp}`),
  item: new RegExp(`^([0-9０-９]+)${sp}[.．、]${sp}`),
  goals: new RegExp(`^主要目标${sp}[：:]?$`),
  preambleHeading: new RegExp(`^(?:前${sp}言|序${sp}言)$`),
  measures: new RegExp(`^策略措施${sp}[：:]?$`),
  docNumber: new RegExp(`[〔［\\[(（]${sp}\\d{4}${sp}[〕］\\])）]${sp}\\d+${sp}号$`),
  date: new RegExp(`^[\\d〇零一二三四五六七八九]{4}${sp}年${sp}[\\d一二三四五六七八九十]{1,3}${sp}月${sp}[\\d一二三四五六七八九十]{1,3}${sp}日$`),
};

const partNames = ['总体要求', '发展领域、主要目标和策略措施', '组织实施', '监测评估'] as const;

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
  // Split the plan at its four part headings, which must come in order 一 二 三 四.
  const headings: number[] = [];
  rest.forEach((l, i) => {
    const m = patterns.part.exec(l.s);
    if (m === null || patterns.paren.test(l.s)) return;
    const expected = headings.length + 1;
    const found = markerNumber(m[1] ?? '');
    if (found === expected) headings.push(i);
    else if (found > expected && found <= 4) {
      throw ctx.error('missing-part', l, `part ${chineseNumeral(expected)}、${partNames[expected - 1] ?? ''}`, quote(l.s));
    }
  });
  if (headings.length < 4) {
    const k = headings.length;
    const last = rest[rest.length - 1] ?? titleLine;
    throw ctx.error('missing-part', last, `part ${chineseNumeral(k + 1)}、${partNames[k] ?? ''} in ${quote(titleLine.s)}`, 'the end of the plan');
  }
  const section = (k: number) => rest.slice((headings[k] ?? 0) + 1, headings[k + 1] ?? rest.length);
  const heading = (k: number): Line => {
    const l = rest[headings[k] ?? 0];
    if (l === undefined) throw new Error('unreachable: heading index out of range');
    return marked(l, patterns.part) ?? plain(l);
  };
  const partPosition = (k: number) => ctx.span(rest.slice(headings[k] ?? 0, headings[k + 1] ?? rest.length));
  const parts = [
    parseGeneral(ctx, heading(0), section(0), partPosition(0)),
    parseDomains(ctx, heading(1), section(1), partPosition(1)),
    { type: 'part', role: 'implementation', number: 3, heading: heading(2), position: partPosition(2), items: parseItems(ctx, section(2), heading(2)) },
    { type: 'part', role: 'monitoring', number: 4, heading: heading(3), position: partPosition(3), items: parseItems(ctx, section(3), heading(3)) },
  ] as const satisfies readonly [GeneralPart, DomainsPart, ImplementationPart, MonitoringPart];
  return {
    type: 'plan',
    position: ctx.span(lines),
    index,
    title: plain(titleLine),
    ...preambleOf(rest.slice(0, headings[0])),
    parts,
  };
}

/** The opening paragraphs before part one, and their heading when they have one (前言, 前　　言, 序言). */
function preambleOf(lines: readonly SourceLine[]): Pick<Plan, 'preambleHeading' | 'preamble'> {
  const [first, ...rest] = lines;
  if (first !== undefined && patterns.preambleHeading.test(first.s)) return { preambleHeading: plain(first), preamble: rest.map(plain) };
  return { preambleHeading: null, preamble: lines.map(plain) };
}

/** 一、总体要求: guiding paragraphs, then one principle per paragraph that starts with 坚持. */
function parseGeneral(ctx: Context, heading: Line, lines: readonly SourceLine[], position: Position): GeneralPart {
  const firstPrinciple = lines.findIndex((l) => l.s.startsWith('坚持'));
  const guidanceLines = (firstPrinciple === -1 ? lines : lines.slice(0, firstPrinciple)).map(plain);
  const guidance: Guidance | null =
    guidanceLines.length > 0 ? { type: 'guidance', position: ctx.span(guidanceLines), lines: guidanceLines } : null;
  const principles: Principle[] = [];
  let current: Line[] = [];
  const close = () => {
    const [head] = current;
    if (head === undefined) return;
    principles.push({ type: 'principle', position: ctx.span(current), number: principles.length + 1, title: firstSentence(head.text), lines: current });
  };
  for (const l of firstPrinciple === -1 ? [] : lines.slice(firstPrinciple)) {
    if (l.s.startsWith('坚持')) {
      close();
      current = [];
    }
    current.push(plain(l));
  }
  close();
  return { type: 'part', role: 'general', number: 1, heading, position, guidance, principles };
}

/** 二、发展领域…: （一）domain, 主要目标：, numbered goals, 策略措施：, numbered measures. */
function parseDomains(ctx: Context, heading: Line, lines: readonly SourceLine[], position: Position): DomainsPart {
  const starts = lines.flatMap((l, i) => (patterns.paren.test(l.s) ? [i] : []));
  const before = lines[0];
  if (before === undefined || starts[0] !== 0) {
    throw ctx.error('unexpected-text', before ?? null, `a domain heading such as （一）妇女与健康 after ${quote(heading.marker + heading.text)}`, before === undefined ? 'nothing' : quote(before.s));
  }
  const domains = starts.map((start, k) => {
    const chunk = lines.slice(start, starts[k + 1] ?? lines.length);
    return parseDomain(ctx, chunk, k + 1, lines[starts[k + 1] ?? -1] ?? null);
  });
  return { type: 'part', role: 'domains', number: 2, heading, position, domains };
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

/** 三、组织实施 and 四、监测评估: （一）-numbered items with their sub-paragraphs. */
function parseItems(ctx: Context, lines: readonly SourceLine[], heading: Line): Item[] {
  const headingLine = { n: heading.line, s: heading.marker + heading.text };
  return group(ctx, lines, headingLine, patterns.paren, 'item').map(({ number, lines: ls }) => ({
    type: 'item',
    position: ctx.span(ls),
    number,
    title: firstSentence(ls[0]?.text ?? ''),
    lines: ls,
  }));
}

const itemNames = { goal: '主要目标 (goal)', measure: '策略措施 (measure)', item: 'item', domain: 'domain' } as const;

function group(ctx: Context, lines: readonly SourceLine[], heading: SourceLine, re: RegExp, what: 'goal' | 'measure' | 'item'): { number: number; lines: Line[] }[] {
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
