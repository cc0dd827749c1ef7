// Highlighting: where the looked-for strings occur in a unit's original text, found through the
// same normalization as the index (so 兒童 highlights 儿童 and ５ highlights 5), returned as ranges of
// the ORIGINAL text, so the marked characters are exactly the ones on the page.
import { normalize } from '../text/normalize';
import { lastSentenceStart } from '../text/sentences';
import { streamChars } from './tokens';

export interface Range {
  readonly start: number;
  readonly end: number;
}

/** Ranges (in UTF-16 offsets of `text`) where any of `needles` (normalized) occurs. */
export function matchRanges(text: string, needles: readonly string[]): Range[] {
  // The normalized stream, each character pointing back at the original code point it came from.
  const stream: string[] = [];
  const origin: Range[] = [];
  let offset = 0;
  for (const ch of text) {
    for (const n of streamChars(normalize(ch))) {
      stream.push(n);
      origin.push({ start: offset, end: offset + ch.length });
    }
    offset += ch.length;
  }
  const ranges: Range[] = [];
  for (const needle of needles) {
    const chars = streamChars(needle);
    if (chars.length === 0) continue;
    for (let i = 0; i + chars.length <= stream.length; i++) {
      if (chars.every((c, k) => stream[i + k] === c)) {
        const first = origin[i];
        const last = origin[i + chars.length - 1];
        if (first !== undefined && last !== undefined) ranges.push({ start: first.start, end: last.end });
      }
    }
  }
  return merge(ranges);
}

function merge(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && r.start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, r.end) };
    else out.push(r);
  }
  return out;
}

export interface Excerpt {
  /** Pieces of the original text in order; `mark` pieces are matches. */
  readonly pieces: readonly { readonly text: string; readonly mark: boolean }[];
  readonly clippedStart: boolean;
  readonly clippedEnd: boolean;
}

/** A window of about `size` characters of `text` around its first match, with the matches marked. */
export function excerpt(text: string, ranges: readonly Range[], size = 90): Excerpt {
  const first = ranges[0];
  const center = first === undefined ? 0 : first.start;
  let start = Math.max(0, center - Math.floor(size / 3));
  // Start after a sentence or clause break when one is close, so the excerpt reads naturally.
  const back = text.slice(Math.max(0, start - 12), center);
  const sentence = lastSentenceStart(back);
  if (sentence !== -1) start = Math.max(0, start - 12) + sentence;
  if (start < 12) start = 0;
  const end = Math.min(text.length, start + size);
  const pieces: { text: string; mark: boolean }[] = [];
  let at = start;
  for (const r of ranges) {
    if (r.end <= start || r.start >= end) continue;
    const s = Math.max(r.start, start);
    const e = Math.min(r.end, end);
    if (s > at) pieces.push({ text: text.slice(at, s), mark: false });
    pieces.push({ text: text.slice(s, e), mark: true });
    at = e;
  }
  if (at < end) pieces.push({ text: text.slice(at, end), mark: false });
  return { pieces, clippedStart: start > 0, clippedEnd: end < text.length };
}
