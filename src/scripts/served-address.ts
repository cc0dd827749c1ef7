// Built without SITE_URL, a page's citations, permalinks and printed addresses were made on an
// assumed address (model/ids.ts `assumedOrigin`, on <html data-assumed-origin>). Served from
// anywhere else, the page puts the address it is served from in their place — in what the copy
// buttons copy (data-copy), in the citations shown for copying by hand or to read (data-served-text),
// and in the addresses printed after links (data-print-url) — so a copied citation names the site
// where it was read.

/** Replace the assumed origin by the page's own in every copy text, printed address and shown citation. */
export function adoptServedAddress(root: Document = document): void {
  const assumed = root.documentElement.dataset['assumedOrigin'];
  const served = location.origin;
  if (assumed === undefined || assumed === served || !/^https?:$/.test(location.protocol)) return;
  const swap = (text: string) => text.split(assumed).join(served);
  for (const el of root.querySelectorAll<HTMLElement>('[data-copy]')) el.dataset['copy'] = swap(el.dataset['copy'] ?? '');
  for (const el of root.querySelectorAll<HTMLElement>('[data-print-url]')) el.dataset['printUrl'] = swap(el.dataset['printUrl'] ?? '');
  const shownIn = [...new Set([...root.querySelectorAll<HTMLElement>('[data-copy-shown-in]')].map((el) => el.dataset['copyShownIn'] ?? ''))].map((id) => (id === '' ? null : root.getElementById(id)));
  for (const shown of [...shownIn, ...root.querySelectorAll<HTMLElement>('[data-served-text]')]) {
    if (shown === null) continue;
    const walker = root.createTreeWalker(shown, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      if (node.nodeValue?.includes(assumed) === true) node.nodeValue = swap(node.nodeValue);
    }
  }
}
