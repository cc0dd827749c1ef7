// Who the plans name, where, and with what duty: for each body of the lexicon (actor-lexicon.ts),
// every clause that names it, the sentence, where in it the body's name is, and the duty the
// sentence gives the body (牵头, 负责, …). Pure: no I/O. indexActors matches the lexicon against the
// units; division() reads the 组织实施 and 监测评估 items for who leads, who reports to whom.
import type { Actor, ActorsContent, Division, Mention } from '../../model/actor';
import type { Unit } from '../../model/unit';
import { normalize, normalizeMapped } from '../../text/normalize';
import { sentences } from '../../text/sentences';
import type { Lexicon } from './actor-lexicon';

// ---------------------------------------------------------------------------------------------
// matching

export interface Match {
  /** Index into lexicon.entries. */
  readonly actor: number;
  readonly start: number;
  readonly end: number;
}

function occurrences(haystack: string, needle: string): number[] {
  const out: number[] = [];
  if (needle === '') return out;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/**
 * The bodies named in a text, left to right, as offsets into `text`. Every occurrence of a name or
 * alias is a candidate unless it overlaps an occurrence of one of its actor's exclude strings; of
 * overlapping candidates the longest wins (then the leftmost, then the earlier actor), so
 * 妇儿工委办公室 is not also 妇儿工委 and 公安机关 is not also 公安. Compared after normalize().
 */
export function matchText(text: string, lexicon: Lexicon): Match[] {
  const mapped = normalizeMapped(text);
  const t = mapped.text;
  const candidates: Match[] = [];
  lexicon.entries.forEach((entry, actor) => {
    const blocked = entry.exclude.flatMap((x) => {
      const n = normalize(x);
      return occurrences(t, n).map((s) => [s, s + n.length] as const);
    });
    for (const term of [entry.name, ...entry.aliases]) {
      const n = normalize(term);
      for (const s of occurrences(t, n)) {
        const e = s + n.length;
        if (blocked.some(([bs, be]) => s < be && bs < e)) continue;
        candidates.push({ actor, start: s, end: e });
      }
    }
  });
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.actor - b.actor);
  const taken: Match[] = [];
  for (const c of candidates) if (!taken.some((m) => c.start < m.end && m.start < c.end)) taken.push(c);
  taken.sort((a, b) => a.start - b.start);
  return taken.map((m) => ({ actor: m.actor, start: mapped.starts[m.start] ?? m.start, end: mapped.ends[m.end - 1] ?? m.end }));
}

// ---------------------------------------------------------------------------------------------
// duties

/** Verbs that give a body a duty, with the look-arounds that keep nouns out (负责人, 等组织, 领导班子). */
const dutyVerbs: readonly [string, RegExp][] = (
  [
    ['牵头', '牵头'],
    ['主责', '主责'],
    ['负责', '负责(?!人|同志|[^，。；]{0,20}的人员)'],
    ['组织', '(?<!等|各类|基层群众自治)组织(?!化|者|成员|覆盖|育人)'],
    ['协调', '协调'],
    ['指导', '指导(?!性)'],
    ['督促', '督促'],
    ['监督', '监督'],
    ['配合', '配合'],
    ['参与', '参与'],
    ['支持', '支持'],
    ['推动', '推动'],
    ['落实', '落实'],
    ['履行', '履行'],
    ['承担', '承担'],
    ['报告', '(?<!监测|评估|强制|主动)报告(?!制度|意识|义务)'],
    ['报送', '报送'],
    ['提交', '提交'],
    ['开展', '开展'],
    ['提供', '提供'],
    ['建立', '建立'],
    ['设立', '设立'],
    ['制定', '制定'],
    ['引导', '引导'],
    ['审批', '审批'],
    ['审核', '审核'],
    ['纳入', '纳入'],
    ['领导', '领导(?!班子|小组|干部|职务|能力)'],
  ] as const
).map(([verb, source]) => [verb, new RegExp(source, 'u')]);

const stop = /[，。；：,;:]/u;
/** How far after a body's name its verb may be. */
const MAX_DISTANCE = 30;

function firstVerb(s: string): { verb: string; index: number } | null {
  let best: { verb: string; index: number } | null = null;
  for (const [verb, re] of dutyVerbs) {
    const m = re.exec(s);
    if (m !== null && (best === null || m.index < best.index)) best = { verb, index: m.index };
  }
  return best;
}

