// The search index's alphabet. Pagefind's own Chinese segmentation disagrees between index and query
// time and cannot find text inside a word, so the index holds character bigrams instead: one token
// per character of a unit's (normalized, whitespace-free) text, the code of that character followed
// by the code of the next. Codes are four base-36 digits of the code point (fixed width, so a token
// is never a prefix of another of the same kind; a one-character query is a 4-digit token that
// Pagefind's prefix matching extends to every bigram starting with that character).
//
// Position i of the token stream is character i of the stream text, so Pagefind's word positions
// tell where a term's characters stand in a row (see `runStarts`).

const width = 4;

/** The fixed-width code of one character (any code point up to U+10FFFF fits in 4 base-36 digits). */
export function charCode(ch: string): string {
  return (ch.codePointAt(0) ?? 0).toString(36).padStart(width, '0');
}

/** The characters of a normalized text that the index holds: everything but whitespace. */
export function streamChars(normalized: string): string[] {
  return [...normalized].filter((ch) => !/\s/u.test(ch));
}

/** One token per character: its bigram with the next character, or the character alone at the end. */
export function indexTokens(chars: readonly string[]): string[] {
  return chars.map((ch, i) => {
    const next = chars[i + 1];
    return next === undefined ? charCode(ch) : charCode(ch) + charCode(next);
  });
}

/**
 * The tokens that find a term, in order: its bigrams, or for a single character its code alone
 * (which Pagefind matches as a prefix of every bigram starting with that character).
 */
export function queryTokens(chars: readonly string[]): string[] {
  if (chars.length <= 1) return chars.map(charCode);
  return chars.slice(0, -1).map((ch, i) => charCode(ch) + charCode(chars[i + 1] ?? ''));
}

/**
 * Where a term of `tokenCount` tokens occurs, given the positions in a unit where any of its
 * tokens matched (what Pagefind reports for a search of all of them): the starts of runs of
 * `tokenCount` consecutive positions. Consecutive matched bigrams share their middle character, so
 * such a run spells the term (barring a term whose own bigrams chain into another order, like
 * ABCA in BCAB; the excerpt check on the real text catches those).
 */
export function runStarts(positions: readonly number[], tokenCount: number): number[] {
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  const starts: number[] = [];
  let runStart = 0;
  sorted.forEach((p, i) => {
    if (i === 0 || p !== (sorted[i - 1] ?? 0) + 1) runStart = p;
    if (p - runStart + 1 >= tokenCount) starts.push(p - tokenCount + 1);
  });
  return starts;
}
