// Ranking: candidates (units whose index holds every token of every term) → results in order.
// Pure: works on positions from the index and the units table, never on fetched text.
//   1. units that hold the whole query as it stands (for several terms: the terms run together);
//   2. then by the weakest term: the term itself in the title › in the text › a glossary
//      equivalent in the title › in the text; among equivalents, the one listed first (the glossary
//      lists an entry's terms closest first: the plan's own wordings before everyday words);
//   3. then more terms in the title, more occurrences, an earlier first occurrence, document order.
/** How one term matches one unit, best first. */
export const levels = {
  titleExact: 6,
  exact: 5,
  titleAlternative: 4,
  alternative: 3,
} as const;

export interface TermHit {
  /**
   * Per looked-for string (the term or an alternative) that occurs in the unit: where (start
   * positions in the unit's character stream; never empty).
   */
  readonly matches: ReadonlyMap<string, readonly number[]>;
}

export interface Candidate {
  readonly key: string;
  /** Position of the unit in document order. */
  readonly order: number;
  /** Characters of the unit's stream that are its title. */
  readonly titleLength: number;
  /** Per term (in query order), the positions its strings matched at; absent when the term did not match. */
  readonly terms: readonly (TermHit | undefined)[];
  /** Where the whole query, terms run together, occurs (several-term queries only). */
  readonly whole?: readonly number[] | undefined;
}

export interface TermSpec {
  readonly text: string;
  readonly alternatives: readonly string[];
}

export interface Ranked {
  readonly key: string;
  readonly level: number;
  readonly whole: boolean;
  /** For the weakest term: 0 when the term itself matched, else 1 + the index of its best equivalent. */
  readonly distance: number;
  readonly titleTerms: number;
  readonly occurrences: number;
  readonly first: number;
  readonly order: number;
}

const length = (s: string) => [...s].length;

/** Score one term against one unit. */
export function termLevel(term: TermSpec, hit: TermHit | undefined, titleLength: number): { level: number; distance: number; title: boolean; occurrences: number; first: number } {
  const none = { level: 0, distance: Number.POSITIVE_INFINITY, title: false, occurrences: 0, first: Number.POSITIVE_INFINITY };
  if (hit === undefined) return none;
  let best = none;
  for (const [text, starts] of hit.matches) {
    const own = text === term.text;
    const n = length(text);
    const title = starts.some((s) => s + n <= titleLength);
    if (starts.length === 0) continue;
    const level = own ? (title ? levels.titleExact : levels.exact) : title ? levels.titleAlternative : levels.alternative;
    const first = starts[0] ?? 0;
    const distance = own ? 0 : 1 + term.alternatives.indexOf(text);
    if (level > best.level || (level === best.level && (distance < best.distance || (distance === best.distance && starts.length > best.occurrences)))) {
      best = { level, distance, title, occurrences: starts.length, first };
    }
  }
  return best;
}

export function rank(terms: readonly TermSpec[], candidates: readonly Candidate[]): Ranked[] {
  const ranked: Ranked[] = [];
  for (const c of candidates) {
    const scores = terms.map((t, i) => termLevel(t, c.terms[i], c.titleLength));
    if (scores.some((s) => s.level === 0)) continue;
    const whole = terms.length === 1 ? (scores[0]?.level ?? 0) >= levels.exact : (c.whole?.length ?? 0) > 0;
    ranked.push({
      key: c.key,
      level: Math.min(...scores.map((s) => s.level)),
      distance: Math.max(...scores.map((s) => s.distance)),
      whole,
      titleTerms: scores.filter((s) => s.title).length,
      occurrences: scores.reduce((sum, s) => sum + s.occurrences, 0),
      first: Math.min(...scores.map((s) => s.first)),
      order: c.order,
    });
  }
  return ranked.sort(
    (a, b) =>
      Number(b.whole) - Number(a.whole) ||
      b.level - a.level ||
      a.distance - b.distance ||
      b.titleTerms - a.titleTerms ||
      b.occurrences - a.occurrences ||
      a.first - b.first ||
      a.order - b.order,
  );
}
