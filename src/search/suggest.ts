// "Did you mean": the plan's words closest to a term that found nothing (妇连 → 妇联). Pure.
import { normalize } from '../text/normalize';

function levenshtein(a: readonly string[], b: readonly string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

function sharedCharacters(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const c of a) counts.set(c, (counts.get(c) ?? 0) + 1);
  let shared = 0;
  for (const c of b) {
    const n = counts.get(c) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(c, n - 1);
    }
  }
  return shared;
}

/**
 * The vocabulary entries closest to a term that found nothing, best first, for a "did you mean"
 * hint (e.g. 妇连 → 妇联, 留守儿重 → 留守儿童). Compared on normalized text, character by character:
 * a mix of edit distance and shared characters, with a bonus when one contains the other. Entries
 * sharing no character, equal to the term, or too far from it are left out, so the result may be
 * empty. Returns the vocabulary strings as given; ties keep vocabulary order.
 */
export function suggest(term: string, vocabulary: readonly string[], max = 5): string[] {
  const t = normalize(term);
  const tc = Array.from(t);
  if (tc.length === 0 || max <= 0) return [];
  const seen = new Set<string>();
  const scored: { word: string; score: number; distance: number; order: number }[] = [];
  vocabulary.forEach((word, order) => {
    const w = normalize(word);
    if (w === '' || w === t || seen.has(w)) return;
    seen.add(w);
    const wc = Array.from(w);
    const shared = sharedCharacters(tc, wc);
    if (shared === 0) return;
    const contains = w.includes(t) || t.includes(w);
    const longest = Math.max(tc.length, wc.length);
    if (!contains && Math.abs(tc.length - wc.length) > Math.max(2, Math.min(tc.length, wc.length))) return;
    const distance = levenshtein(tc, wc);
    const closeness = 1 - distance / longest;
    const overlap = (2 * shared) / (tc.length + wc.length);
    const score = 0.6 * closeness + 0.4 * overlap + (contains ? 0.2 : 0);
    if (score < 0.4) return;
    scored.push({ word, score, distance, order });
  });
  scored.sort((a, b) => b.score - a.score || a.distance - b.distance || a.order - b.order);
  return scored.slice(0, max).map((s) => s.word);
}
