// The search index's alphabet. Pagefind's own Chinese segmentation disagrees between index and query
// time and cannot find text inside a word, so the index holds, for every character of a unit's
// (normalized, whitespace-free) text, one token: the codes of that character and the next
// `gramLength - 1` characters (character bigrams). The search page finds the index words that begin
// with a query token (pagefind-index.ts `wordsBeginning`), so
//
//   - a string of one or two characters is ONE query token, found exactly where it starts (the
//     tokens it begins are the bigrams starting with it): one lookup, in one index chunk (rarely
//     two), however common the characters;
//   - a longer string is cut into pieces of `gramLength` (the last one may be shorter), each found
//     the same way; it occurs at p when piece j occurs at p + j·gramLength for every j
//     (`occurrences`); a long one (pasted text) by its first and last pieces, then its text
//     (`lookupPieces`).
//
// Why bigrams: the index of this document is 210 KB in 31 chunks of about 7 KB (longer tokens made
// it larger: 8-character ones 690 KB in 146 chunks), so after a few queries most of it is in the
// page, and later queries need no download; a first query reads one or two chunks either way.
//
// Codes are prefix-free, so a query's codes begin a token only when its characters begin it: three
// base-36 digits for code points below 45 360 (all of the BMP's CJK, punctuation and ASCII), and
// "z" plus four digits for the rest (never the start of a three-digit code).
//
// Position i of the token stream is character i of the stream text; Pagefind's word positions are
// therefore character positions (see `occurrences`).

/** The language tag of the index: not a natural language, so Pagefind neither stems nor segments it. */
export const indexLanguage = 'zz';

/** Characters per index token: a string of up to this many characters is one lookup. */
export const gramLength = 2;

const short = 36 ** 2 * 35; // three-digit codes start with 0–y

/** The prefix-free code of one character. */
export function charCode(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < short ? cp.toString(36).padStart(3, '0') : `z${cp.toString(36).padStart(4, '0')}`;
}

/** The character whose code (`charCode`) begins `code`; '' when it begins with no code. */
export function charAt(code: string): string {
  const digits = code.startsWith('z') ? code.slice(1, 5) : code.slice(0, 3);
  if (!/^[0-9a-z]+$/.test(digits) || digits.length < (code.startsWith('z') ? 4 : 3)) return '';
  return String.fromCodePoint(parseInt(digits, 36));
}

/**
 * Whether an index word is one of our tokens (base-36 codes), not one of the CJK words Pagefind
 * takes from a record's meta fields (which no query reads).
 */
export function isToken(word: string): boolean {
  return /^[0-9a-z]/.test(word);
}

/** The characters of a normalized text that the index holds: everything but whitespace. */
export function streamChars(normalized: string): string[] {
  return [...normalized].filter((ch) => !/\s/u.test(ch));
}

/** One token per character: the codes of it and up to `gramLength - 1` following characters. */
export function indexTokens(chars: readonly string[]): string[] {
  const codes = chars.map(charCode);
  return codes.map((_, i) => codes.slice(i, i + gramLength).join(''));
}

/** What to look up for a string: its pieces of up to `gramLength` characters, each with its offset. */
export interface Piece {
  readonly offset: number;
  readonly token: string;
}

export function queryPieces(chars: readonly string[]): Piece[] {
  const pieces: Piece[] = [];
  for (let offset = 0; offset < chars.length; offset += gramLength) {
    pieces.push({ offset, token: chars.slice(offset, offset + gramLength).map(charCode).join('') });
  }
  return pieces;
}

/** Up to this many pieces, a string is looked up by all of them (see lookupPieces). */
export const maxCompletePieces = 4;

/**
 * The pieces to look up for a string, and whether their positions prove an occurrence. Up to
 * `maxCompletePieces` pieces (8 characters), all of them: they cover the string, and the result
 * needs nothing else. A longer string (pasted text) is looked up by its first and last
 * `gramLength` characters only: together they narrow the candidates to the few places where both
 * stand at the right distance, at the cost of two lookups (an index chunk each, at most) instead
 * of one per two characters; what lies between must then be checked in the text (one round trip
 * more, for the fragments the result list needs anyway).
 */
export function lookupPieces(chars: readonly string[]): { pieces: Piece[]; complete: boolean } {
  const all = queryPieces(chars);
  if (all.length <= maxCompletePieces) return { pieces: all, complete: true };
  const offset = chars.length - gramLength;
  return { pieces: [all[0] as Piece, { offset, token: chars.slice(offset).map(charCode).join('') }], complete: false };
}

/** Where `needle` occurs in `hay` at one of the `candidates` positions (character arrays), ascending. */
export function confirmed(hay: readonly string[], needle: readonly string[], candidates: readonly number[]): number[] {
  return candidates.filter((p) => p >= 0 && p + needle.length <= hay.length && needle.every((ch, i) => hay[p + i] === ch));
}

/**
 * Where a string occurs, given where each of its pieces starts (in the order of `pieces`): the
 * positions p where every piece j starts at p + offset_j. Ascending.
 */
export function occurrences(pieces: readonly Piece[], starts: readonly (readonly number[])[]): number[] {
  const [first, ...rest] = starts;
  if (first === undefined) return [];
  const sets = rest.map((s) => new Set(s));
  const out = new Set<number>();
  for (const p of first) {
    if (sets.every((s, j) => s.has(p + (pieces[j + 1]?.offset ?? 0)))) out.add(p);
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * The index chunks (by position in `starts`, where each chunk begins, ascending) that can hold
 * words beginning with `token`: from the chunk the token itself falls in to the last chunk that
 * begins at or before the end of the token's prefix range. Tokens and chunk starts that matter
 * here are ASCII, so JavaScript's string order is Pagefind's.
 */
export function chunkRange(token: string, starts: readonly string[]): number[] {
  const end = `${token}\u007f`; // above every character of the alphabet: the end of the prefix range
  let first = 0;
  let last = -1;
  starts.forEach((start, i) => {
    if (start <= token) first = i;
    if (start <= end) last = i;
  });
  const out: number[] = [];
  for (let i = first; i <= last; i++) out.push(i);
  return out;
}
