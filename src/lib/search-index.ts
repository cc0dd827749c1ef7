// Index: every unit as a Pagefind record of character n-gram tokens (see search/tokens.ts), written
// into dist/pagefind/ with Pagefind's Node API, plus dist/search/units.json, which tells the search
// page, for each Pagefind fragment, which unit it is, its kind, plan and domain, and how long its
// title is, so results can be ranked and filtered before any fragment is fetched, and where the
// index chunks are, so the page can read them itself (search/pagefind-index.ts).
import { readFile, readdir, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { glossaryWireAbsent, glossaryWireSeparator, normalize } from './search/variants';
import { glossary } from './search/site-glossary';
import { bundleTables } from './search/pagefind-meta';
import { indexLanguage, indexTokens, streamChars } from './search/tokens';
import type { Site, Unit } from './site';
import { numberedLabel, unitKinds } from './site';


/**
 * One row per unit: [unit id without its document's slug and dot, kind index, domain index (-1:
 * none), title length in stream chars, plan index, label, length of the whole stream, document
 * index, Pagefind page number (how the index chunks' postings name it), the page numbers of the
 * units it is paired with (a goal's measures, a measure's goals; links.ts, most related first, at
 * most `maxPaired`)]. (The slug would be a third
 * of the file, repeated on every row.) The label of a goal or measure is its number (site.ts
 * `numberedLabel` makes 主要目标第2项 of it): a fifth of the file otherwise, on a page that must load
 * it before its first result.
 */
export type UnitRow = [string, number, number, number, number, string | number, number, number, number, number[]];

/** What a unit's row holds for its label: its number when the label is made from it. */
function labelCell(unit: Unit): string | number {
  return (unit.kind === 'goal' || unit.kind === 'measure') && unit.number !== null && unit.label === numberedLabel(unit.kind, unit.number) ? unit.number : unit.label;
}

export interface UnitsTable {
  /** Document slugs: a unit's id is `${documents[row[7]]}.${row[0]}`. */
  documents: string[];
  kinds: readonly string[];
  plans: string[];
  domains: { plan: number; name: string }[];
  /** Pagefind fragment (file name without .pf_fragment) → row, in document order. */
  units: Record<string, UnitRow>;
  /** Where each Pagefind index chunk begins (see pagefind-meta.ts and tokens.ts `chunkRange`). */
  chunks: string[];
  /** Each chunk's file (pagefind/index/<file>.pf_index), in the order of `chunks`. */
  chunkFiles: string[];
}

/** How many characters of the unit's stream are its title (0 when the title is not its first sentence). */
function titleLength(unit: Unit, text: readonly string[]): number {
  if (unit.title === null) return 0;
  const title = streamChars(normalize(unit.title));
  return title.every((ch, i) => text[i] === ch) ? title.length : 0;
}

/**
 * Index chunk size, in Pagefind's unit (word positions per chunk; its default makes chunks of about
 * 35 KB here). A query token reads the chunk it falls in (rarely two), and each glossary
 * alternative of a term another, so chunks are kept small; but the fewer there are, the sooner a
 * visit has read them all and later queries need no download. 4000 makes 31 chunks of our tokens,
 * about 7 KB each, 210 KB in all (and one of CJK words Pagefind takes from the meta fields, which
 * no query asks for). Measured (bench:search, tuning set): first query 63 KiB to results, later
 * queries 2.8 ms median. Pagefind 1.6 reads it from PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE when its
 * service starts; tests/e2e/search.spec.ts checks that the chunks stay small, so a Pagefind that
 * drops the variable is noticed.
 */
export const indexChunkSize = 4000;

/** How many paired units (links.ts) a row lists. */
const maxPaired = 3;

export interface SearchIndexSummary {
  records: number;
  /** Size of search/units.json, in bytes. */
  bytes: number;
  /** Index chunks of our tokens (the ones a query can read), and their bytes in all. */
  chunks: number;
  indexBytes: number;
  largestChunk: number;
}

/**
 * How Pagefind's fragment files begin (after gunzip). A fragment keeps the record's content, for
 * Pagefind's own excerpts: for us that is the index tokens, about 85% of the file. The search page
 * reads a unit's text and title from the fragment's meta (its excerpts are its own, highlight.ts),
 * so the build empties the content, and a query's fragments download at a third of the size.
 */
const FRAGMENT_SIGNATURE = 'pagefind_dcd';

export async function buildSearchIndex(site: Site, outDir: string): Promise<SearchIndexSummary> {
  const saved = process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'];
  process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] = String(indexChunkSize);
  try {
    return await writeSearchIndex(site, outDir);
  } finally {
    if (saved === undefined) delete process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'];
    else process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] = saved;
  }
}

