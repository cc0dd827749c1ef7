// The built site under test. `npm run test:e2e` runs the suite on dist/ (built from seeds/), then
// once more on a library of two documents (E2E_DIST=.build/library-dist, `npm run build:library`),
// so a spec reads what the build wrote from here, never from a fixed folder.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { docSlugOf } from '../../src/model/ids';

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

/** Whether the site under test holds more than one document (its clauses name several). */
export const library = new Set(siteJson<{ id: string }[]>('data/clauses.json').map((c) => docSlugOf(c.id))).size > 1;

/** Built without SITE_URL: the address the data files name, which the pages' scripts replace by the one they are served from (null when built with SITE_URL). */
export const assumedOrigin = /data-assumed-origin="([^"]+)"/.exec(readFileSync(siteFile('index.html'), 'utf8'))?.[1] ?? null;

/** A citation or address of the data files as a page served at `baseURL` copies it (scripts/served-address.ts). */
export function asServed(text: string, baseURL: string | undefined): string {
  return assumedOrigin === null || baseURL === undefined ? text : text.split(assumedOrigin).join(new URL(baseURL).origin);
}

/**
 * The page with a chart and a table of targets, and the targets it holds: /targets/ on a site of
 * one document; in a library the first document's /<doc>/targets/ (/targets/ then compares the
 * documents by indicator).
 */
export const targetsTable = (() => {
  const all = siteJson<{ clauseId: string }[]>('data/targets.json');
  const docSlug = library ? docSlugOf(all[0]?.clauseId ?? '') : null;
  return {
    path: docSlug === null ? '/targets/' : `/${docSlug}/targets/`,
    /** Whether a target of targets.json is on this page. */
    holds: (t: { clauseId: string }) => docSlug === null || docSlugOf(t.clauseId) === docSlug,
  };
})();
