// The bodies the plans name (src/data/actors.json) and, for each, every clause that names it: the
// sentence, where in it the body's name is, and the duty the sentence gives the body (牵头, 负责, …).
// Pure: no I/O. loadLexicon validates the JSON; indexActors matches it against the units;
// division() reads the 组织实施 and 监测评估 items for who leads, who reports to whom.
import type { Unit } from './site';
import { sentences } from './sentences';
import { normalize, normalizeMapped } from './search/variants';
import { describe, isRecord, topLevelList } from './data-file';

export interface Mention {
  readonly clauseId: string;
  /** The sentence (the unit's text split after 。 and ； and at line ends) naming the body, verbatim. */
  readonly sentence: string;
  /** Offsets (UTF-16) of the body's name in `sentence`. */
  readonly start: number;
  readonly end: number;
  /** The duty verb tied to the body (各级统计部门牵头组织… → 牵头), or null. */
  readonly duty: string | null;
}

export interface Actor {
  readonly slug: string;
  readonly name: string;
  readonly aliases: string[];
  readonly group: string;
  /** Units naming the body, in unit order, each once. */
  readonly clauseIds: string[];
  readonly mentions: Mention[];
}

export interface LexiconEntry {
  readonly slug: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly group: string;
  readonly exclude: readonly string[];
}

export interface Lexicon {
  readonly entries: readonly LexiconEntry[];
}

export class LexiconError extends Error {
  override readonly name = 'LexiconError';
}



const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Validates the parsed actors.json. Throws a LexiconError naming the file, the entry and the fault.
 * Rules: { "$…"?: notes, "actors": [ { slug, name, aliases, group, exclude? } ] }; slug ASCII
 * (a-z, 0-9, single hyphens) and unique; name and group non-empty strings; aliases an array of
 * strings; every term (name or alias) at least 2 characters once normalized and belonging to one
 * actor only; every exclude string contains one of the actor's own terms (else it could never apply).
 */
export function loadLexicon(json: unknown, file = 'src/data/actors.json'): Lexicon {
  const fail = (where: string, what: string): never => {
    throw new LexiconError(`${file}: ${where}: ${what}`);
  };
  const raw = topLevelList(json, 'actors', fail).list;
  const entries: LexiconEntry[] = [];
  const slugs = new Set<string>();
  const owner = new Map<string, string>();
  raw.forEach((item: unknown, index) => {
    const at = (extra = '') => `actors[${index}]${isRecord(item) && typeof item['slug'] === 'string' ? ` (${item['slug']})` : ''}${extra}`;
    if (!isRecord(item)) return fail(at(), `expected an object {"slug", "name", "aliases", "group", "exclude"?}, got ${describe(item)}`);
    for (const key of Object.keys(item)) {
      if (!['slug', 'name', 'aliases', 'group', 'exclude'].includes(key)) fail(at(), `unknown key ${JSON.stringify(key)} (allowed: "slug", "name", "aliases", "group", "exclude")`);
    }
    const { slug, name, aliases, group, exclude = [] } = item;
    if (typeof slug !== 'string' || !slugPattern.test(slug)) return fail(at('.slug'), `expected lower-case ASCII letters, digits and single hyphens (it is the URL /actors/<slug>/), got ${describe(slug)}`);
    if (slugs.has(slug)) fail(at('.slug'), `${JSON.stringify(slug)} is used by another actor`);
    slugs.add(slug);
    if (typeof name !== 'string' || name.trim() === '') return fail(at('.name'), `expected a non-empty string, got ${describe(name)}`);
    if (typeof group !== 'string' || group.trim() === '') return fail(at('.group'), `expected a non-empty string, got ${describe(group)}`);
    if (!Array.isArray(aliases)) return fail(at('.aliases'), `expected an array of strings (may be empty), got ${describe(aliases)}`);
    if (!Array.isArray(exclude)) return fail(at('.exclude'), `expected an array of strings, got ${describe(exclude)}`);
    const terms: string[] = [];
    [name, ...aliases].forEach((term: unknown, t) => {
      const where = t === 0 ? '.name' : `.aliases[${t - 1}]`;
      if (typeof term !== 'string') return fail(at(where), `expected a string, got ${describe(term)}`);
      const n = normalize(term);
      if (Array.from(n).length < 2) fail(at(where), `${JSON.stringify(term)} is too short: names need at least 2 characters`);
      const other = owner.get(n);
      if (other !== undefined) fail(at(where), `${JSON.stringify(term)} is already a name or alias of ${other}; a name may belong to one actor only`);
      owner.set(n, slug);
      terms.push(term);
      return undefined;
    });
    const excludes: string[] = [];
    exclude.forEach((pattern: unknown, e) => {
      if (typeof pattern !== 'string') return fail(at(`.exclude[${e}]`), `expected a string, got ${describe(pattern)}`);
      const n = normalize(pattern);
      if (!terms.some((term) => n.includes(normalize(term)) && n !== normalize(term))) {
        fail(at(`.exclude[${e}]`), `${JSON.stringify(pattern)} contains none of this actor's names (${terms.join('、')}) or equals one, so it could never exclude a match`);
      }
      excludes.push(pattern);
      return undefined;
    });
    entries.push({ slug, name, aliases: terms.slice(1), group, exclude: excludes });
    return undefined;
  });
  return { entries };
}

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

export interface Division {
  /** What the body does, in the plan's words: 牵头组织开展年度监测, 向同级妇儿工委报告…, 监测组牵头. */
  readonly role: string;
  /** The body as the sentence names it, with its level: 各级统计部门, 下级妇儿工委. */
  readonly actor: string;
  readonly slug: string;
  readonly clauseId: string;
  readonly sentence: string;
}

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

export type MentionContent = Mention & { readonly url: string; readonly label: string; readonly planTitle: string; readonly domain: string | null };
export type ActorContent = Omit<Actor, 'mentions'> & { readonly mentions: MentionContent[] };
export interface ActorsContent {
  readonly actors: ActorContent[];
  readonly division: Division[];
}

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