async function writeSearchIndex(site: Site, outDir: string): Promise<SearchIndexSummary> {
  const { index, errors } = await pagefind.createIndex({});
  if (index === undefined) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  // Each unit's text as the index holds it: normalized, without whitespace (tokens.ts).
  const streams = new Map(site.units.map((unit) => [unit, streamChars(normalize(unit.text))]));
  const streamOf = (unit: Unit): string[] => streams.get(unit) ?? [];
  for (const unit of site.units) {
    const added = await index.addCustomRecord({
      url: unit.url,
      content: indexTokens(streamOf(unit)).join(' '),
      language: indexLanguage,
      meta: { id: unit.id, title: unit.title ?? unit.label, text: unit.text },
    });
    if (added.errors.length > 0) throw new Error(`Pagefind refused ${unit.id}: ${added.errors.join('; ')}`);
  }
  const bundle = path.join(outDir, 'pagefind');
  const written = await index.writeFiles({ outputPath: bundle });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write ${bundle}: ${written.errors.join('; ')}`);
  await pagefind.close();

  // Documents, plans and domains in document order; then each fragment (a Pagefind result id) mapped back to its unit.
  const documents: string[] = [];
  const plans: string[] = [];
  const domains: UnitsTable['domains'] = [];
  const rowOf = new Map<string, UnitRow>();
  for (const unit of site.units) {
    const plan = unit.planTitle ?? '';
    if (!plans.includes(plan)) plans.push(plan);
    const planIndex = plans.indexOf(plan);
    let domain = -1;
    if (unit.domain !== null) {
      domain = domains.findIndex((d) => d.plan === planIndex && d.name === unit.domain);
      if (domain === -1) domain = domains.push({ plan: planIndex, name: unit.domain }) - 1;
    }
    if (!documents.includes(unit.docSlug)) documents.push(unit.docSlug);
    const localId = unit.id.startsWith(`${unit.docSlug}.`) ? unit.id.slice(unit.docSlug.length + 1) : null;
    if (localId === null) throw new Error(`Unit id ${unit.id} does not begin with its document's slug ${unit.docSlug} and a dot`);
    const row: UnitRow = [localId, unitKinds.indexOf(unit.kind), domain, titleLength(unit, streamOf(unit)), planIndex, labelCell(unit), streamOf(unit).length, documents.indexOf(unit.docSlug), -1, []];
    rowOf.set(unit.url, row);
  }
  const order = new Map(site.units.map((u, i) => [u.url, i]));
  const found: [string, string][] = [];
  for (const file of (await readdir(path.join(bundle, 'fragment'))).filter((f) => f.endsWith('.pf_fragment'))) {
    const fragmentFile = path.join(bundle, 'fragment', file);
    const data = gunzipSync(await readFile(fragmentFile)).toString('utf8');
    if (!data.startsWith(FRAGMENT_SIGNATURE)) throw new Error(`Pagefind fragment ${file} does not begin with ${FRAGMENT_SIGNATURE}: a Pagefind with another format?`);
    const fragment = JSON.parse(data.slice(FRAGMENT_SIGNATURE.length)) as { url: string; content?: unknown };
    const { url } = fragment;
    if (!rowOf.has(url)) throw new Error(`Pagefind fragment ${file} has no unit (url ${url})`);
    found.push([file.replace(/\.pf_fragment$/, ''), url]);
    await writeFile(fragmentFile, gzipSync(FRAGMENT_SIGNATURE + JSON.stringify({ ...fragment, content: '' }), { level: 9 }));
  }
  if (found.length !== site.units.length) throw new Error(`Pagefind wrote ${found.length} fragments for ${site.units.length} units`);
  // Document order, so the table (and ties in ranking) read in the order of the plans.
  found.sort((a, b) => (order.get(a[1]) ?? 0) - (order.get(b[1]) ?? 0));
  const chunkFiles = (await readdir(path.join(bundle, 'index'))).filter((f) => f.endsWith('.pf_index'));
  const metaFile = (await readdir(bundle)).find((f) => /^pagefind\..+\.pf_meta$/.test(f));
  if (metaFile === undefined) throw new Error(`Pagefind wrote no metadata file into ${bundle}`);
  const tables = bundleTables(
    await readFile(path.join(bundle, metaFile)),
    chunkFiles.map((f) => f.replace(/\.pf_index$/, '')),
    found.map(([id]) => id),
  );
  const pageOf = new Map(tables.pages.map((id, page) => [id, page]));
  const pageOfUrl = new Map(found.map(([id, url]) => [url, pageOf.get(id)]));
  const unitOfUrl = new Map(site.units.map((u) => [u.url, u]));
  const units: Record<string, UnitRow> = {};
  for (const [id, url] of found) {
    const row = rowOf.get(url);
    const page = pageOf.get(id);
    if (row === undefined || page === undefined) throw new Error(`Pagefind fragment ${id} is in no page of its metadata`);
    row[8] = page;
    const unit = unitOfUrl.get(url);
    const paired = unit?.kind === 'goal' ? unit.relatedMeasures : unit?.kind === 'measure' ? unit.relatedGoals : [];
    row[9] = (paired ?? []).slice(0, maxPaired).flatMap((pid) => {
      const p = pageOfUrl.get(site.unit.get(pid)?.url ?? '');
      return p === undefined ? [] : [p];
    });
    units[id] = row;
  }
  await removeClient(bundle);
  const table: UnitsTable = { documents, kinds: unitKinds, plans, domains, units, chunks: tables.starts, chunkFiles: tables.chunkFiles };
  await mkdir(path.join(outDir, 'search'), { recursive: true });
  const body = JSON.stringify(table);
  await writeFile(path.join(outDir, 'search/units.json'), body);
  await writeFile(path.join(outDir, 'search/vocabulary.json'), JSON.stringify(vocabulary(site.units)));
  // The glossary, checked, for the search page to fetch beside the units table rather than bundle.
  await writeFile(path.join(outDir, 'search/glossary.json'), JSON.stringify(searchPageGlossary(site.units.map((u) => u.text))));
  // Chunks of words that begin with anything but our base-36 tokens hold the CJK words Pagefind
  // takes from the meta fields; no query reads them.
  const ours = tables.chunkFiles.filter((_, i) => /^[0-9a-z]/.test(tables.starts[i] ?? ''));
  const chunkSizes = await Promise.all(ours.map(async (f) => (await stat(path.join(bundle, 'index', `${f}.pf_index`))).size));
  return { records: found.length, bytes: Buffer.byteLength(body), chunks: ours.length, indexBytes: chunkSizes.reduce((a, b) => a + b, 0), largestChunk: Math.max(...chunkSizes) };
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

