// Where a sentence ends, by what it is for. Three readers cut text into sentences, each by its own
// rule, named here so that they stay apart on purpose:
//   clause  — the sentences a clause is quoted by (actors: who is named where; targets: which
//             sentence sets a target): after 。！？ and ；;, and at line ends;
//   title   — a measure's, principle's or item's title is its first sentence, up to 。！？ (a ；
//             inside a title does not end it);
//   excerpt — a search excerpt starts after 。 or ；, or a line end, when one is close.
// Pure: runs in the build and in the browser.

/** The characters that end a sentence under each rule. */
export const sentenceEnds = {
  clause: '。！？；;',
  title: '。！？',
  excerpt: '。；\n',
} as const;

/**
 * A text's sentences by the `clause` rule: split after each end mark and at line ends, each kept
 * verbatim with its closing mark (whitespace included, so offsets into a sentence are offsets into
 * the text's line); blank pieces are dropped.
 */
export function sentences(text: string): string[] {
  const after = new RegExp(`(?<=[${sentenceEnds.clause}])`, 'u');
  return text
    .split('\n')
    .flatMap((line) => line.split(after))
    .filter((s) => s.trim() !== '');
}

/** The first sentence of a text by the `title` rule, without its end mark. */
export function firstSentence(text: string): string {
  const end = text.search(new RegExp(`[${sentenceEnds.title}]`, 'u'));
  return end === -1 ? text : text.slice(0, end);
}

/** Where the last sentence of `text` by the `excerpt` rule begins (after its last end mark), or -1. */
export function lastSentenceStart(text: string): number {
  let at = -1;
  for (const mark of sentenceEnds.excerpt) at = Math.max(at, text.lastIndexOf(mark));
  return at === -1 ? -1 : at + 1;
}
