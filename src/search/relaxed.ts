// The relaxed match: when no clause holds every word of a query, the clauses holding some of them,
// scored as a search engine scores documents (BM25 over the index's occurrences: a rare word weighs
// more than a common one, a word said twice more than once, in a short clause more than in a long
// one), times how much of the query a clause covers, so a clause with more of what was asked comes
// first. Only the best few are kept: a common word alone never brings its hundred clauses. Pure:
// the occurrences come from the engine.
import { chineseWords } from '../text/segmenter';
import { expand, glossaryCut, type Glossary } from './glossary';
import { numberForms } from './numbers';
import type { Query } from './query';
import { fillerWords } from './understand';

/** One word of a query, with the other spellings that count as it. */
export interface RelaxedWord {
  readonly text: string;
  readonly alternatives: readonly string[];
}

/** Where each of a word's spellings occurs: unit key → start positions, per spelling. */
export type WordHits = readonly ReadonlyMap<string, readonly number[]>[];

/** What the scorer needs of a unit. */
export interface ScoredUnit {
  readonly length: number;
  readonly titleLength: number;
  readonly order: number;
}

export interface RelaxedHit {
  readonly key: string;
  readonly score: number;
  /** The words it holds, in query order. */
  readonly words: readonly string[];
}

/** BM25's usual constants: how fast repeated occurrences stop adding, and how much length matters. */
const k1 = 1.2;
const b = 0.75;
/** An occurrence in the title counts this many times. */
const titleWeight = 2;
/** An occurrence of a word's other spelling (glossary equivalent) counts this much. */
const alternativeWeight = 0.8;
/** At most this many clauses, and only those covering at least this share of the best one's coverage. */
export const maxRelaxed = 20;
const minCoverageShare = 0.5;

/**
 * The words of a query to score clauses by: a term that is a glossary term stays whole; any other
 * is cut at the glossary terms inside it (小眼镜越来越多 → 小眼镜 …), and what is left into the
 * words of the browser's segmentation (two characters or more, or a number), runs of single
 * characters kept together (托|位|数 → 托位数: a word the segmenter does not know). Filler words
 * go. Each word carries its glossary equivalents and number forms.
 */
export function relaxedWords(query: Query, glossary: Glossary | null): RelaxedWord[] {
  const segment = chineseWords();
  const out = new Map<string, RelaxedWord>();
  const add = (text: string) => {
    if (out.has(text) || fillerWords.has(text)) return;
    const alternatives = [...new Set([...numberForms(text), ...(glossary === null ? [] : expand(text, glossary))])].filter((a) => a !== text).slice(0, 8);
    out.set(text, { text, alternatives });
  };
  for (const term of query.terms) {
    if (term.quoted || glossary?.byTerm.has(term.text) === true || [...term.text].length <= 2) {
      add(term.text);
      continue;
    }
    const pieces = glossary === null ? [{ text: term.text, known: false }] : glossaryCut(term.text, glossary);
    const words = pieces.flatMap((p) => (p.known ? [p.text] : segmentRuns(p.text, segment)));
    for (const w of words.length > 0 ? words : [term.text]) add(w);
  }
  return [...out.values()];
}

/** A text's words of two characters or more (or with a digit), runs of single characters joined. */
function segmentRuns(text: string, segment: ReturnType<typeof chineseWords>): string[] {
  if (segment === undefined) return [text];
  const words: string[] = [];
  let run = '';
  const flush = () => {
    if ([...run].length >= 2) words.push(run);
    run = '';
  };
  for (const s of segment(text)) {
    if (s.isWordLike !== true || fillerWords.has(s.segment)) flush();
    else if ([...s.segment].length === 1 && !/\d/.test(s.segment)) run += s.segment;
    else {
      flush();
      words.push(s.segment);
    }
  }
  flush();
  return words;
}

/**
 * The clauses holding some of the words, best first (see the top of this file). `hits[i]`: where
 * word i's spellings occur (its own first). `units`: every unit of the index (for the corpus size
 * and mean length). `boost`: a factor per unit key (a named department's clauses), 1 by default.
 */
export function relaxedRank(
  words: readonly RelaxedWord[],
  hits: readonly WordHits[],
  units: ReadonlyMap<string, ScoredUnit>,
  boost: (key: string) => number = () => 1,
): RelaxedHit[] {
  const total = units.size;
  let lengthSum = 0;
  for (const u of units.values()) lengthSum += u.length;
  const meanLength = total === 0 ? 1 : lengthSum / total;
  const perUnit = new Map<string, { score: number; covered: number; words: string[] }>();
  let weightSum = 0;
  words.forEach((word, w) => {
    const spellings = hits[w] ?? [];
    const tf = new Map<string, number>();
    spellings.forEach((found, s) => {
      const n = [word.text, ...word.alternatives][s] ?? '';
      for (const [key, starts] of found) {
        const unit = units.get(key);
        if (unit === undefined) continue;
        const weight = (s === 0 ? 1 : alternativeWeight) * starts.reduce((sum, p) => sum + (p + [...n].length <= unit.titleLength ? titleWeight : 1), 0);
        tf.set(key, Math.max(tf.get(key) ?? 0, weight));
      }
    });
    const df = tf.size;
    const idf = Math.log(1 + (total - df + 0.5) / (df + 0.5));
    weightSum += idf;
    for (const [key, f] of tf) {
      const unit = units.get(key);
      if (unit === undefined) continue;
      const entry = perUnit.get(key) ?? { score: 0, covered: 0, words: [] };
      entry.score += (idf * f * (k1 + 1)) / (f + k1 * (1 - b + (b * unit.length) / meanLength));
      entry.covered += idf;
      entry.words.push(word.text);
      perUnit.set(key, entry);
    }
  });
  if (perUnit.size === 0 || weightSum === 0) return [];
  const scored = [...perUnit].map(([key, e]) => {
    const coverage = e.covered / weightSum;
    return { key, coverage, weighed: coverage * boost(key), score: e.score, words: e.words, order: units.get(key)?.order ?? 0 };
  });
  const best = Math.max(...scored.map((s) => s.coverage));
  return scored
    .filter((s) => s.coverage >= best * minCoverageShare)
    .sort((x, y) => y.weighed - x.weighed || y.score - x.score || x.order - y.order)
    .slice(0, maxRelaxed)
    .map(({ key, score, words: held }) => ({ key, score, words: held }));
}
