// Print buttons (<button data-print-button>, PrintButton.astro): they do nothing without this
// script, so they stay hidden until it runs; then a click opens the browser's print dialog.
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-print-button]')) {
  button.addEventListener('click', () => window.print());
  button.hidden = false;
}
