// `/` focuses the page's search box (the one marked data-slash-focus), unless the reader is typing.
// Where there is a keyboard to press it on (a fine pointer that hovers: not a phone), the box's
// placeholder says so.
const hint = document.querySelector<HTMLInputElement>('input[data-slash-focus]');
if (hint !== null && hint.placeholder !== '' && matchMedia('(hover: hover) and (pointer: fine)').matches) hint.placeholder = `${hint.placeholder}（按 / 键）`;

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
