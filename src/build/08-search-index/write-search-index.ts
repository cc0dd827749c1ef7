// Step 8, the search index: every unit as a Pagefind record of character-bigram tokens
// (search/tokens.ts) in <out>/pagefind/, and the files the search page reads beside it
// (search/wire.ts): search/units.json — for each Pagefind page, which unit it is, its kind, plan,
// domain, label and lengths, so results are ranked and filtered before any fragment is fetched,
// and where the index chunks are, so the page reads them itself (search/pagefind-index.ts) —
// search/paired.json, search/glossary.json, search/vocabulary.json and search/departments.json; and, for the queries
// that need them (loaded only then), search/pinyin.json (typing errors) and search/english.json.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Unit } from '../../model/unit';
import { unitKinds } from '../../model/unit';
import { indexLanguage, indexTokens, isToken, streamChars } from '../../search/tokens';
import type { DepartmentContent, DepartmentRole, DepartmentsContent } from '../../model/department';
import { encodeUnits, fragmentName, pagefindSignature, type DepartmentsFile, type FragmentMeta, type PairedFile, type UnitEntry, type UnitsFile } from '../../search/wire';
import { normalize } from '../../text/normalize';
import type { Site } from '../05-enrich/site';
import { englishGlossary, searchPageEnglish } from './english-file';
import { glossary } from './glossary-file';
import { writePagefindBundle } from './pagefind-bundle';
import { bundleTables, type BundleTables } from './pagefind-meta';
import { pinyinFile } from './pinyin-file';
import { searchPageGlossary, vocabulary } from './search-page-files';

export interface SearchIndexSummary {
  records: number;
  /** Size of search/units.json, in bytes. */
  bytes: number;
  /** Index chunks of our tokens (the ones a query can read), and their bytes in all. */
  chunks: number;
  indexBytes: number;
  largestChunk: number;
}

/** How many paired units (links.ts) a row lists. */
const maxPaired = 3;

/** Write the search index and the search page's files into `outDir`. */
export async function writeSearchIndex(site: Site, departments: DepartmentsContent, outDir: string): Promise<SearchIndexSummary> {
  // Each unit's text as the index holds it: normalized, without whitespace (tokens.ts).
  const streams = new Map(site.units.map((unit) => [unit, streamChars(normalize(unit.text))]));
  const streamOf = (unit: Unit): string[] => streams.get(unit) ?? [];
  const bundle = path.join(outDir, 'pagefind');
  await writePagefindBundle(
    site.units.map((unit) => ({ url: unit.url, content: indexTokens(streamOf(unit)).join(' '), language: indexLanguage })),
    bundle,
  );
  const fragments = await emptyFragments(bundle, site.units);
  const tables = await readTables(bundle, fragments.map((f) => f.fragment));
  const pageOf = pageNumbers(fragments, tables);
  const fragmentPrefix = await nameFragmentsByPage(bundle, fragments, pageOf);
  const file = unitsFile(streamOf, fragments, pageOf, tables, fragmentPrefix);
  await removeClient(bundle);
  await mkdir(path.join(outDir, 'search'), { recursive: true });
  const body = JSON.stringify(file);
  await writeFile(path.join(outDir, 'search/units.json'), body);
  await writeFile(path.join(outDir, 'search/paired.json'), JSON.stringify(pairedFile(fragments, pageOf)));
  await writeFile(path.join(outDir, 'search/vocabulary.json'), JSON.stringify(vocabulary(site.units)));
  await writeFile(path.join(outDir, 'search/glossary.json'), JSON.stringify(searchPageGlossary(glossary, site.units.map((u) => u.text))));
  await writeFile(path.join(outDir, 'search/departments.json'), JSON.stringify(departmentsFile(departments, pageOf)));
  await writeFile(path.join(outDir, 'search/pinyin.json'), JSON.stringify(pinyinFile(site.units)));
  await writeFile(path.join(outDir, 'search/english.json'), JSON.stringify(searchPageEnglish(englishGlossary, site.units.map((u) => u.text))));
  // Chunks of words that begin with anything but our base-36 tokens hold the CJK words Pagefind
  // takes from the meta fields; no query reads them.
  const ours = tables.chunkFiles.filter((_, i) => isToken(tables.starts[i] ?? ''));
  const chunkSizes = await Promise.all(ours.map(async (f) => (await stat(path.join(bundle, 'index', `${f}.pf_index`))).size));
  return { records: fragments.length, bytes: Buffer.byteLength(body), chunks: ours.length, indexBytes: chunkSizes.reduce((a, b) => a + b, 0), largestChunk: Math.max(...chunkSizes) };
}

