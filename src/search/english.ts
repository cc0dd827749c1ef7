// Queries in English (infant mortality, girls' education, left-behind children): the plans are in
// Chinese, so an English query is searched with the plans' Chinese wording of the terms it names,
// from the English glossary (src/data/english.json, copied for the page as search/english.json,
// which the page loads only for a query in English). Words are matched whatever their case,
// plural or possessive (children's → child), the longest known phrase first. Pure.

/** search/english.json: per entry, [its English phrases joined by "|", its Chinese wordings joined by "|" (the plans' own, best first)]. */
export type EnglishFile = readonly (readonly [string, string])[];

export interface EnglishTable {
  /** A phrase's words (see `englishWords`) joined by a space → its Chinese wordings, best first. */
  readonly phrases: ReadonlyMap<string, readonly string[]>;
  /** The most words a phrase of the table has. */
  readonly longest: number;
}

/** Words that say nothing of what is asked (articles, prepositions, question words …). */
const stopWords = new Set(
  'a an the of for in on at to and or with by from about into under over than as is are was were be been being do does did what which who whom whose how when where why there their its it this that these those any all some many much more most about per'.split(' '),
);

const irregular: Record<string, string> = { children: 'child', women: 'woman', men: 'man', people: 'person', feet: 'foot', teeth: 'tooth', mice: 'mouse', lives: 'life', wives: 'wife' };

/** A word's singular, by the common rules (the same rules for the table and the query, so they meet). */
export function singular(word: string): string {
  const known = irregular[word];
  if (known !== undefined) return known;
  if (word.length <= 3 || /(?:ss|us|is)$/u.test(word)) return word;
  if (/ies$/u.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:ches|shes|xes|sses)$/u.test(word)) return word.slice(0, -2);
  if (/s$/u.test(word)) return word.slice(0, -1);
  return word;
}

/** A text's English words: lower case, possessives and plurals taken off, hyphens as spaces; stop words dropped. */
export function englishWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`]/gu, "'")
    .replace(/'s\b|s'(?=\s|$)/gu, (m) => (m === "'s" ? '' : 's'))
    .split(/[^a-z0-9]+/u)
    .filter((w) => w !== '' && !stopWords.has(w))
    .map(singular);
}

/** Ages as the plans write them: under 3 → 3岁以下, aged 0-6 → 0—6岁 (searched as Chinese words). */
export function ages(text: string): { text: string; found: { en: string; zh: string[] }[] } {
  const found: { en: string; zh: string[] }[] = [];
  const rest = text
    .replace(/\b(?:under|below)(?: the age of| age)? (\d{1,2})\b/giu, (en: string, n: string) => {
      found.push({ en, zh: [`${n}岁以下`] });
      return ' ';
    })
    .replace(/\b(?:aged? )?(\d{1,2}) ?(?:-|to) ?(\d{1,2})(?: years?(?: old)?)?\b/giu, (en: string, a: string, b: string) => {
      found.push({ en, zh: [`${a}—${b}岁`] });
      return ' ';
    });
  return { text: rest, found };
}

/** Whether a query is English: Latin words and no Chinese character. */
export function isEnglish(raw: string): boolean {
  return !/\p{Script=Han}/u.test(raw) && /[a-z]{2,}/iu.test(raw);
}

export function decodeEnglish(json: unknown): EnglishTable {
  const phrases = new Map<string, string[]>();
  let longest = 1;
  if (Array.isArray(json)) {
    for (const row of json as unknown[]) {
      if (!Array.isArray(row) || typeof row[0] !== 'string' || typeof row[1] !== 'string') continue;
      const zh = row[1].split('|').filter((z) => z !== '');
      for (const en of row[0].split('|')) {
        const words = englishWords(en);
        if (words.length === 0 || phrases.has(words.join(' '))) continue;
        phrases.set(words.join(' '), zh);
        longest = Math.max(longest, words.length);
      }
    }
  }
  return { phrases, longest };
}

/** An English query read as the plans' words. */
export interface Translation {
  /** Per English phrase recognized, in query order: the phrase and its Chinese wordings (best first). */
  readonly found: readonly { readonly en: string; readonly zh: readonly string[] }[];
  /** The words no phrase of the table covers. */
  readonly unknown: readonly string[];
}

/** The phrases of the table in an English query, the longest first from the left; ages the table does not know (under 3) as the plans write them. */
export function translate(raw: string, table: EnglishTable): Translation {
  const plain = phrasesOf(englishWords(raw), table);
  if (!plain.unknown.some((w) => /^\d+$/u.test(w))) return plain;
  const aged = ages(raw);
  const rest = phrasesOf(englishWords(aged.text), table);
  return { found: [...aged.found, ...rest.found], unknown: rest.unknown };
}

function phrasesOf(words: readonly string[], table: EnglishTable): Translation {
  const found: { en: string; zh: readonly string[] }[] = [];
  const unknown: string[] = [];
  for (let i = 0; i < words.length; ) {
    let n = Math.min(table.longest, words.length - i);
    for (; n > 0; n--) {
      const phrase = words.slice(i, i + n).join(' ');
      const zh = table.phrases.get(phrase);
      if (zh !== undefined) {
        found.push({ en: phrase, zh });
        break;
      }
    }
    if (n === 0) {
      unknown.push(words[i] ?? '');
      i++;
    } else i += n;
  }
  return { found, unknown };
}
