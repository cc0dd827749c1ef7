// Quantified targets: every "indicator reaches value" statement in the goals and measures, e.g.
// 孕产妇死亡率下降到12/10万以下 → { indicator 孕产妇死亡率, value 12, unit /10万, comparator <= }.
// Pure: text in, records out. The steps, in order (see extractTargets):
//   1. sentences  — split a unit's text into sentences (each target keeps its sentence verbatim);
//   2. ASCII digits — full-width ％ and digits to ASCII, so one set of patterns fits both;
//   3. hide       — digits that are never targets (ages, years, quoted names) become placeholders;
//   4. clauses    — split the sentence at ，, the unit a target statement lives in;
//   5. three patterns per clause, most specific first, each consuming what it matched:
//        shareOf    95%的城市社区和85%的农村社区建立… (value first, a share of a population);
//        countOf    市、县均有1所政府举办的… / 每年组织1次… (value first, a count of things);
//        reaches    X达到/降至/保持在 N unit 以上/以下/左右 (indicator first, the common case);
//   6. split compounds — 新生儿、婴儿和5岁以下儿童死亡率分别降至3.0‰、5.0‰和6.0‰以下 → three.
// Decision: a count of institutions (市、县均有1所…机构) IS a target (comparator >=); an age or
// age range that describes a population (5岁以下儿童, 0—6岁, 未满16周岁) never is.
import { planIdOf } from '../../model/ids';
import { indicatorKey, planYear, type Comparator, type Target, type TargetRecord } from '../../model/target';
import type { Unit } from '../../model/unit';
import { sentences } from '../../text/sentences';
import { indicatorSlugs } from './indicator-slugs';

// ── Vocabulary ──────────────────────────────────────────────────────────────────────────────

const NUM = String.raw`\d+(?:\.\d+)?`;
/** Units a target value may carry; longest first so 课时 wins over 时-less matches. */
const UNIT = String.raw`%|‰|\/10万|课时|小时|分钟|所|名|个|岁|倍|张|次|天`;
/** Verbs that put a value on an indicator; longest first (达到并保持在 before 达到). */
const VERB = [
  '达到并保持在', '下降到', '下降至', '缩小到', '缩小至', '降低到', '降至', '降到', '提高到', '提升到', '增加到', '增至', '力争达到', '达到',
  '保持在', '稳定在', '控制在', '不超过', '不高于', '不低于', '不少于', '至少进行', '至少', '为', '在',
].join('|');
/** Verbs that make an age a value (…达到80岁), not a description (为6月龄以上儿童, 在35—45岁). */
const AGE_VERB = VERB.replace(/\|(?:为|在)(?=\||$)/g, '');
/** Words after a value that set the comparator. */
const TAIL = '以下|以内|以上|左右';
/** Words opening a clause that commit to a value without a verb next to it (保证每天小学生10小时). */
const COMMIT = /^(?:保证|确保|保障)/;
/** Words that open a clause but are not part of what is measured. */
const LEAD_VERBS = /^(?:[、和及]|促进|推动|确保|保证|保障|保持|实现|力争|努力|使|并|其中)+/;
/** Population nouns: what a compound indicator's parts share (5岁以下儿童|贫血率). */
const POPULATION = /^(.*?(?:新生儿|婴幼儿|婴儿|幼儿|儿童|妇女|孕产妇|中小学生|学生))(.*)$/;
/** Verbs that end the population in a share (95%的农村社区 | 建立家长学校…). */
const SHARE_VERB = /(在|建立|接受|开展|设立|配备|参加|参与|实现)/;

// ── Step 1: sentences ─────────────────────────────────────────────────────────────────────

/** A clause's sentences (text/sentences.ts, the `clause` rule), each trimmed: a target quotes its sentence without the line's indentation. */
function trimmedSentences(text: string): string[] {
  return sentences(text).map((s) => s.trim());
}

