// The search page's own files beside the index: its copy of the glossary and the vocabulary for
// "did you mean". Both are read by the page (search/engine.ts), the glossary through search/wire.ts.
import type { Unit } from '../../model/unit';
import type { Glossary } from '../../search/glossary';
import { streamChars } from '../../search/tokens';
import { encodeGlossary } from '../../search/wire';
import { normalize } from '../../text/normalize';
import { requireChineseWords } from '../../text/segmenter';

/**
 * dist/search/glossary.json (search/wire.ts `encodeGlossary`): every term the plan holds nowhere
 * among `texts` is marked, so the page never looks it up.
 */
export function searchPageGlossary(glossary: Glossary, texts: readonly string[]): string[] {
  const streams = texts.map((t) => streamChars(normalize(t)).join(''));
  return encodeGlossary(glossary, (term) => {
    const stream = streamChars(term).join('');
    return streams.some((s) => s.includes(stream));
  });
}

/**
 * Words for "did you mean": the words (text/segmenter.ts) of two or more characters that occur in
 * at least two units, most frequent first, capped so the file stays small. Fetched only when a
 * query finds nothing.
 */
export function vocabulary(units: readonly Unit[], max = 3000): string[] {
  const segment = requireChineseWords();
  const seen = new Map<string, Set<number>>();
  units.forEach((unit, i) => {
    for (const { segment: word, isWordLike } of segment(normalize(unit.text))) {
      if (isWordLike !== true || [...word].length < 2 || !/\p{Script=Han}/u.test(word)) continue;
      let where = seen.get(word);
      if (where === undefined) seen.set(word, (where = new Set()));
      where.add(i);
    }
  });
  return [...seen]
    .filter(([, where]) => where.size >= 2)
    .sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1))
    .slice(0, max)
    .map(([word]) => word);
}
