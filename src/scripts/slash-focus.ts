// `/` focuses the page's search box (the one marked data-slash-focus), unless the reader is typing.
document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  if (target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  const box = document.querySelector<HTMLInputElement>('input[data-slash-focus]');
  if (box === null) return;
  event.preventDefault();
  box.focus();
  box.select();
});
