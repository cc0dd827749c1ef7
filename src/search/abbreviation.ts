// Short forms the glossary does not know. Chinese abbreviations are made by keeping some characters
// of a longer wording, in order: 家庭暴力 → 家暴, 婚前医学检查 → 婚检, 最低生活保障 → 低保, 妇幼保健院
// → 妇保院. So a short query that the plan holds nowhere may stand for a wording where its
// characters stand in the same order, close together: that wording, widened to whole words, is the
// long form it may abbreviate (义教 → 义务教育, 公卫 → 公共卫生). The search page looks for them when
// the query itself occurs nowhere, and says what it searched.
//
// Pure: positions come from the index (engine.ts), text from the units' fragments.
import type { Segment } from '../text/segmenter';

/** A query of this many characters (all Chinese) may be a short form (家暴, 妇保院, 妇女权益法). */
export const abbreviationLength = { min: 2, max: 6 } as const;

/** At most this many characters stand between two of the query's characters in a long form. */
export const maxGap = 3;

/**
 * Single-character words that join two words rather than belong to a name: a long form never spans
 * one (医疗和保健 is not what 医保 abbreviates, nor 特别是教育 what 特教 does).
 */
const functionWords = new Set('的和与及或是在对等并为把被让向从以于由而且也都就又还将已要之其'.split(''));

/** Characters that end a phrase: a long form never spans one. */
const boundary = /[\p{P}\p{S}\s]/u;

/** Whether a normalized query could be a short form: 2–6 Chinese characters. */
export function isShortForm(chars: readonly string[]): boolean {
  return chars.length >= abbreviationLength.min && chars.length <= abbreviationLength.max && chars.every((ch) => /^\p{Script=Han}$/u.test(ch));
}

/**
 * The places where character i of a query stands at one of `starts[i]` (ascending positions of
 * each character in one unit), each after the one before it and at most `gap` characters further
 * on: the positions of each such window, in order. Contiguous windows are included (they are the
 * query itself).
 */
export function windows(starts: readonly (readonly number[])[], gap = maxGap): number[][] {
  const out: number[][] = [];
  const extend = (window: number[]): void => {
    const i = window.length;
    const next = starts[i];
    if (next === undefined) {
      out.push(window);
      return;
    }
    const last = window[i - 1] ?? 0;
    for (const p of next) if (p > last && p <= last + 1 + gap) extend([...window, p]);
  };
  if (starts.length > 0) for (const p of starts[0] ?? []) extend([p]);
  return out;
}

/** Word starts and ends in a stream (character positions), and its words. */
function wordsOf(stream: readonly string[], segment: Segment): { starts: Set<number>; ends: Set<number>; words: { start: number; end: number; text: string }[] } {
  // The segmenter counts UTF-16 code units; the stream counts code points.
  const at = new Map<number, number>();
  let unit = 0;
  stream.forEach((ch, i) => {
    at.set(unit, i);
    unit += ch.length;
  });
  at.set(unit, stream.length);
  const starts = new Set<number>();
  const ends = new Set<number>();
  const words: { start: number; end: number; text: string }[] = [];
  for (const s of segment(stream.join(''))) {
    const start = at.get(s.index);
    const end = at.get(s.index + s.segment.length);
    if (start === undefined || end === undefined) continue;
    starts.add(start);
    ends.add(end);
    words.push({ start, end, text: s.segment });
  }
  return { starts, ends, words };
}

/**
 * Whether a query occurs in a stream only across words, beginning inside one and ending inside
 * the next (义教 in 爱国主义教育: 主义|教育): then the plan does not say it, and it may be a short
 * form after all. False when it does not occur at all.
 */
export function onlyAcrossWords(stream: readonly string[], query: readonly string[], segment: Segment): boolean {
  const { starts, ends } = wordsOf(stream, segment);
  let seen = false;
  for (let p = 0; p + query.length <= stream.length; p++) {
    if (!query.every((ch, i) => stream[p + i] === ch)) continue;
    if (starts.has(p) || ends.has(p + query.length)) return false;
    seen = true;
  }
  return seen;
}

/** One long form found in one unit. */
export interface FoundForm {
  /** The wording, widened to whole words (normalized, as in the unit's stream). */
  readonly text: string;
  /** Characters from the first to the last of the query's (a tighter fit is likelier). */
  readonly span: number;
  /** How many of the query's characters begin a word of the long form (婚前|医学|检查 → 婚检: 2). */
  readonly initials: number;
}

/**
 * The long forms that the windows (see `windows`) mark in one unit's character stream: windows
 * that cross a punctuation mark or a function word are dropped; the rest are widened to the words
 * they begin and end in. Without a segmenter, windows are taken as they stand and no word begins.
 */
export function longForms(stream: readonly string[], found: readonly (readonly number[])[], segment?: Segment): FoundForm[] {
  const { starts, ends, words } = segment === undefined ? { starts: new Set<number>(), ends: new Set<number>(), words: [] } : wordsOf(stream, segment);
  const out: FoundForm[] = [];
  for (const window of found) {
    const first = window[0];
    const last = window.at(-1);
    // The query itself, standing across two words, is no long form of it (主义教育 for 义教).
    if (first === undefined || last === undefined || window.length < 2 || last - first + 1 === window.length) continue;
    if (stream.slice(first, last + 1).some((ch) => boundary.test(ch))) continue;
    const between = words.filter((w) => w.start > first && w.end <= last && !window.some((p) => p >= w.start && p < w.end));
    if (between.some((w) => functionWords.has(w.text))) continue;
    let from = first;
    let to = last + 1;
    if (segment !== undefined) {
      while (from > 0 && !starts.has(from)) from--;
      while (to < stream.length && !ends.has(to)) to++;
    }
    const text = stream.slice(from, to).join('');
    if (boundary.test(text)) continue;
    out.push({ text, span: last - first + 1, initials: window.filter((p) => starts.has(p)).length });
  }
  return out;
}

/** A long form across the units that hold it. */
export interface LongForm extends FoundForm {
  /** How many units hold it. */
  readonly units: number;
}

/** At most this many long forms are searched for one short form. */
export const maxLongForms = 6;

/**
 * The long forms to search for a short form, likeliest first: more of the query's characters
 * beginning words, then the tighter fit, then the more units. Only the tightest fits and the ones
 * a character looser are kept (the looser the fit, the likelier the characters only happen to
 * stand near each other), and at most `maxLongForms`. `perUnit`: each unit's forms.
 */
export function rankLongForms(perUnit: readonly (readonly FoundForm[])[], max = maxLongForms): LongForm[] {
  const byText = new Map<string, { span: number; initials: number; units: number }>();
  for (const forms of perUnit) {
    for (const text of new Set(forms.map((f) => f.text))) {
      const mine = forms.filter((f) => f.text === text);
      const seen = byText.get(text) ?? { span: Number.POSITIVE_INFINITY, initials: 0, units: 0 };
      byText.set(text, {
        span: Math.min(seen.span, ...mine.map((f) => f.span)),
        initials: Math.max(seen.initials, ...mine.map((f) => f.initials)),
        units: seen.units + 1,
      });
    }
  }
  const all = [...byText].map(([text, f]) => ({ text, ...f }));
  const tightest = Math.min(...all.map((f) => f.span));
  return all
    .filter((f) => f.span <= tightest + 1)
    .sort((a, b) => b.initials - a.initials || a.span - b.span || b.units - a.units || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
    .slice(0, max);
}
