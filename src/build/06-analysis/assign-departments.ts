// The 任务分解: every goal, measure and 组织实施/监测评估 item assigned to a lead department (牵头)
// and supporting departments (配合), each with its basis and a reason a reader can check. Pure.
//
//   1. official — a clause the official 任务分解 lists (department-overrides.ts) takes its division;
//   2. named    — otherwise, departments the text names (an alias or its system, department-lexicon.ts:
//                 卫生健康部门, 公安机关, 人民法院 …) decide: the one given 牵头/负责/主责 leads, else the
//                 first named, and a list of names shares its verb; the others named support. A
//                 department that only receives (向统计部门报送) is not assigned;
//   3. function — departments whose function terms the clause uses (孕产妇, 学前教育 …), scored by how
//                 telling each term is: rarer in the plans and owned by fewer departments weigh more;
//                 longest terms first, so 心理健康教育 (education) is not also 心理健康 (health). Without a
//                 named department the best-scoring one leads; the others with a telling term
//                 support, as they do beside a named one;
//   4. none     — no name and no term telling enough: no department, and the reason says so.
import type { Assignment, ClauseAssignment } from '../../model/department';
import type { Unit, UnitKind } from '../../model/unit';
import { normalize } from '../../text/normalize';
import { firstSentence, sentences } from '../../text/sentences';
import { matchText, readDuty } from './actors';
import type { DepartmentEntry } from './department-lexicon';
import type { Override } from './department-overrides';

/** The kinds of unit a 任务分解 divides. */
export const assignedKinds: readonly UnitKind[] = ['goal', 'measure', 'implementation', 'monitoring'];

// ---------------------------------------------------------------------------------------------
// Tuning: set against hand-made maps, each measured blind once (tests/fixtures/departments/README.md)

export interface Tuning {
  /** A department leads by function when its score reaches this (about one specific term). */
  readonly minLeadScore: number;
  /** Another department supports when its score reaches this share of the lead's, and `minSupportScore`. */
  readonly supportShare: number;
  readonly minSupportScore: number;
  /** At most this many supporting departments by function. */
  readonly maxSupport: number;
  /** A term in a clause's first sentence (its subject) counts this many times. */
  readonly firstSentenceBoost: number;
}

export const tuning: Tuning = { minLeadScore: 3, supportShare: 0.05, minSupportScore: 0.8, maxSupport: 6, firstSentenceBoost: 1.5 };

/** Duty verbs that make a named department the lead. */
const leadDuties = new Set(['牵头', '负责', '主责']);
/** At most this many terms are given as a reason. */
const maxReasonTerms = 3;

// ---------------------------------------------------------------------------------------------

/** Where a function term stands in the lexicon: the departments listing it and its weight. */
interface TermInfo {
  readonly owners: readonly number[];
  readonly weight: number;
}

/** Every department's function terms, normalized, longest first, with their weights over `texts`. */
function functionTerms(departments: readonly DepartmentEntry[], texts: readonly string[]): { terms: string[]; info: Map<string, TermInfo> } {
  const owners = new Map<string, number[]>();
  departments.forEach((d, i) => {
    for (const t of d.functions) {
      const n = normalize(t);
      owners.set(n, [...(owners.get(n) ?? []), i]);
    }
  });
  const info = new Map<string, TermInfo>();
  for (const [term, who] of owners) {
    const df = texts.filter((t) => t.includes(term)).length;
    info.set(term, { owners: who, weight: Math.log(1 + texts.length / Math.max(1, df)) / who.length });
  }
  const terms = [...owners.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return { terms, info };
}

/** The function terms a text holds, longest first and not overlapping, with how often each occurs. */
function termsIn(text: string, terms: readonly string[]): Map<string, number> {
  const taken: [number, number][] = [];
  const found = new Map<string, number>();
  for (const term of terms) {
    for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
      const end = at + term.length;
      if (taken.some(([s, e]) => at < e && s < end)) continue;
      taken.push([at, end]);
      found.set(term, (found.get(term) ?? 0) + 1);
    }
  }
  return found;
}

