// Links between units, computed from their wording: which measures carry out a goal, which domain
// of one plan answers to a domain of the other, and which units of the other plan share a target or
// a distinctive topic. Pure: no I/O, no DOM, and nothing here looks at a unit's number or its place
// in the list (only at its text), so reordering or renumbering measures never changes what links
// to what.
//
// How it works
// 1. Terms. Each goal or measure is normalized (normalize(): full-width → half-width etc.) and cut
//    into Han runs. Its terms are every 2–4-character n-gram of a run, plus every span of 1–4
//    consecutive words (text/segmenter.ts) that is 2–6 characters long ("word-aligned"
//    terms, the only ones shown as a reason), plus targets such as `96%` or `12/10万`. Terms that
//    begin or end with a function character (的, 和, 与 …) or are made only of stop words
//    (妇女, 儿童, 加强, 推进, 完善 …) are dropped.
// 2. Weights. A term weighs its inverse document frequency among the goals and measures of its
//    plan — a term found in more than a fifth of them weighs nothing — times a length factor
//    (longer shared terms tell more). A term of a measure's title (its first sentence) counts
//    double.
// 3. Goal → measures. A goal and a measure of the same domain score the cosine of their weighted
//    term vectors. A goal keeps its best measure and every other one that scores at least
//    `relativeCut` of the best and `minScore` in absolute terms, at most six.
// 4. Counterpart domains. Two domains of different plans correspond when the topic words of their
//    names (the name without what all domain names of its plan share, e.g. 妇女与) share
//    characters; a topic without such a match is matched by its name's words appearing in the
//    other domain's text and vice versa. Pairs are taken best first, one to one.
// 5. See also. A goal or measure and a unit of the other plan score the cosine of vectors weighted
//    by the lower of the two plans' IDFs (so a term must be distinctive in both); pairs that share
//    no word-aligned term of three or more characters or a target are not linked.
import { docSlugOf, planIdOf } from '../../model/ids';
import type { Unit } from '../../model/unit';
import { normalize } from '../../text/normalize';
import { requireChineseWords } from '../../text/segmenter';

export interface Link {
  readonly id: string;
  readonly score: number;
  /** The key terms both share, most telling first (1–4, none a substring of another). */
  readonly shared: string[];
}

export interface Links {
  /** Goal id → 1–6 measures of the same domain, most related first. */
  readonly relatedMeasures: Map<string, Link[]>;
  /** Measure id → the goals (same domain) whose relatedMeasures list it, most related first. */
  readonly relatedGoals: Map<string, Link[]>;
  /** Domain key (`domainKey`, `${planId}/${domain}`) → the matching domain key of the other plan, or null. */
  readonly counterpartDomain: Map<string, string | null>;
  /** Goal or measure id → up to 3 units of the other plan sharing a target or distinctive topic. */
  readonly seeAlso: Map<string, Link[]>;
}

// ---------------------------------------------------------------------------------------------
// Tuning

/** A goal links to measures scoring at least this share of its best measure's score… */
const relativeCut = 0.45;
/** …and at least this much (the best measure is always kept). */
const minScore = 0.04;
const maxMeasures = 6;
/** Terms found in more than this share of a plan's goals and measures weigh nothing. */
const maxDocShare = 0.2;
/** A measure's title terms count this many times. */
const titleBoost = 2;
const maxSeeAlso = 3;
/** A see-also link needs this score between counterpart domains, and `otherSeeAlsoScore` elsewhere. */
const minSeeAlsoScore = 0.15;
const otherSeeAlsoScore = 0.3;
const maxShared = 4;
/** Weight of a character n-gram that is not a run of whole words (it may cut across two). */
const strayWeight = 0.5;

