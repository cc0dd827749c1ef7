// Query parsing: what a person typed → terms that must all match. Space-separated words are
// separate terms; text in quotes ("…", “…”, 「…」, 『…』, ‘…’) is one term, spaces and all; a
// pasted phrase without spaces is one term and must occur as it stands. Every term is normalized
// (NFKC, lower case, traditional → simplified) and carries its glossary alternatives.
import { normalize } from '../text/normalize';
import { chineseWords } from '../text/segmenter';
import { equivalents, expand, type Glossary } from './glossary';
import { numberForms } from './numbers';
import { streamChars } from './tokens';

export interface Term {
  /** As typed (for display). */
  readonly raw: string;
  /** Normalized, whitespace removed: what is looked for. */
  readonly text: string;
  readonly quoted: boolean;
  /** Glossary equivalents (normalized), looked for too but ranked below the term itself. */
  readonly alternatives: readonly string[];
}

export interface Query {
  readonly raw: string;
  readonly terms: readonly Term[];
}

/** Each equivalent costs a lookup; the glossary lists the closest ones first. */
const maxAlternatives = 8;

/**
 * Longer than this (characters), a term is text pasted from a document, to be found as it stands:
 * it keeps the equivalents of a glossary entry it is, but not copies of itself with a contained
 * term swapped (…妇联… → …妇女联合会…), which would each cost index chunks for text the plan
 * does not hold.
 */
export const pastedLength = 16;

const quotePairs: Record<string, string> = { '"': '"', '“': '”', '「': '」', '『': '』', '‘': '’', "'": "'" };

/** Split a query into terms; a term made only of punctuation is dropped. */
export function parseQuery(raw: string, glossary: Glossary | null): Query {
  const parts: { raw: string; quoted: boolean }[] = [];
  const input = raw.normalize('NFKC');
  let i = 0;
  while (i < input.length) {
    const ch = input[i] ?? '';
    const close = quotePairs[ch];
    if (close !== undefined) {
      const end = input.indexOf(close, i + 1);
      if (end !== -1) {
        parts.push({ raw: input.slice(i + 1, end), quoted: true });
        i = end + 1;
        continue;
      }
      // An unmatched quote is just punctuation.
      i++;
      continue;
    }
    if (/\s/u.test(ch)) {
      i++;
      continue;
    }
    let end = i;
    while (end < input.length && !/\s/u.test(input[end] ?? '') && quotePairs[input[end] ?? ''] === undefined) end++;
    parts.push({ raw: input.slice(i, end), quoted: false });
    i = end;
  }
  const terms: Term[] = [];
  for (const part of parts) {
    const text = streamChars(normalize(part.raw)).join('');
    if (text === '' || /^[\p{P}\p{S}]+$/u.test(text) || terms.some((t) => t.text === text)) continue;
    terms.push({ raw: part.raw.trim(), text, quoted: part.quoted, alternatives: alternativesOf(text, glossary) });
  }
  return { raw, terms };
}

/** A term's other spellings: its number in the plans' forms (3‰ → 3.0‰, 九成 → 90%), then its glossary equivalents. */
function alternativesOf(text: string, glossary: Glossary | null): string[] {
  const numbers = numberForms(text);
  if (glossary === null) return numbers;
  const found = [...text].length > pastedLength ? equivalents(text, glossary) : expand(text, glossary);
  return [...new Set([...numbers, ...found])].filter((a) => a !== text).slice(0, maxAlternatives);
}

/**
 * The words of a term, by the browser's own Chinese word segmentation (妇女就业歧视 → 妇女 就业 歧视),
 * so the search can fall back to its words when the term finds nothing. Single-character words
 * (的, 和, 防 …) are dropped, and so is the term itself when it is one word. [] without a
 * segmenter.
 */
export function contentWords(text: string): string[] {
  const segment = chineseWords();
  if (segment === undefined) return [];
  const words = [
    ...new Set(
      [...segment(text)]
        .filter((s) => s.isWordLike === true)
        .map((s) => s.segment)
        .filter((w) => [...w].length > 1 || /\d/.test(w)),
    ),
  ];
  return words.length === 1 && words[0] === text ? [] : words;
}

/** The words of a term when it has several (contentWords), so the search can look for all of them; else []. */
export function splitWords(text: string): string[] {
  const words = contentWords(text);
  return words.length > 1 ? words : [];
}

/**
 * The passages of pasted text that found nothing as a whole (it ran across two clauses, or one
 * character differs from the plan): its first and last pieces between punctuation, or its two
 * halves when it has no punctuation to cut at (pieces under four characters are too common to say
 * anything). Two passages cost at most four index chunks, about what the whole text did. Only for
 * text longer than two index pieces (shorter text falls back to its words); else [].
 */
export function passages(text: string): string[] {
  const chars = [...text];
  if (chars.length <= pastedLength) return [];
  const pieces = text.split(/[\p{P}\p{S}\s]+/u).filter((p) => [...p].length >= 4);
  if (pieces.length >= 2) return [pieces[0] ?? '', pieces.at(-1) ?? ''];
  const half = Math.ceil(chars.length / 2);
  return [chars.slice(0, half).join(''), chars.slice(half).join('')];
}