interface Scored {
  readonly department: number;
  readonly score: number;
  /** The terms that gave the score, most telling first. */
  readonly terms: readonly string[];
}

/** Each department's score for a unit by its function terms, best first. */
function scoreByFunction(unit: Unit, terms: readonly string[], info: ReadonlyMap<string, TermInfo>, boost: number): Scored[] {
  const text = normalize(unit.text);
  const subject = termsIn(normalize(firstSentence(unit.text)), terms);
  const scores = new Map<number, { score: number; parts: Map<string, number> }>();
  for (const [term, count] of termsIn(text, terms)) {
    const t = info.get(term);
    if (t === undefined) continue;
    const value = t.weight * (1 + Math.log(count)) * (subject.has(term) ? boost : 1);
    for (const d of t.owners) {
      const s = scores.get(d) ?? { score: 0, parts: new Map<string, number>() };
      s.score += value;
      s.parts.set(term, value);
      scores.set(d, s);
    }
  }
  return [...scores]
    .map(([department, s]) => ({ department, score: s.score, terms: [...s.parts].sort((a, b) => b[1] - a[1]).map(([term]) => term) }))
    .sort((a, b) => b.score - a.score || a.department - b.department);
}

interface Named {
  readonly department: number;
  /** The names as the text writes them, in order. */
  readonly names: string[];
  readonly duties: Set<string>;
  /** Named only as the one who receives (向…报告). */
  recipientOnly: boolean;
}

/** The departments a unit's text names, in order of first mention. */
function namedIn(unit: Unit, departments: readonly DepartmentEntry[]): Named[] {
  const lexicon = { entries: departments };
  const named = new Map<number, Named>();
  for (const sentence of sentences(unit.text)) {
    const matches = matchText(sentence, lexicon);
    const readings = sharedInLists(sentence, matches, matches.map((_, k) => readDuty(sentence, matches, k)));
    matches.forEach((m, k) => {
      const reading = readings[k] ?? { duty: null, recipient: true };
      const n = named.get(m.actor) ?? { department: m.actor, names: [], duties: new Set<string>(), recipientOnly: true };
      const name = sentence.slice(m.start, m.end);
      if (!n.names.includes(name)) n.names.push(name);
      if (reading.duty !== null) n.duties.add(reading.duty);
      if (!reading.recipient) n.recipientOnly = false;
      named.set(m.actor, n);
    });
  }
  return [...named.values()].filter((n) => !n.recipientOnly);
}

/**
 * Departments named in a list (公安机关、人民检察院、人民法院和司法行政部门应当…负责) share the duty of
 * the list: the verb after the last name may stand further away than readDuty looks for the first.
 */
function sharedInLists(sentence: string, matches: readonly { start: number; end: number }[], readings: readonly { duty: string | null; recipient: boolean }[]): { duty: string | null; recipient: boolean }[] {
  const out = readings.map((r) => ({ duty: r.duty, recipient: r.recipient }));
  let first = 0;
  for (let k = 1; k <= matches.length; k++) {
    const joined = k < matches.length && /^[、和及与]$|^以及$/u.test(sentence.slice(matches[k - 1]?.end ?? 0, matches[k]?.start ?? 0));
    if (joined) continue;
    const last = out[k - 1];
    if (last !== undefined && last.duty !== null) for (let i = first; i < k - 1; i++) if (out[i]?.duty === null && out[i]?.recipient === last.recipient) out[i] = { ...last };
    first = k;
  }
  return out;
}

const quoteAll = (words: readonly string[]) => words.map((w) => `“${w}”`).join('');