interface DutyReading {
  readonly duty: string | null;
  /** The body receives (向…报告, 面向…): it is not the one the verb is about. */
  readonly recipient: boolean;
  /** Where the duty verb starts in the sentence, or -1. */
  readonly verbAt: number;
  /** The text before 由 when the body is named as 由…牵头 (监测组由各级统计部门牵头), else null. */
  readonly ledThing: string | null;
}

/**
 * The duty a sentence gives the body named at matches[k]: the first duty verb after its name, in
 * the same clause (up to ，；：) — a list 甲、乙和丙向…报送 shares its verb — or in the following
 * clauses of the sentence if no other body is named before the verb; at most MAX_DISTANCE
 * characters on. A body after 向 (or 面向) with no verb in between receives and gets no duty; a body
 * after 由 gets the verb of its own clause only; a verb after 由 belongs to someone else.
 */
export function readDuty(sentence: string, matches: readonly Match[], k: number): DutyReading {
  const m = matches[k];
  const none: DutyReading = { duty: null, recipient: false, verbAt: -1, ledThing: null };
  if (m === undefined) return none;
  // Other bodies' names are masked so that 社会组织 or 志愿者组织 never reads as the verb 组织.
  let masked = sentence;
  for (const o of matches) masked = masked.slice(0, o.start) + '□'.repeat(o.end - o.start) + masked.slice(o.end);
  let clauseStart = m.start;
  while (clauseStart > 0 && !stop.test(masked[clauseStart - 1] ?? '')) clauseStart--;
  const before = masked.slice(clauseStart, m.start);
  const toward = Math.max(before.lastIndexOf('向'), before.lastIndexOf('到'), before.lastIndexOf('对'));
  if (toward !== -1 && before.length - toward <= 15 && firstVerb(before.slice(toward)) === null) return { ...none, recipient: true };
  const ledAt = before.lastIndexOf('由');
  const led = ledAt === -1 ? null : { index: ledAt };
  const after = masked.slice(m.end, m.end + MAX_DISTANCE);
  const clauseEnd = after.search(stop);
  const own = clauseEnd === -1 ? after : after.slice(0, clauseEnd);
  const inOwn = firstVerb(own);
  if (led !== null) {
    return inOwn === null ? none : { duty: inOwn.verb, recipient: false, verbAt: m.end + inOwn.index, ledThing: sentence.slice(clauseStart, clauseStart + led.index).trim() };
  }
  if (inOwn !== null) {
    if (own.slice(0, inOwn.index).includes('由')) return none;
    // X组织的Y: the body qualifies a thing (参加妇儿工委组织的评估工作); it is given no duty.
    if (own.startsWith('的', inOwn.index + inOwn.verb.length)) return none;
    return { duty: inOwn.verb, recipient: false, verbAt: m.end + inOwn.index, ledThing: null };
  }
  if (clauseEnd === -1) return none;
  // A later clause continues the body's own only when it starts with the verb (…，按照任务分工，制定…).
  let at = clauseEnd + 1;
  while (at < after.length) {
    const rest = after.slice(at);
    const end = rest.search(stop);
    const clause = end === -1 ? rest : rest.slice(0, end);
    const verb = firstVerb(clause);
    if (verb !== null) return verb.index === 0 && !clause.startsWith('□') ? { duty: verb.verb, recipient: false, verbAt: m.end + at + verb.index, ledThing: null } : none;
    if (clause.includes('□') || end === -1 || /[。；;]/u.test(rest[end] ?? '')) return none;
    at += end + 1;
  }
  return none;
}

// ---------------------------------------------------------------------------------------------
// index

/** Every actor of the lexicon, in lexicon order, with every unit and sentence that names it. */
export function indexActors(units: readonly Unit[], lexicon: Lexicon): Actor[] {
  const actors = lexicon.entries.map((e) => ({ slug: e.slug, name: e.name, aliases: [...e.aliases], group: e.group, clauseIds: [] as string[], mentions: [] as Mention[] }));
  for (const unit of units) {
    for (const sentence of sentences(unit.text)) {
      const matches = matchText(sentence, lexicon);
      matches.forEach((m, k) => {
        const actor = actors[m.actor];
        if (actor === undefined) return;
        if (!actor.clauseIds.includes(unit.id)) actor.clauseIds.push(unit.id);
        actor.mentions.push({ clauseId: unit.id, sentence, start: m.start, end: m.end, duty: readDuty(sentence, matches, k).duty });
      });
    }
  }
  return actors;
}

