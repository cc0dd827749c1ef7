// One way to cut a clause into sentences, for the readers that quote a sentence (actors.ts: who is
// named where; targets.ts: which sentence sets a target).

/**
 * A unit's text as sentences: split after 。！？；; and at line ends, each kept verbatim with its
 * closing mark (whitespace included, so offsets into a sentence are offsets into the text's line);
 * blank pieces are dropped.
 */
export function sentences(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => line.split(/(?<=[。！？；;])/u))
    .filter((s) => s.trim() !== '');
}