// ── Step 2: ASCII digits ──────────────────────────────────────────────────────────────────

/** Full-width digits, ％ and ． to ASCII (same length, so positions still line up). */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９．％]/g, (c) => (c === '％' ? '%' : c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

// ── Step 3: hide ──────────────────────────────────────────────────────────────────────────

/** Digits become private-use characters so no pattern sees them; reveal() turns them back. */
const hideDigits = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xe000 + Number(d)));
export const reveal = (s: string) => s.replace(/[\ue000-\ue009]/g, (c) => String(c.charCodeAt(0) - 0xe000));

/** Hide years (2030年), quoted names (“12338”, “15分钟”健身圈), document numbers and ages. */
export function hide(s: string): string {
  return s
    .replace(/\d{4}(?=年)/g, hideDigits) // years: 2021—2030年
    .replace(/“[^”]*”|"[^"]*"|〔[^〕]*〕/g, hideDigits) // quoted names, hotlines, 〔2022〕
    .replace(/\d+-\d+|\d+-(?=\D)/g, hideDigits) // chemical names: 葡萄糖-6-磷酸
    // Ages and age ranges describing a population (5岁以下儿童, 0—6岁, 6个月内, 6月龄, 未满16周岁),
    // unless a verb sets them as a value (…达到80岁).
    .replace(new RegExp(String.raw`(?<![\d.]|${AGE_VERB})\d+(?:[—–~-]\d+)?(?=周岁|岁|个月|月龄)`, 'g'), hideDigits);
}

// ── Step 4: clauses ───────────────────────────────────────────────────────────────────────

const clauses = (sentence: string) => sentence.split(/[，,：:]/).filter((c) => c !== '');

// ── Step 5: the three patterns ────────────────────────────────────────────────────────────

interface Found {
  indicator: string;
  value: number;
  unit: string;
  comparator: Comparator;
}

/** 95%的城市社区和85%的农村社区（村）建立… → a share of each population doing the thing. */
const SHARE = new RegExp(String.raw`((?:${NUM}%的[^，、和%]+?[、和])*${NUM}%的)([^，]+)`, 'g');

function shareOf(clause: string): { found: Found[]; rest: string } {
  const found: Found[] = [];
  const rest = clause.replace(SHARE, (_all, heads: string, last: string) => {
    const split = last.search(SHARE_VERB);
    if (split <= 0) return _all;
    const what = last.slice(split).replace(/[。；！？]$/, '');
    const parts = [...`${heads}${last.slice(0, split)}`.matchAll(new RegExp(String.raw`(${NUM})%的([^、和]+)`, 'g'))];
    for (const [, value, who] of parts) found.push({ indicator: `${who}${what}的比例`, value: Number(value), unit: '%', comparator: '>=' });
    return '';
  });
  return { found, rest };
}

/** 市、县均有1所政府举办的标准化妇幼保健机构 / 每年组织1次在校学生健康体检 → a count. */
const COUNT = new RegExp(String.raw`(?:[^，]*?(每(?:学年|年|天|周|月)))?[^，]*?(均有|有|组织|开展|设立|建设)(${NUM})(所|个|次)([^，。；、]+)`, 'g');

function countOf(clause: string): { found: Found[]; rest: string } {
  const found: Found[] = [];
  const rest = clause.replace(COUNT, (_all, every: string | undefined, verb: string, value: string, unit: string, what: string) => {
    const comparator: Comparator = verb.endsWith('有') ? '>=' : '=';
    found.push({ indicator: `${every ?? ''}${what}`.replace(/[。；！？]$/, ''), value: Number(value), unit, comparator });
    return '';
  });
  return { found, rest };
}

/** X 达到 N unit 以上 — the indicator before the verb, one or more values (3.0‰、5.0‰和6.0‰) after. */
const REACHES = new RegExp(
  String.raw`(?<lead>.*?)(?<verb>${VERB})?(?<values>${NUM}(?:${UNIT})?(?:[、和及]${NUM}(?:${UNIT})?)*)(?<tail>${TAIL})?`,
  'g',
);

