// The English glossary, src/data/english.json: checked and loaded, and its copy for the search page
// (search/english.json, search/english.ts), which keeps only the Chinese wordings the plans hold.
import englishData from '../../data/english.json' with { type: 'json' };
import { englishWords, type EnglishFile } from '../../search/english';
import { streamChars } from '../../search/tokens';
import { normalize } from '../../text/normalize';
import { describe, isRecord, topLevelList } from '../data-file';

export class EnglishGlossaryError extends Error {
  override readonly name = 'EnglishGlossaryError';
}

export interface EnglishEntry {
  /** English phrases, as written. */
  readonly en: readonly string[];
  /** The plans' Chinese wordings, normalized, best first. */
  readonly zh: readonly string[];
}

/**
 * Validates the parsed english.json: { "$comment"?, "entries": [ { "en": string[], "zh": string[],
 * "note"?: string } ] }; every entry has at least one English phrase (letters, digits, spaces,
 * hyphens and apostrophes, with at least one word that is not a stop word) and one Chinese wording
 * of two or more characters; an English phrase (compared as its words: case, plural and possessive
 * ignored) belongs to one entry only. Throws an EnglishGlossaryError naming the entry and the fault.
 */
export function loadEnglish(json: unknown, file = 'src/data/english.json'): EnglishEntry[] {
  const fail = (where: string, what: string): never => {
    throw new EnglishGlossaryError(`${file}: ${where}: ${what}`);
  };
  const owner = new Map<string, number>();
  return topLevelList(json, 'entries', fail).list.map((raw: unknown, index) => {
    const at = `entries[${index}]`;
    if (!isRecord(raw)) return fail(at, `expected an object {"en": [...], "zh": [...]}, got ${describe(raw)}`);
    for (const key of Object.keys(raw)) if (!['en', 'zh', 'note'].includes(key)) fail(at, `unknown key ${JSON.stringify(key)} (allowed: "en", "zh", "note")`);
    const strings = (key: 'en' | 'zh'): string[] => {
      const list = raw[key];
      if (!Array.isArray(list) || list.length === 0 || !list.every((x) => typeof x === 'string')) return fail(`${at}.${key}`, `expected a non-empty array of strings, got ${describe(list)}`);
      return list as string[];
    };
    const en = strings('en');
    en.forEach((phrase, i) => {
      if (!/^[A-Za-z0-9][A-Za-z0-9 '’-]*$/u.test(phrase)) fail(`${at}.en[${i}]`, `${JSON.stringify(phrase)}: an English phrase is letters, digits, spaces, hyphens and apostrophes`);
      const words = englishWords(phrase).join(' ');
      if (words === '') fail(`${at}.en[${i}]`, `${JSON.stringify(phrase)} has no word but stop words (the, of, for …)`);
      const other = owner.get(words);
      if (other !== undefined && other !== index) fail(`${at}.en[${i}]`, `${JSON.stringify(phrase)} is already a phrase of entries[${other}]; a phrase may belong to one entry only`);
      owner.set(words, index);
    });
    const zh = strings('zh').map((z, i) => {
      const n = normalize(z);
      if ([...n].length < 2) fail(`${at}.zh[${i}]`, `${JSON.stringify(z)} is too short: a Chinese wording needs at least 2 characters`);
      return n;
    });
    return { en, zh };
  });
}

/** The site's English glossary. */
export const englishGlossary: readonly EnglishEntry[] = loadEnglish(englishData);

/**
 * dist/search/english.json (search/english.ts `EnglishFile`): each entry's phrases and the Chinese
 * wordings that occur among `texts` (an entry with none is left out: it could find nothing).
 */
export function searchPageEnglish(entries: readonly EnglishEntry[], texts: readonly string[]): EnglishFile {
  const streams = texts.map((t) => streamChars(normalize(t)).join(''));
  const held = (z: string) => {
    const stream = streamChars(z).join('');
    return streams.some((s) => s.includes(stream));
  };
  return entries.flatMap((e) => {
    const zh = e.zh.filter(held);
    return zh.length === 0 ? [] : [[e.en.join('|'), zh.join('|')] as const];
  });
}
