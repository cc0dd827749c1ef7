// Typing errors of a pinyin input method: one character of a word replaced by another with the same
// or a near sound (母婴式 for 母婴室, 儿童福力 for 儿童福利, 孕产妇保建 for 孕产妇保健). When a typed
// term occurs nowhere, `corrections` tries each of its characters replaced by one that sounds the
// same or near and that the plans write at that place, and keeps the strings the plans hold, same
// sound before near sound, most frequent first. A character that sounds different is never put in
// (操场 is not 市场: cao ≠ shi). The sounds come from search/pinyin.json (made at build time with
// pinyin-pro), which the page loads only when a query needs it. Pure: the index is reached through
// the functions passed in.
import type { Segment } from '../text/segmenter';

/** search/pinyin.json: toneless syllable → [the plans' characters with that reading, most frequent first; other common characters]. */
export type PinyinFile = Readonly<Record<string, readonly [string, string]>>;

/** The readings of characters, and the plans' characters by sound. */
export interface PinyinTable {
  /** Toneless syllables of a character (several for 长: chang, zhang); [] when unknown. */
  readonly readings: (ch: string) => readonly string[];
  /** The plans' characters whose reading has this near sound (see `nearSound`), most frequent first. */
  readonly planChars: (sound: string) => readonly string[];
}

/**
 * The sound a syllable shares with those an input method confuses it with: zh/z, ch/c, sh/s and
 * n/l at the start; -ang/-an, -eng/-en, -ing/-in at the end (the confusions of most dialects).
 */
export function nearSound(syllable: string): string {
  return syllable
    .replace(/^([zcs])h/u, '$1')
    .replace(/^l/u, 'n')
    .replace(/ng$/u, 'n');
}

export function decodePinyin(json: unknown): PinyinTable {
  const readings = new Map<string, string[]>();
  const plan = new Map<string, string[]>();
  if (typeof json === 'object' && json !== null) {
    for (const [syllable, value] of Object.entries(json as Record<string, unknown>)) {
      if (!Array.isArray(value)) continue;
      const [own = '', other = ''] = value as unknown[];
      if (typeof own !== 'string' || typeof other !== 'string') continue;
      for (const ch of [...own, ...other]) readings.set(ch, [...(readings.get(ch) ?? []), syllable]);
      const sound = nearSound(syllable);
      plan.set(sound, [...new Set([...(plan.get(sound) ?? []), ...own])]);
    }
  }
  return { readings: (ch) => readings.get(ch) ?? [], planChars: (sound) => plan.get(sound) ?? [] };
}

/** How two characters sound to an input method: the same reading, a near one, or neither. */
export function soundsLike(a: string, b: string, table: PinyinTable): 'same' | 'near' | null {
  const ra = table.readings(a);
  const rb = table.readings(b);
  if (ra.some((r) => rb.includes(r))) return 'same';
  if (ra.some((r) => rb.some((s) => nearSound(r) === nearSound(s)))) return 'near';
  return null;
}

/**
 * The runs of a text that may be a mistyped word: two or more single characters in a row, as the
 * segmenter leaves a word it does not know (母|婴|式, 福|力). A word it knows (外地, 女方) was typed
 * as meant, and a filler word (的, 在: `isFiller`) ends a run. Without a segmenter, none.
 */
export function unknownRuns(text: string, segment: Segment | undefined, isFiller: (word: string) => boolean): string[] {
  if (segment === undefined) return [];
  const runs: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length >= 2) runs.push(run.join(''));
    run = [];
  };
  for (const s of segment(text)) {
    if (s.isWordLike === true && [...s.segment].length === 1 && /\p{Script=Han}/u.test(s.segment) && !isFiller(s.segment)) run.push(s.segment);
    else flush();
  }
  flush();
  return runs;
}

/** A correction the plans hold. */
export interface Correction {
  readonly text: string;
  readonly sound: 'same' | 'near';
  /** Its occurrences in the plans. */
  readonly count: number;
}

/** What `corrections` needs of the index. */
export interface TypoIndex {
  /** The characters that follow `ch` somewhere in the plans. */
  readonly followers: (ch: string) => Promise<ReadonlySet<string>>;
  /** How many times the plans hold `text` (0: nowhere). */
  readonly count: (text: string) => Promise<number>;
}

/** Terms longer than this are not corrected (pasted text, or several words: their words are). */
export const maxTypoLength = 8;
/** At the first character, at most this many of the plans' characters of that sound are tried (one index lookup each). */
const maxFirstCandidates = 16;

/**
 * The strings of the plans that differ from `term` (normalized, found nowhere) in one character
 * of the same or a near sound, best first (see the top of this file).
 */
export async function corrections(term: string, index: TypoIndex, table: PinyinTable, near = true): Promise<Correction[]> {
  const chars = [...term];
  if (chars.length < 2 || chars.length > maxTypoLength || !chars.every((c) => /\p{Script=Han}/u.test(c))) return [];
  const tries = await Promise.all(
    chars.map(async (typed, i) => {
      const options =
        i > 0
          ? [...(await index.followers(chars[i - 1] ?? ''))]
          : [...new Set(table.readings(typed).flatMap((r) => table.planChars(nearSound(r))))].slice(0, maxFirstCandidates);
      return options.flatMap((ch) => {
        const sound = ch === typed ? null : soundsLike(typed, ch, table);
        return sound === null || (sound === 'near' && !near) ? [] : [{ text: [...chars.slice(0, i), ch, ...chars.slice(i + 1)].join(''), sound }];
      });
    }),
  );
  const counted = await Promise.all(tries.flat().map(async (c) => ({ ...c, count: await index.count(c.text) })));
  return counted.filter((c) => c.count > 0).sort((a, b) => Number(a.sound === 'near') - Number(b.sound === 'near') || b.count - a.count);
}

/**
 * The correction to search instead of what was typed, when there is no doubt: the only one, or
 * one of the same sound at least three times as frequent as the next. Else null (the page offers
 * them as suggestions).
 */
export function unambiguous(found: readonly Correction[]): Correction | null {
  const [first, second] = found;
  if (first === undefined) return null;
  if (second === undefined) return first;
  return first.sound === 'same' && (second.sound === 'near' || first.count >= 3 * second.count) ? first : null;
}
