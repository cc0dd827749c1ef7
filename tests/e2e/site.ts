// The built site under test. `npm run test:e2e` runs the suite on dist/ (built from seeds/), then
// once more on a library of two documents (E2E_DIST=.build/library-dist, `npm run build:library`),
// so a spec reads what the build wrote from here, never from a fixed folder.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The folder of the site the browser is served (playwright.config.ts serves the same). */
export const siteDir = process.env['E2E_DIST'] ?? 'dist';

/** A path inside the site under test, e.g. siteFile('data', 'clauses.json'). */
export function siteFile(...parts: string[]): string {
  return path.join(siteDir, ...parts);
}

/** A JSON file of the site under test, e.g. siteJson<Clause[]>('data/clauses.json'). */
export function siteJson<T>(file: string): T {
  return JSON.parse(readFileSync(siteFile(file), 'utf8')) as T;
}
