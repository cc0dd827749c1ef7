// A clause's short title: what a list shows to tell clauses apart (孕产妇死亡率下降到12/10万以下),
// made only of characters of the clause's own text, in order — its first phrase — so that it never
// says more than the clause. Pure: the build uses it, and the search page for a goal's result.
import { chineseWords } from './segmenter';
import { firstSentence } from './sentences';

/** At most this many characters; a longer first phrase is cut at a word boundary. */
export const maxShortTitle = 40;

/** The first phrase of a text (up to its first ，；：or sentence end), cut at a word boundary to `max` characters. */
export function shortTitle(text: string, max = maxShortTitle): string {
  const phrase = firstSentence(text.split('\n')[0] ?? '').split(/[，,；;：:]/u)[0]?.trim() ?? '';
  if ([...phrase].length <= max) return phrase;
  const segment = chineseWords();
  if (segment === undefined) return [...phrase].slice(0, max).join('');
  let out = '';
  for (const { segment: word } of segment(phrase)) {
    if ([...out].length + [...word].length > max) break;
    out += word;
  }
  return out === '' ? [...phrase].slice(0, max).join('') : out;
}