/** Words too common in these plans to tell anything. */
const stopWords = new Set([
  '妇女', '女性', '儿童', '少年', '未成年人', '男女', '加强', '推进', '完善', '提高', '促进', '建立', '健全',
  '推动', '提升', '保障', '落实', '开展', '进一步', '不断', '逐步', '全面', '积极', '支持', '鼓励', '引导',
  '机制', '体系', '工作', '服务', '建设', '发展', '水平', '能力', '达到', '以上', '以下', '实施', '强化',
  '各级', '各类', '相关', '深入', '依法', '有效', '明显', '持续', '保持', '重点', '社会', '作用', '发挥',
  '加大', '力度', '坚持', '构建', '全市', '我市', '城乡', '提供', '政策', '制度', '增强', '注重',
  '高质量', '新时代', '经济社会', '严格', '作用', '推广', '使用', '重要', '独特', '更多', '做好', '符合',
  '条件', '面向', '树立', '培养', '培育', '获得', '享有', '形式', '方式', '行为', '意识', '宣传',
  '大力', '预防', '控制', '减少', '降低', '下降', '上升', '趋势', '分别', '得到', '普遍', '充分', '切实', '努力',
]);
/** Stop words that may still begin a shown term (社会保障, 服务体系). */
const nounStops = new Set(['社会', '服务', '工作', '机制', '体系', '政策', '制度', '水平', '能力', '教育']);
/** Characters a term may not begin or end with. */
const edgeChars = new Set(Array.from('的和与及等在对了是并或把将以其之而于'));

// ---------------------------------------------------------------------------------------------
// Terms

const segment = requireChineseWords();
const hanRun = /\p{Script=Han}+/gu;
const target = /\d+(?:\.\d+)?(?:[%‰]|\/\d+万)/g;
const isTarget = (t: string) => /^\d/.test(t);

interface Terms {
  /** Every term of the text, with how often it occurs. */
  readonly all: Map<string, number>;
  /** The word-aligned terms and targets: the ones fit to show as a reason. */
  readonly shown: Set<string>;
}

const stopsLongestFirst = [...stopWords].sort((a, b) => b.length - a.length);
const stopCache = new Map<string, boolean>();

function isStop(term: string): boolean {
  const cached = stopCache.get(term);
  if (cached !== undefined) return cached;
  const chars = Array.from(term);
  let stop = stopWords.has(term) || edgeChars.has(chars[0] ?? '') || edgeChars.has(chars[chars.length - 1] ?? '');
  if (!stop) {
    // Made only of stop words (加强完善, 儿童保障): nothing left once they are taken out.
    let rest = term;
    for (const w of stopsLongestFirst) rest = rest.split(w).join('');
    stop = rest === '';
  }
  stopCache.set(term, stop);
  return stop;
}

const termCache = new Map<string, Terms>();

/** The terms of one text (see step 1 above). */
export function termsOf(text: string): Terms {
  const cached = termCache.get(text);
  if (cached !== undefined) return cached;
  const norm = normalize(text);
  const all = new Map<string, number>();
  const shown = new Set<string>();
  const add = (t: string) => all.set(t, (all.get(t) ?? 0) + 1);
  for (const m of norm.matchAll(target)) {
    add(m[0]);
    shown.add(m[0]);
  }
  for (const m of norm.matchAll(hanRun)) {
    const run = Array.from(m[0]);
    for (let n = 2; n <= 4; n++) {
      for (let i = 0; i + n <= run.length; i++) {
        const t = run.slice(i, i + n).join('');
        if (!isStop(t)) add(t);
      }
    }
    const words = Array.from(segment(m[0]), (s) => s.segment);
    for (let i = 0; i < words.length; i++) {
      let t = '';
      for (let j = i; j < Math.min(words.length, i + 4); j++) {
        t += words[j];
        const len = Array.from(t).length;
        if (len > 6) break;
        if (len >= 2 && !isStop(t) && fitToShow(words, i, j)) shown.add(t);
      }
    }
  }
  const terms = { all, shown };
  termCache.set(text, terms);
  return terms;
}

/** Single-character words a shown term may begin with (毛入学率) or end with (宫颈癌, 筛查率). */
const prefixChars = new Set(Array.from('毛女男新高低非反总亲老母婴幼孕妇'));
const suffixChars = new Set(Array.from('率癌病法人者化性式型权费员所站量数龄期儿妇'));