/** The departments a unit's text names, lead first (see the top of this file, step 2). */
function byName(named: readonly Named[], departments: readonly DepartmentEntry[]): Assignment[] {
  const leads = named.filter((n) => [...n.duties].some((d) => leadDuties.has(d)));
  const lead = leads.length > 0 ? leads : named.slice(0, 1);
  return [...lead, ...named.filter((n) => !lead.includes(n))].map((n) => {
    const duty = [...n.duties].find((d) => leadDuties.has(d));
    return {
      department: departments[n.department]?.slug ?? '',
      role: lead.includes(n) ? 'lead' : 'support',
      basis: 'named',
      reason: `文中写明${quoteAll(n.names)}${duty === undefined ? '' : `“${duty}”`}`,
    };
  });
}

/** A department's assignment by function, with the terms that decided it as the reason. */
function byFunction(s: Scored, role: Assignment['role'], departments: readonly DepartmentEntry[]): Assignment {
  const d = departments[s.department];
  return { department: d?.slug ?? '', role, basis: 'function', reason: `条文涉及${quoteAll(s.terms.slice(0, maxReasonTerms))}，属${d?.name ?? ''}职能` };
}

/** The 任务分解 of every goal, measure and 组织实施/监测评估 item, in document order. */
export function assignDepartments(units: readonly Unit[], departments: readonly DepartmentEntry[], overrides: readonly Override[] = [], t: Tuning = tuning): ClauseAssignment[] {
  const assigned = units.filter((u) => assignedKinds.includes(u.kind));
  checkOverrides(overrides, assigned, departments);
  const official = new Map(overrides.map((o) => [o.clause, o]));
  const { terms, info } = functionTerms(departments, assigned.map((u) => normalize(u.text)));
  return assigned.map((unit): ClauseAssignment => {
    const o = official.get(unit.id);
    if (o !== undefined) {
      const reason = `正式分工：${o.source}`;
      const list = (slugs: readonly string[], role: Assignment['role']) => slugs.map((department) => ({ department, role, basis: 'official' as const, reason }));
      return { clauseId: unit.id, departments: [...list(o.lead, 'lead'), ...list(o.support, 'support')], none: null };
    }
    const named = byName(namedIn(unit, departments), departments);
    const scored = scoreByFunction(unit, terms, info, t.firstSentenceBoost).filter((s) => !named.some((a) => a.department === departments[s.department]?.slug));
    const [best, ...rest] = scored;
    if (named.length > 0) {
      const supports = scored.filter((s) => s.score >= Math.max(t.minSupportScore, t.supportShare * (best?.score ?? 0))).slice(0, t.maxSupport);
      return { clauseId: unit.id, departments: [...named, ...supports.map((s) => byFunction(s, 'support', departments))], none: null };
    }
    if (best === undefined || best.score < t.minLeadScore) {
      const near = best === undefined ? '' : `（最接近的是${departments[best.department]?.name ?? ''}：${quoteAll(best.terms.slice(0, maxReasonTerms))}）`;
      return { clauseId: unit.id, departments: [], none: `文中没有点名部门，条文用语也不足以按职能推定牵头部门${near}` };
    }
    const supports = rest.filter((s) => s.score >= Math.max(t.minSupportScore, t.supportShare * best.score)).slice(0, t.maxSupport);
    return { clauseId: unit.id, departments: [byFunction(best, 'lead', departments), ...supports.map((s) => byFunction(s, 'support', departments))], none: null };
  });
}

/** Every override names a clause the 任务分解 divides and departments the lexicon has. */
function checkOverrides(overrides: readonly Override[], units: readonly Unit[], departments: readonly DepartmentEntry[]): void {
  const ids = new Set(units.map((u) => u.id));
  const slugs = new Set(departments.map((d) => d.slug));
  for (const [i, o] of overrides.entries()) {
    if (!ids.has(o.clause)) throw new Error(`src/data/department-overrides.json: assignments[${i}].clause: ${o.clause} is no goal, measure or 组织实施/监测评估 item of the plans`);
    const unknown = [...o.lead, ...o.support].find((s) => !slugs.has(s));
    if (unknown !== undefined) throw new Error(`src/data/department-overrides.json: assignments[${i}]: ${unknown} is no department of src/data/departments.json`);
  }
}