function reaches(clause: string): Found[] {
  const found: Found[] = [];
  const commits = COMMIT.test(clause);
  let end = 0;
  let anyTail = false;
  let base: string | null = null;
  let period: string | null = null;
  const inClause: Found[] = [];
  for (const m of clause.matchAll(REACHES)) {
    const { lead = '', verb, values = '', tail } = m.groups ?? {};
    const list = [...values.matchAll(new RegExp(String.raw`(${NUM})(${UNIT})?`, 'g'))];
    const unit = list.at(-1)?.[2];
    // A bare number with no unit, or with nothing that commits to it, is not a target.
    if (unit === undefined || (verb === undefined && tail === undefined && !commits)) continue;
    end = (m.index ?? 0) + m[0].length;
    anyTail ||= tail !== undefined;
    let indicator = cleanIndicator(lead);
    // Pieces joined by 、 share the first one's rate base or period: 每千名儿童拥有医生达到1.12名、
    // 床位增至3.17张 → 每千名儿童拥有床位; 小学各年级每学年不少于12课时、中学… → 中学每学年.
    base ??= /^(每.+?拥有)/.exec(indicator)?.[1] ?? null;
    period ??= /(每(?:学年|年|天))$/.exec(indicator)?.[1] ?? null;
    if (lead.startsWith('、') && !indicator.includes('每')) {
      if (base !== null) indicator = base + indicator;
      else if (period !== null) indicator += period;
    }
    const comparator = comparatorOf(verb, tail);
    const indicators = splitCompound(indicator, list.length);
    list.forEach(([, value, u], i) => {
      const name = indicators[Math.min(i, indicators.length - 1)] ?? indicator;
      inClause.push({ indicator: name, value: Number(value), unit: u ?? unit, comparator });
    });
    // One value for several whole indicators (3岁以下儿童系统管理率和7岁以下儿童健康管理率保持在90%以上).
    if (list.length === 1) {
      for (const name of indicators.slice(1)) inClause.push({ indicator: name, value: Number(list[0]?.[1]), unit, comparator });
    }
  }
  // A noun after the last value names what was counted (保证每天小学生10小时、…、高中生8小时睡眠时间).
  const after = cleanEnd(clause.slice(end));
  for (const f of inClause) found.push(after !== '' && !anyTail && end > 0 ? { ...f, indicator: f.indicator + after } : f);
  return found;
}

function comparatorOf(verb: string | undefined, tail: string | undefined): Comparator {
  if (tail === '以下' || tail === '以内') return '<=';
  if (tail === '以上') return '>=';
  if (tail === '左右') return '≈';
  if (verb === '不超过' || verb === '不高于' || verb === '控制在' || verb === '降至' || verb === '下降到' || verb === '降到' || verb === '降低到' || verb === '下降至' || verb === '缩小到' || verb === '缩小至') return '<=';
  if (verb === '为') return '=';
  return '>='; // 达到, 提高到, 增至, 保持在, 不低于, 不少于, 至少, or a commitment (保证…)
}

// ── Step 6: split compounds ───────────────────────────────────────────────────────────────

/**
 * 新生儿、婴儿和5岁以下儿童死亡率分别… with 3 values → 新生儿死亡率, 婴儿死亡率, 5岁以下儿童死亡率;
 * 5岁以下儿童贫血率和生长迟缓率分别… → 5岁以下儿童贫血率, 5岁以下儿童生长迟缓率. With one value the
 * parts are split only when each is a whole indicator (…率和…率); 孕产妇艾滋病、梅毒和乙肝检测率 stays one.
 */