/** A Pagefind fragment and the unit it holds. */
interface Fragment {
  readonly fragment: string;
  readonly unit: Unit;
}

/**
 * A fragment keeps the record's content, for Pagefind's own excerpts: for us that is the index
 * tokens, about 85% of the file. The search page reads a unit's text and title from the
 * fragment's meta (its excerpts are its own, search/highlight.ts), so the content is emptied, and a
 * query's fragments download at a third of the size. Returns each fragment with its unit, in
 * document order.
 */
async function emptyFragments(bundle: string, units: readonly Unit[]): Promise<Fragment[]> {
  // Each fragment also gets its unit's meta here, after indexing (pagefind-bundle.ts says why).
  const byUrl = new Map(units.map((u, i) => [u.url, { unit: u, order: i }]));
  const found: (Fragment & { order: number })[] = [];
  for (const file of (await readdir(path.join(bundle, 'fragment'))).filter((f) => f.endsWith('.pf_fragment'))) {
    const fragmentFile = path.join(bundle, 'fragment', file);
    const data = gunzipSync(await readFile(fragmentFile)).toString('utf8');
    if (!data.startsWith(pagefindSignature)) throw new Error(`Pagefind fragment ${file} does not begin with ${pagefindSignature}: a Pagefind with another format?`);
    const fragment = JSON.parse(data.slice(pagefindSignature.length)) as { url: string; content?: unknown };
    const unit = byUrl.get(fragment.url);
    if (unit === undefined) throw new Error(`Pagefind fragment ${file} has no unit (url ${fragment.url})`);
    found.push({ fragment: file.replace(/\.pf_fragment$/, ''), ...unit });
    const meta: FragmentMeta = { id: unit.unit.id, title: unit.unit.title ?? unit.unit.label, text: unit.unit.text };
    await writeFile(fragmentFile, gzipSync(pagefindSignature + JSON.stringify({ ...fragment, content: '', meta }), { level: 9 }));
  }
  if (found.length !== units.length) throw new Error(`Pagefind wrote ${found.length} fragments for ${units.length} units`);
  // Document order, so the table (and ties in ranking) read in the order of the plans.
  return found.sort((a, b) => a.order - b.order).map(({ fragment, unit }) => ({ fragment, unit }));
}

/** The bundle's chunk and page tables, from its metadata file (pagefind-meta.ts). */
async function readTables(bundle: string, fragments: readonly string[]): Promise<BundleTables> {
  const chunkFiles = (await readdir(path.join(bundle, 'index'))).filter((f) => f.endsWith('.pf_index'));
  const metaFile = (await readdir(bundle)).find((f) => /^pagefind\..+\.pf_meta$/.test(f));
  if (metaFile === undefined) throw new Error(`Pagefind wrote no metadata file into ${bundle}`);
  return bundleTables(await readFile(path.join(bundle, metaFile)), chunkFiles.map((f) => f.replace(/\.pf_index$/, '')), fragments);
}

/** Each unit's Pagefind page number (how the index chunks' postings name it), by unit id. */
function pageNumbers(fragments: readonly Fragment[], tables: BundleTables): Map<string, number> {
  const pageOf = new Map(tables.pages.map((fragment, page) => [fragment, page]));
  return new Map(
    fragments.map((f) => {
      const page = pageOf.get(f.fragment);
      if (page === undefined) throw new Error(`Pagefind fragment ${f.fragment} is in no page of its metadata`);
      return [f.unit.id, page];
    }),
  );
}

/**
 * Pagefind names a fragment by a hash of its content; the search page would need every unit's
 * hash (a fifth of units.json, incompressible) to fetch one. Named by page number instead, under
 * a prefix that is a hash of all of them (wire.ts `UnitsFile.fragmentPrefix`), a fragment's name
 * follows from the page. Returns the prefix.
 */
