// Copy buttons (src/components/CopyButtons.astro): a <button data-copy> puts its data-copy text on
// the clipboard exactly as the build rendered it (a data-copy-date slot gets today's date), and its
// row's status line says so, politely. If the clipboard refuses, the text it shows on the page
// (data-copy-shown-in) is opened and selected, and the status line says how to copy it by hand.

import { adoptServedAddress } from './served-address';

adoptServedAddress();
for (const row of document.querySelectorAll<HTMLElement>('[data-copy-actions]')) row.hidden = false;

document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-copy]') : null;
  if (button instanceof HTMLButtonElement) void copy(button);
});

async function copy(button: HTMLButtonElement): Promise<void> {
  const { copy: template = '', copyDate: slot, copyWhat: what = '', copyShownIn: shownIn = '' } = button.dataset;
  const date = today();
  const text = slot === undefined ? template : template.replace(slot, `[${date}]`);
  const status = button.closest('[data-copy-actions]')?.querySelector<HTMLElement>('[role="status"]') ?? null;
  if (await write(text)) {
    say(status, slot === undefined ? `已复制${what}` : `已复制${what}（引用日期 ${date}）`, true);
  } else {
    const shown = document.getElementById(shownIn);
    if (shown !== null) select(shown);
    const fill = slot === undefined ? '' : `，并把 ${slot} 改为 [${date}]`;
    say(status, `未能自动复制，已选中${what}文字，请按 Ctrl+C 复制（手机上长按选中的文字）${fill}`, false);
  }
}

/** The Clipboard API; false where it is missing (pages served without HTTPS) or refuses. */
async function write(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Open the element (and any <details> around it) and select its text. */
function select(element: HTMLElement): void {
  for (let d = element.closest('details'); d !== null; d = d.parentElement?.closest('details') ?? null) d.open = true;
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

const timers = new WeakMap<HTMLElement, number>();

/** Put a message in a status line; a success message goes again after a few seconds. */
function say(status: HTMLElement | null, message: string, fades: boolean): void {
  if (status === null) return;
  clearTimeout(timers.get(status));
  // Emptied first, so that the same message twice is announced twice.
  status.textContent = '';
  window.setTimeout(() => {
    status.textContent = message;
    if (fades) timers.set(status, window.setTimeout(() => (status.textContent = ''), 5000));
  }, 50);
}

/** The reader's date, as GB/T 7714 writes it: 2025-01-31. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