/**
 * Whether words[i..j] make a term fit to show: a term of several words may not begin with a stop
 * word (妇女宫颈 → 宫颈癌), begin or end with a stray character (孕|产妇 is fine, 中国|共产 is
 * not), nor hold a 的.
 */
function fitToShow(words: readonly string[], i: number, j: number): boolean {
  const first = words[i] ?? '';
  const last = words[j] ?? '';
  if (i === j) return true;
  if ((stopWords.has(first) && !nounStops.has(first)) || words.slice(i, j + 1).includes('的')) return false;
  return (Array.from(first).length > 1 || prefixChars.has(first)) && (Array.from(last).length > 1 || suffixChars.has(last));
}

function lengthFactor(term: string): number {
  return Math.min(2.2, 1 + 0.3 * (Array.from(term).length - 2));
}

/** Inverse document frequency of every term among `texts` (0 for terms that are too common). */
function idfOf(texts: readonly string[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const text of texts) for (const t of termsOf(text).all.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = texts.length;
  const idf = new Map<string, number>();
  for (const [t, d] of df) idf.set(t, d > maxDocShare * n ? 0 : Math.log(n / d));
  return idf;
}

type Vector = ReadonlyMap<string, number>;

function vectorOf(unit: Unit, weight: (term: string) => number): Vector {
  const v = new Map<string, number>();
  const title = unit.kind === 'measure' && unit.title !== null ? termsOf(unit.title).all : new Map<string, number>();
  const terms = termsOf(unit.text);
  for (const [t, tf] of terms.all) {
    const w = weight(t) * (1 + Math.log(tf)) * (terms.shown.has(t) ? 1 : strayWeight) * (title.has(t) ? titleBoost : 1);
    if (w > 0) v.set(t, w);
  }
  return v;
}

const norms = new WeakMap<Vector, number>();

function norm(v: Vector): number {
  let n = norms.get(v);
  if (n === undefined) {
    let s = 0;
    for (const w of v.values()) s += w * w;
    n = Math.sqrt(s);
    norms.set(v, n);
  }
  return n;
}

/** The cosine of two vectors and each shared term's part in it. */
function similarity(a: Vector, b: Vector): { score: number; parts: Map<string, number> } {
  const parts = new Map<string, number>();
  const d = norm(a) * norm(b);
  if (d === 0) return { score: 0, parts };
  let dot = 0;
  // Summed in the order of the smaller vector's own text, so the result never depends on the
  // order of the units.
  const [small, large] = a.size < b.size || (a.size === b.size && norm(a) <= norm(b)) ? [a, b] : [b, a];
  for (const [t, w] of small) {
    const w2 = large.get(t);
    if (w2 === undefined) continue;
    parts.set(t, (w * w2) / d);
    dot += w * w2;
  }
  return { score: dot / d, parts };
}

/**
 * The 1–4 most telling shared terms: word-aligned terms both texts share (any shared terms if there
 * are none), none inside a longer one, ranked by the part of the score of the shared terms they
 * contain.
 */
function sharedTerms(parts: ReadonlyMap<string, number>, a: Terms, b: Terms): string[] {
  const aligned = [...parts.keys()].filter((t) => a.shown.has(t) && b.shown.has(t));
  // Should no shared term be word-aligned in both texts, show the others rather than nothing.
  const shown = aligned.length > 0 ? aligned : [...parts.keys()];
  const maximal = shown.filter((t) => !shown.some((u) => u !== t && u.includes(t)));
  const worth = (t: string) => {
    let s = 0;
    for (const [u, p] of parts) if (t.includes(u)) s += p;
    return s;
  };
  const ranked = maximal
    .map((t) => ({ t, w: worth(t) }))
    .sort((x, y) => y.w - x.w || Array.from(y.t).length - Array.from(x.t).length || (x.t < y.t ? -1 : 1));
  const out: string[] = [];
  for (const { t } of ranked) {
    if (out.length >= maxShared) break;
    if (out.some((u) => u.includes(t) || t.includes(u))) continue;
    out.push(t);
  }
  return out;
}

function byScore(a: Link, b: Link): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

// ---------------------------------------------------------------------------------------------
// Counterpart domains

/** What all domain names of a plan share at their start (妇女与健康, 妇女参与决策和管理 → 妇女). */
function commonPrefix(names: readonly string[]): string {
  if (names.length < 2) return '';
  let p = names[0] ?? '';
  for (const n of names) while (!n.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** A domain's topic: its name without the plan's common prefix and a leading 与 (妇女与健康 → 健康). */
function topicOf(name: string, prefix: string): string {
  return name.slice(prefix.length).replace(/^与/, '');
}

interface DomainInfo {
  readonly key: string;
  readonly plan: string;
  readonly topic: string;
  /** The normalized text of the domain's goals and measures. */
  readonly text: string;
}

/** Share of characters two topics have in common (Dice coefficient over distinct characters). */
function nameOverlap(a: string, b: string): number {
  const x = new Set(Array.from(a));
  const y = new Set(Array.from(b));
  let shared = 0;
  for (const c of x) if (y.has(c)) shared++;
  return (2 * shared) / (x.size + y.size);
}

/** The topic's words (segmenter words of two or more characters, or the topic itself). */
function topicWords(topic: string): string[] {
  const words = Array.from(segment(topic), (s) => s.segment).filter((w) => Array.from(w).length >= 2);
  return words.length === 0 ? [topic] : words;
}

/** How often the words of a's topic occur in b's text, per thousand characters. */
function mentions(a: DomainInfo, b: DomainInfo): number {
  let n = 0;
  for (const w of topicWords(a.topic)) n += b.text.split(w).length - 1;
  return (1000 * n) / Math.max(1, b.text.length);
}

function counterparts(domains: readonly DomainInfo[]): Map<string, string | null> {
  const pairs: { a: DomainInfo; b: DomainInfo; score: number }[] = [];
  for (const a of domains) {
    for (const b of domains) {
      if (a.plan >= b.plan) continue;
      const byName = nameOverlap(a.topic, b.topic);
      // Names that share nothing: each topic must be a subject of the other domain's text.
      const byText = Math.min(mentions(a, b), mentions(b, a));
      const score = byName > 0 ? 10 + byName : byText >= 1 ? byText : 0;
      if (score > 0) pairs.push({ a, b, score });
    }
  }
  pairs.sort((x, y) => y.score - x.score || (x.a.key + x.b.key < y.a.key + y.b.key ? -1 : 1));
  const result = new Map<string, string | null>(domains.map((d) => [d.key, null]));
  for (const { a, b } of pairs) {
    if (result.get(a.key) !== null || result.get(b.key) !== null) continue;
    result.set(a.key, b.key);
    result.set(b.key, a.key);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------

/** A domain across the library: its plan's ID (plans of two documents may share a title) and its name. */
export function domainKey(unit: Pick<Unit, 'id' | 'domain'>): string {
  return `${planIdOf(unit.id)}/${unit.domain}`;
}

/**
 * The links of every document, each computed from its own units only: the two plans a notice issues
 * answer to each other, a plan of another document does not, and the work grows with the pages, not
 * with their square.
 */
export function computeLinks(units: readonly Unit[]): Links {
  const byDocument = new Map<string, Unit[]>();
  for (const u of units) {
    const list = byDocument.get(docSlugOf(u.id)) ?? [];
    list.push(u);
    byDocument.set(docSlugOf(u.id), list);
  }
  const all: Links = { relatedMeasures: new Map(), relatedGoals: new Map(), counterpartDomain: new Map(), seeAlso: new Map() };
  for (const docUnits of byDocument.values()) {
    const links = documentLinks(docUnits);
    for (const key of Object.keys(all) as (keyof Links)[]) {
      for (const [k, v] of links[key]) (all[key] as Map<string, typeof v>).set(k, v);
    }
  }
  return all;
}

function documentLinks(units: readonly Unit[]): Links {
  const linked = units.filter((u) => (u.kind === 'goal' || u.kind === 'measure') && u.planTitle !== null && u.domain !== null);
  const planOf = (u: Unit) => planIdOf(u.id);
  const plans = [...new Set(linked.map(planOf))].sort();

  // Weights within each plan.
  const idf = new Map<string, Map<string, number>>();
  for (const p of plans) idf.set(p, idfOf(linked.filter((u) => planOf(u) === p).map((u) => u.text)));
  const planWeight = (plan: string) => {
    const table = idf.get(plan) ?? new Map<string, number>();
    return (t: string) => (table.get(t) ?? 0) * lengthFactor(t);
  };
  const vectors = new Map<string, Vector>(linked.map((u) => [u.id, vectorOf(u, planWeight(planOf(u)))]));

  // Goal → measures, and back.
  const relatedMeasures = new Map<string, Link[]>();
  const relatedGoals = new Map<string, Link[]>();
  const byDomain = new Map<string, Unit[]>();
  for (const u of linked) {
    const list = byDomain.get(domainKey(u)) ?? [];
    list.push(u);
    byDomain.set(domainKey(u), list);
  }
  for (const u of linked) if (u.kind === 'measure') relatedGoals.set(u.id, []);
  for (const domainUnits of byDomain.values()) {
    const measures = domainUnits.filter((u) => u.kind === 'measure');
    for (const goal of domainUnits.filter((u) => u.kind === 'goal')) {
      const gv = vectors.get(goal.id) ?? new Map();
      const scored = measures
        .map((m) => {
          const { score, parts } = similarity(gv, vectors.get(m.id) ?? new Map());
          return { id: m.id, score: round(score), shared: sharedTerms(parts, termsOf(goal.text), termsOf(m.text)) };
        })
        .sort(byScore);
      const best = scored[0]?.score ?? 0;
      const kept = scored.filter((l, i) => i === 0 || (l.score >= relativeCut * best && l.score >= minScore)).slice(0, maxMeasures);
      relatedMeasures.set(goal.id, kept);
      for (const l of kept) relatedGoals.get(l.id)?.push({ id: goal.id, score: l.score, shared: l.shared });
    }
  }
  for (const list of relatedGoals.values()) list.sort(byScore);

  // Counterpart domains.
  const domains: DomainInfo[] = [];
  for (const p of plans) {
    const names = [...new Set(linked.filter((u) => planOf(u) === p).map((u) => u.domain as string))];
    const prefix = commonPrefix(names);
    for (const name of names) {
      const key = `${p}/${name}`;
      domains.push({ key, plan: p, topic: topicOf(name, prefix), text: normalize((byDomain.get(key) ?? []).map((u) => u.text).join('\n')) });
    }
  }
  const counterpartDomain = counterparts(domains);

  // See also: units of the other plan, weighted by what is distinctive in both plans.
  const seeAlso = new Map<string, Link[]>();
  const crossWeight = (t: string) => {
    let w = Infinity;
    for (const table of idf.values()) w = Math.min(w, table.get(t) ?? 0);
    return (Number.isFinite(w) ? w : 0) * lengthFactor(t);
  };
  const crossVectors = new Map<string, Vector>(linked.map((u) => [u.id, vectorOf(u, crossWeight)]));
  for (const u of linked) {
    const uv = crossVectors.get(u.id) ?? new Map();
    const found: Link[] = [];
    for (const o of linked) {
      if (planOf(o) === planOf(u)) continue;
      const { score, parts } = similarity(uv, crossVectors.get(o.id) ?? new Map());
      const counterpart = counterpartDomain.get(domainKey(u)) === domainKey(o);
      if (score < (counterpart ? minSeeAlsoScore : otherSeeAlsoScore)) continue;
      const shared = sharedTerms(parts, termsOf(u.text), termsOf(o.text));
      // A distinctive topic: one shared term of three or more characters, or two shared terms.
      if (shared.length < 2 && !shared.some((t) => !isTarget(t) && Array.from(t).length >= 3)) continue;
      found.push({ id: o.id, score: round(score), shared });
    }
    seeAlso.set(u.id, found.sort(byScore).slice(0, maxSeeAlso));
  }

  return { relatedMeasures, relatedGoals, counterpartDomain, seeAlso };
}