async function nameFragmentsByPage(bundle: string, fragments: readonly Fragment[], pageOf: ReadonlyMap<string, number>): Promise<string> {
  const prefix = `${createHash('sha256').update(fragments.map((f) => f.fragment).sort().join('\n')).digest('hex').slice(0, 10)}-`;
  for (const f of fragments) {
    const page = pageOf.get(f.unit.id) ?? -1;
    await rename(path.join(bundle, 'fragment', `${f.fragment}.pf_fragment`), path.join(bundle, 'fragment', `${fragmentName(prefix, page)}.pf_fragment`));
  }
  return prefix;
}

/** search/units.json: documents, plans and domains in document order, then the units' columns in page order. */
function unitsFile(streamOf: (unit: Unit) => string[], fragments: readonly Fragment[], pageOf: ReadonlyMap<string, number>, tables: BundleTables, fragmentPrefix: string): UnitsFile {
  const documents: string[] = [];
  const plans: string[] = [];
  const domains: { plan: number; name: string }[] = [];
  const entries: UnitEntry[] = [];
  for (const { unit } of fragments) {
    const plan = unit.planTitle ?? '';
    if (!plans.includes(plan)) plans.push(plan);
    const planIndex = plans.indexOf(plan);
    let domain = -1;
    if (unit.domain !== null) {
      domain = domains.findIndex((d) => d.plan === planIndex && d.name === unit.domain);
      if (domain === -1) domain = domains.push({ plan: planIndex, name: unit.domain }) - 1;
    }
    if (!documents.includes(unit.docSlug)) documents.push(unit.docSlug);
    const page = pageOf.get(unit.id) ?? -1;
    const stream = streamOf(unit);
    entries.push({ fragment: fragmentName(fragmentPrefix, page), id: unit.id, kind: unit.kind, plan: planIndex, domain, label: unit.label, titleLength: titleLength(unit, stream), length: stream.length, page });
  }
  entries.sort((a, b) => a.page - b.page);
  return { documents, kinds: unitKinds, plans, domains, fragmentPrefix, units: encodeUnits(entries, documents), chunks: tables.starts, chunkFiles: tables.chunkFiles };
}

/** search/paired.json: by page, the pages of the goals and measures the plan pairs with each unit (links.ts), at most `maxPaired`. */
function pairedFile(fragments: readonly Fragment[], pageOf: ReadonlyMap<string, number>): PairedFile {
  const paired: number[][] = fragments.map(() => []);
  for (const { unit } of fragments) {
    const ids = unit.kind === 'goal' ? unit.relatedMeasures : unit.kind === 'measure' ? unit.relatedGoals : [];
    paired[pageOf.get(unit.id) ?? -1] = ids.slice(0, maxPaired).flatMap((id) => {
      const p = pageOf.get(id);
      return p === undefined ? [] : [p];
    });
  }
  return paired;
}

/** search/departments.json: each department's names as a query holds them, and its clauses by page number. */
function departmentsFile(content: DepartmentsContent, pageOf: ReadonlyMap<string, number>): DepartmentsFile {
  const pages = (d: DepartmentContent, role: DepartmentRole) => d.clauses.filter((c) => c.role === role).flatMap((c) => {
    const p = pageOf.get(c.id);
    return p === undefined ? [] : [p];
  });
  return {
    departments: content.departments.map((d) => ({
      slug: d.slug,
      name: d.name,
      url: d.url,
      terms: [...new Set([d.name, ...d.aliases].map((t) => streamChars(normalize(t)).join('')))],
      lead: pages(d, 'lead'),
      support: pages(d, 'support'),
    })),
  };
}

/** How many characters of the unit's stream are its title (0 when the title is not its first sentence). */
function titleLength(unit: Unit, text: readonly string[]): number {
  if (unit.title === null) return 0;
  const title = streamChars(normalize(unit.title));
  return title.every((ch, i) => text[i] === ch) ? title.length : 0;
}

/**
 * Pagefind writes its own client beside the index: pagefind.js, its WebAssembly, a Web Worker,
 * UI scripts and styles, its metadata and entry files. The search page reads index chunks and
 * fragments itself (search/pagefind-index.ts) and needs none of them, so none is published: what
 * the site serves is what it uses.
 */
async function removeClient(bundle: string): Promise<void> {
  for (const entry of await readdir(bundle, { withFileTypes: true })) {
    if (entry.isDirectory() && (entry.name === 'index' || entry.name === 'fragment')) continue;
    await rm(path.join(bundle, entry.name), { recursive: true, force: true });
  }
}
