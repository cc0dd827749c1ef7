// Highlight on arrival: a link from the search page carries ?hl=<exact text> (one or more); mark
// those strings in the unit the link points to (its #anchor, or the whole reading area). A string
// is found in the scope's text as read, across element boundaries (a range kept on one line is an
// element of its own, src/text/no-break.ts), and each text node it covers gets its own <mark>.

/** Where each of `words` occurs in `text`, earliest first, never overlapping. */
function occurrences(text: string, words: readonly string[]): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (let at = 0; at < text.length; ) {
    const hits = words.map((w) => ({ start: text.indexOf(w, at), end: 0, word: w })).filter((h) => h.start !== -1);
    if (hits.length === 0) break;
    const first = hits.reduce((a, b) => (b.start < a.start || (b.start === a.start && b.word.length > a.word.length) ? b : a));
    found.push({ start: first.start, end: first.start + first.word.length });
    at = first.start + first.word.length;
  }
  return found;
}

/** Mark every occurrence of `words` in the text of `scope`; returns the first mark, or null. */
function markText(scope: Element, words: readonly string[]): HTMLElement | null {
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  const nodes: { node: Text; start: number }[] = [];
  let text = '';
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    if (!(n instanceof Text)) continue;
    nodes.push({ node: n, start: text.length });
    text += n.data;
  }
  let first: HTMLElement | null = null;
  // Last first, so that splitting a node never moves an occurrence still to be marked.
  for (const hit of occurrences(text, words).reverse()) {
    for (const { node, start } of [...nodes].reverse()) {
      const from = Math.max(hit.start, start) - start;
      const to = Math.min(hit.end, start + node.data.length) - start;
      if (from >= to) continue;
      const match = node.splitText(from);
      match.splitText(to - from);
      const mark = document.createElement('mark');
      mark.className = 'arrival-hit';
      match.replaceWith(mark);
      mark.append(match);
      first = mark;
    }
  }
  return first;
}

const wanted = new URLSearchParams(location.search).getAll('hl').filter((s) => s.trim() !== '');
if (wanted.length > 0) {
  const anchor = decodeURIComponent(location.hash.slice(1));
  const scope = (anchor === '' ? null : document.getElementById(anchor)) ?? document.querySelector('[data-unit-id]') ?? document.getElementById('main');
  const first = scope === null ? null : markText(scope, wanted);
  if (first !== null && anchor === '') first.scrollIntoView({ block: 'center' });
}
