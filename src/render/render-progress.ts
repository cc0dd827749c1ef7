// While Astro renders the generated pages, the build says how far it has got, so the longest step
// of a large library's build (minutes at 50 documents) never passes in silence. The build runs
// Astro in its own process (09-astro-build) and names the number of pages in PLAN_PAGES; each
// generated page counts itself as it renders ([...slug].astro). Without PLAN_PAGES (astro dev,
// astro check) nothing is said.

import { pagesVariable } from '../model/content-files';

/** At most one line per this many milliseconds, and one when the last page is done. */
const interval = 10_000;

let rendered = 0;
let said = performance.now();

/** Count one rendered page; now and then, and at the end, print how many of how many. */
export function pageRendered(env: Readonly<Record<string, string | undefined>> = process.env, print: (line: string) => void = console.log): void {
  const total = Number(env[pagesVariable] ?? 0);
  if (!Number.isInteger(total) || total <= 0) return;
  rendered++;
  const now = performance.now();
  if (rendered < total && now - said < interval) return;
  said = now;
  print(`  09 astro: ${rendered} of ${total} pages rendered`);
}
