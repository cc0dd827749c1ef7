// The sidebar table of contents (Toc.astro, wide screens) marks the section being read: the last
// entry whose target has reached the top of the window gets aria-current="location", and the
// sidebar scrolls to keep it in view. The inline table of contents (narrow screens) is folded
// away while one reads, so it is left alone.

/** How far below the top of the window a heading counts as reached (px): below the sticky offset. */
const READ_LINE = 96;

export function markCurrentSection(root: Document = document): void {
  const toc = root.querySelector<HTMLElement>('.toc-sidebar');
  if (toc === null) return;
  const entries = [...toc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')]
    .map((link) => ({ link, target: root.getElementById(decodeURIComponent(link.hash.slice(1))) }))
    .filter((e): e is { link: HTMLAnchorElement; target: HTMLElement } => e.target !== null);
  if (entries.length === 0) return;
  const scroller = toc.closest<HTMLElement>('.aside') ?? toc;
  let current: HTMLAnchorElement | null = null;
  let queued = false;
  const update = () => {
    queued = false;
    let next: HTMLAnchorElement | null = null;
    for (const { link, target } of entries) {
      if (target.getBoundingClientRect().top <= READ_LINE) next = link;
      else break;
    }
    if (next === current) return;
    current?.removeAttribute('aria-current');
    current = next;
    if (current === null) return;
    current.setAttribute('aria-current', 'location');
    const box = scroller.getBoundingClientRect();
    const at = current.getBoundingClientRect();
    if (at.top < box.top || at.bottom > box.bottom) scroller.scrollTop += at.top - box.top - box.height / 2;
  };
  const queue = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(update);
  };
  addEventListener('scroll', queue, { passive: true });
  addEventListener('resize', queue, { passive: true });
  addEventListener('hashchange', queue);
  update();
}

markCurrentSection();
