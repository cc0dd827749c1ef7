// Runs of text a line must not break inside: a plan's period in its title, （2021—2030年）, and a
// numeric range with its unit, 0—6岁, 3～6周岁, 2021—2025年. Browsers may break after a dash, which
// leaves "（2021—" at the end of one line and "2030年）" at the start of the next. The text itself is
// never changed: the pages wrap these runs in an element that does not wrap (white-space: nowrap).

/** A period in full-width brackets, or a range of two numbers joined by a dash or tilde, with its unit. */
const together = /（\d{4}\s*[—–－~～-]\s*\d{4}\s*年?）|\d+(?:\.\d+)?[—–－~～]\d+(?:\.\d+)?(?:周岁|岁|个月|年|%|‰)?|\d+(?:\.\d+)?-\d+(?:\.\d+)?(?:周岁|岁|个月)/gu;

export interface TextRun {
  readonly text: string;
  /** Whether a line may not break inside this run. */
  readonly keep: boolean;
}

/** `text` cut into runs, in order; joined, they give `text` back exactly. */
export function noBreakRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let at = 0;
  for (const m of text.matchAll(together)) {
    const start = m.index;
    if (start > at) runs.push({ text: text.slice(at, start), keep: false });
    runs.push({ text: m[0], keep: true });
    at = start + m[0].length;
  }
  if (at < text.length || runs.length === 0) runs.push({ text: text.slice(at), keep: false });
  return runs;
}