export function splitCompound(indicator: string, values: number): string[] {
  const parts = indicator.split(/[、和]/).filter((p) => p !== '');
  const whole = (p: string) => /(?:率|比例|占比)$/.test(p);
  if (parts.length < 2) return [indicator];
  if (values === 1 && !parts.every(whole)) return [indicator];
  if (values > 1 && parts.length !== values) return [indicator];
  const split = parts.map((p) => {
    const m = POPULATION.exec(p);
    return m === null ? { who: '', what: p } : { who: m[1] ?? '', what: m[2] ?? '' };
  });
  const firstWho = split.find((s) => s.who !== '')?.who ?? '';
  const lastWhat = [...split].reverse().find((s) => s.what !== '')?.what ?? '';
  return split.map(({ who, what }) => `${who === '' ? firstWho : who}${what === '' ? lastWhat : what}`);
}

// ── Tidying ───────────────────────────────────────────────────────────────────────────────

/** Drop opening verbs, 分别, and qualifiers like 以乡镇（街道）为单位 from an indicator. */
function cleanIndicator(lead: string): string {
  return reveal(lead)
    .replace(LEAD_VERBS, '')
    .replace(/以[^以]*?为单位/, '')
    .replace(/分别$/, '')
    .replace(/^(每(?:学年|年|天))(.+)$/, '$2$1') // 每天小学生 → 小学生每天
    .trim();
}

const cleanEnd = (s: string) => reveal(s).replace(/[。；！？\s]+$/, '').trim();

// ── The whole ─────────────────────────────────────────────────────────────────────────────

/** Every quantified target in the goals and measures, in document order. */
export function extractTargets(units: readonly Unit[]): Target[] {
  const targets: Target[] = [];
  for (const unit of units) {
    if (unit.kind !== 'goal' && unit.kind !== 'measure') continue;
    for (const sentence of trimmedSentences(unit.text)) {
      for (const found of targetsIn(sentence)) targets.push({ clauseId: unit.id, ...found, text: sentence });
    }
  }
  return targets;
}

/** The targets one sentence sets. */
export function targetsIn(sentence: string): Found[] {
  const found: Found[] = [];
  for (const clause of clauses(hide(asciiDigits(sentence)))) {
    if (!/\d/.test(clause)) continue;
    const share = shareOf(clause);
    const count = countOf(share.rest);
    found.push(...share.found, ...count.found, ...reaches(count.rest));
  }
  // A count of lessons with no subject in its clause takes the course the sentence names:
  // 将心理健康课程列入…，确保小学各年级每学年不少于12课时 → 小学各年级每学年心理健康课程.
  const course = /([\u4e00-\u9fff]{2,8}课程)/u.exec(sentence)?.[1]?.replace(/^(?:将|把|开设|开齐|开足|确保|并)+/, '');
  return found.map((f) => {
    const indicator = reveal(f.indicator);
    return { ...f, indicator: f.unit === '课时' && course !== undefined && !indicator.includes('课') ? `${indicator}${course}` : indicator };
  });
}

// ── For the /targets/ page ────────────────────────────────────────────────────────────────

/** The contents of targets.json, which the build writes and /targets/ reads. */
export function targetsJson(units: readonly Unit[]): { targets: TargetRecord[] } {
  const byId = new Map(units.map((u) => [u.id, u]));
  const targets = extractTargets(units);
  const slugs = indicatorSlugs(targets.map((t) => indicatorKey(t.indicator)));
  return {
    targets: targets.map((t) => {
      const u = byId.get(t.clauseId);
      const planTitle = u?.planTitle ?? '';
      return {
        ...t,
        url: u?.url ?? '',
        docSlug: u?.docSlug ?? '',
        docNumber: u?.docNumber ?? null,
        plan: planIdOf(t.clauseId),
        planTitle,
        domain: u?.domain ?? '',
        label: u?.label ?? '',
        year: planYear(planTitle),
        indicatorKey: indicatorKey(t.indicator),
        indicatorSlug: slugs.get(indicatorKey(t.indicator)) ?? '',
      };
    }),
  };
}