/**
 * dist/search/glossary.json: one string per entry, its terms (already normalized) joined by
 * `glossaryWireSeparator`, notes left out: ["妇联|妇女联合会", …] (a third smaller than arrays of
 * quoted terms; the page loads it before its first query). A term that none of `texts` holds is
 * marked with `glossaryWireAbsent` (…|*家暴): everyday words mostly, which lead a query to the
 * plan's wording but, looked up themselves, would each read an index chunk to find nothing. Read
 * back by variants.ts `loadSearchPageGlossary`.
 */
export function searchPageGlossary(texts: readonly string[]): string[] {
  const streams = texts.map((t) => streamChars(normalize(t)).join(''));
  return glossary.entries.map((e) =>
    e.terms
      .map((t) => {
        if (t.includes(glossaryWireSeparator) || t.startsWith(glossaryWireAbsent)) {
          throw new Error(`src/data/glossary.json: the term ${JSON.stringify(t)} holds ${glossaryWireSeparator} or begins with ${glossaryWireAbsent}, which the search page's copy uses as marks`);
        }
        const stream = streamChars(t).join('');
        return streams.some((s) => s.includes(stream)) ? t : `${glossaryWireAbsent}${t}`;
      })
      .join(glossaryWireSeparator),
  );
}

/**
 * Words for "did you mean": the words (by ICU's Chinese word segmentation) of two or more
 * characters that occur in at least two units, most frequent first, capped so the file stays
 * small. Fetched only when a query finds nothing.
 */
export function vocabulary(units: readonly Unit[], max = 3000): string[] {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const seen = new Map<string, Set<number>>();
  units.forEach((unit, i) => {
    for (const { segment, isWordLike } of segmenter.segment(normalize(unit.text))) {
      if (isWordLike !== true || [...segment].length < 2 || !/\p{Script=Han}/u.test(segment)) continue;
      let where = seen.get(segment);
      if (where === undefined) seen.set(segment, (where = new Set()));
      where.add(i);
    }
  });
  return [...seen]
    .filter(([, where]) => where.size >= 2)
    .sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1))
    .slice(0, max)
    .map(([word]) => word);
}
