// Highlight on arrival: a link from the search page carries ?hl=<exact text> (one or more); mark
// those strings in the unit the link points to (its #anchor, or the whole reading area).
const wanted = new URLSearchParams(location.search).getAll('hl').filter((s) => s.trim() !== '');
if (wanted.length > 0) {
  const anchor = decodeURIComponent(location.hash.slice(1));
  const scope = (anchor === '' ? null : document.getElementById(anchor)) ?? document.querySelector('[data-unit-id]') ?? document.getElementById('main');
  if (scope !== null) {
    let first: HTMLElement | null = null;
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) if (n instanceof Text) nodes.push(n);
    for (const node of nodes) {
      let text = node;
      for (;;) {
        const value = text.data;
        const hits = wanted.map((w) => [value.indexOf(w), w] as const).filter(([i]) => i !== -1).sort((a, b) => a[0] - b[0]);
        const [hit] = hits;
        if (hit === undefined) break;
        const [at, word] = hit;
        const match = text.splitText(at);
        const rest = match.splitText(word.length);
        const mark = document.createElement('mark');
        mark.className = 'arrival-hit';
        match.replaceWith(mark);
        mark.append(match);
        first ??= mark;
        text = rest;
      }
    }
    if (first !== null && anchor === '') first.scrollIntoView({ block: 'center' });
  }
}