// ---------------------------------------------------------------------------------------------
// division of labour

/** Cut a role at the first 、 not followed by another duty verb (负责组织、协调、指导 stays whole). */
function trimRole(role: string): string {
  for (let i = role.indexOf('、'); i !== -1; i = role.indexOf('、', i + 1)) {
    const next = firstVerb(role.slice(i + 1));
    if (next === null || next.index !== 0) return role.slice(0, i);
  }
  return role;
}

const level = /(?:各级|同级|下级|上一级|市|县级以上|县级|各)$/u;

/**
 * The division of labour in the 组织实施 and 监测评估 items (kinds 'implementation' and
 * 'monitoring'): for every body given a duty there, the role in the plan's words. Bodies that only
 * receive (向同级统计部门报送 → 统计部门) are not rows: the sender's role names them.
 */
export function division(units: readonly Unit[], actors: readonly Actor[]): Division[] {
  const lexicon: Lexicon = { entries: actors.map((a) => ({ slug: a.slug, name: a.name, aliases: a.aliases, group: a.group, exclude: [] })) };
  const bySlug = new Map(actors.map((a) => [a.slug, a]));
  const rows: Division[] = [];
  for (const unit of units) {
    if (unit.kind !== 'implementation' && unit.kind !== 'monitoring') continue;
    for (const sentence of sentences(unit.text)) {
      const fromIndex = new Map<string, Mention>();
      for (const a of actors) for (const m of a.mentions) if (m.clauseId === unit.id && m.sentence === sentence) fromIndex.set(`${m.start}:${m.end}`, m);
      const matches = matchText(sentence, lexicon).filter((m) => fromIndex.has(`${m.start}:${m.end}`));
      matches.forEach((m, k) => {
        const reading = readDuty(sentence, matches, k);
        const actor = actors[m.actor];
        if (reading.duty === null || reading.recipient || actor === undefined || !bySlug.has(actor.slug)) return;
        const qualifier = level.exec(sentence.slice(Math.max(0, m.start - 4), m.start))?.[0] ?? '';
        const name = qualifier + sentence.slice(m.start, m.end);
        let role: string;
        if (reading.ledThing !== null) {
          if (reading.ledThing === '') return;
          role = `${reading.ledThing}${reading.duty}`;
        } else {
          const rest = sentence.slice(m.end);
          const end = rest.search(stop);
          const clause = end === -1 ? rest : rest.slice(0, end);
          const verbInClause = reading.verbAt - m.end;
          const toward = clause.indexOf('向');
          let from: number;
          if (verbInClause < clause.length) from = toward !== -1 && toward < verbInClause ? toward : verbInClause;
          else from = verbInClause;
          const tail = sentence.slice(m.end + from);
          const tailEnd = tail.search(stop);
          role = trimRole(tailEnd === -1 ? tail : tail.slice(0, tailEnd));
          // 相关部门负责…的人员参与: the verb closes the clause; the role is the whole clause.
          if (role.length <= 2 && from > 0 && verbInClause < clause.length) role = clause;
        }
        rows.push({ role, actor: name, slug: actor.slug, clauseId: unit.id, sentence });
      });
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// content for the pages

/** What the build writes to <content>/actors.json: actors (those named at least once) and the division of labour. */
export function actorsContent(units: readonly Unit[], lexicon: Lexicon): ActorsContent {
  const actors = indexActors(units, lexicon);
  const byId = new Map(units.map((u) => [u.id, u]));
  return {
    actors: actors
      .filter((a) => a.mentions.length > 0)
      .map((a) => ({
        ...a,
        mentions: a.mentions.map((m) => {
          const u = byId.get(m.clauseId);
          return { ...m, url: u?.url ?? '', label: u?.label ?? m.clauseId, planTitle: u?.planTitle ?? '印发通知', domain: u?.domain ?? null };
        }),
      })),
    division: division(units, actors),
  };
}
