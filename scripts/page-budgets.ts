// Page weight budgets, and which built page stands for each page type, shared by the gate
// (tests/e2e/budgets.spec.ts) and the benchmark (scripts/bench-pages.ts).
//
// A budget counts response bodies as the browser receives them after HTTP decoding (uncompressed):
// the conservative measure, whatever compression a host applies. Pagefind's index files are
// compressed by Pagefind itself and count at the size they are fetched. 1 KB = 1000 bytes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const budgets = {
  /** JavaScript a reading page (home, document, plan, whole plan, part, domain, goal, measure) may load. */
  readingScriptBytes: 25_000,
  /** Everything any page loads until the network is idle (with a query, on the search page). */
  pageBytes: 250_000,
} as const;

export type PageType =
  | 'home'
  | 'document'
  | 'plan'
  | 'full'
  | 'part'
  | 'domain'
  | 'goal'
  | 'measure'
  | 'targets'
  | 'indicator'
  | 'actors'
  | 'actor'
  | 'departments'
  | 'department'
  | 'breakdown'
  | 'search'
  | '404';

export interface PageSample {
  type: PageType;
  /** What the benchmark calls it: the type, and for a whole-plan page which plan (full p1). */
  label: string;
  /** Site-relative URL to load (with ?q=… for the search page). */
  path: string;
  /** Reading pages carry the script budget too. */
  reading: boolean;
}

/** The search page's sample: a query that finds many clauses in several plans and domains. */
export const searchQuery = '儿童';
/** A second query, typed into the box once the first one's results are shown. */
export const laterSearchQuery = '安全头盔';

/** Generated pages carry their kind here (src/layouts/PageLayout.astro). */
const KIND = /data-page-kind="([a-z]+)"/;
const GENERATED_KINDS = ['document', 'plan', 'full', 'part', 'domain', 'goal', 'measure'] as const;

/** Every HTML file under root, as paths relative to it (a/b/index.html), sorted. */
export function htmlFiles(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) return htmlFiles(root, full);
      return entry.isFile() && entry.name.endsWith('.html') ? [relative(root, full)] : [];
    })
    .sort();
}

/**
 * One page per type. Where a type has many pages (goals, domains, actors …), the heaviest HTML of
 * that type stands for it: the pages of one type load the same scripts and stylesheets, so the
 * heaviest HTML makes the heaviest page. The whole-plan pages (one per plan, the largest pages of
 * the site) are all taken, each under its own label.
 */
export function pageSamples(dist = 'dist'): PageSample[] {
  const heaviest = new Map<string, { file: string; size: number }>();
  const wholePlans: string[] = [];
  const consider = (key: string, file: string) => {
    const size = statSync(join(dist, file)).size;
    if (size > (heaviest.get(key)?.size ?? -1)) heaviest.set(key, { file, size });
  };
  for (const file of htmlFiles(dist).map((f) => f.split(sep).join('/'))) {
    const kind = KIND.exec(readFileSync(join(dist, file), 'utf8'))?.[1];
    if (kind === 'full') wholePlans.push(file);
    else if (kind !== undefined) consider(kind, file);
    else if (/^actors\/[^/]+\/index\.html$/.test(file)) consider('actor', file);
    else if (/^targets\/[^/]+\/index\.html$/.test(file)) consider('indicator', file);
    // The quantified targets, or in a library the chart and table of one document (/<doc>/targets/).
    else if (/^([^/]+\/)?targets\/index\.html$/.test(file)) consider('targets', file);
    // A department's page, or in a library its page of one document (/departments/<slug>/<doc>/).
    else if (/^departments\/(?!breakdown\/)[^/]+\/([^/]+\/)?index\.html$/.test(file)) consider('department', file);
    // The 任务分解表, or in a library the table of one document (/departments/breakdown/<doc>/).
    else if (/^departments\/breakdown\/([^/]+\/)?index\.html$/.test(file)) consider('breakdown', file);
  }
  const url = (file: string) => `/${file.replace(/index\.html$/, '')}`;
  const pick = (key: string): string => {
    const found = heaviest.get(key);
    if (found === undefined) throw new Error(`No ${key} page in ${dist}/: build the site first (npm run build).`);
    return url(found.file);
  };
  const generated = (kind: (typeof GENERATED_KINDS)[number]): PageSample[] => {
    if (kind !== 'full') return [{ type: kind, label: kind, path: pick(kind), reading: true }];
    if (wholePlans.length === 0) throw new Error(`No whole-plan page in ${dist}/: build the site first (npm run build).`);
    // luozheng-2022-62/p1/full/index.html → full p1 (with the document too when there are several).
    const docs = new Set(wholePlans.map((f) => f.split('/')[0]));
    return wholePlans.map((file) => {
      const [doc, plan] = file.split('/');
      return { type: kind, label: `full ${docs.size > 1 ? `${doc ?? ''}/` : ''}${plan ?? ''}`, path: url(file), reading: true };
    });
  };
  return [
    { type: 'home', label: 'home', path: '/', reading: true },
    ...GENERATED_KINDS.flatMap(generated),
    { type: 'targets', label: 'targets', path: pick('targets'), reading: false },
    { type: 'indicator', label: 'indicator', path: pick('indicator'), reading: false },
    { type: 'actors', label: 'actors', path: '/actors/', reading: false },
    { type: 'actor', label: 'actor', path: pick('actor'), reading: false },
    { type: 'departments', label: 'departments', path: '/departments/', reading: false },
    { type: 'department', label: 'department', path: pick('department'), reading: false },
    { type: 'breakdown', label: 'breakdown', path: pick('breakdown'), reading: false },
    { type: 'search', label: 'search', path: `/search/?q=${encodeURIComponent(searchQuery)}`, reading: false },
    { type: '404', label: '404', path: '/no-such-page/', reading: false },
  ];
}

/** What a response counts as, from its Content-Type. */
export type Category = 'html' | 'css' | 'js' | 'other';

export function categoryOf(contentType: string): Category {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'text/html') return 'html';
  if (type === 'text/css') return 'css';
  if (type === 'text/javascript' || type === 'application/javascript') return 'js';
  return 'other';
}
