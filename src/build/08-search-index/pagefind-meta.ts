// What the search page needs to know about the Pagefind bundle the build just wrote, read once at
// build time from Pagefind's own metadata file (pagefind.<hash>.pf_meta: gzip, then the signature
// "pagefind_dcd", then CBOR) into search/units.json:
//   - the index chunk table: where each chunk begins and its file. The page reads the chunks itself
//     (search/pagefind-index.ts): for a token, every chunk its extensions (the n-gram tokens it begins)
//     can fall in (`chunkRange` in search/tokens.ts);
//   - the page table: which fragment (a unit) each page number in the chunks' postings is.
// Both are found by their shape: the one array of [from, to, hash] triples whose hashes are the
// bundle's index files, and the one array of [hash, word count, …] whose hashes are its fragments.
import { gunzipSync } from 'node:zlib';
import { decodeCbor } from '../../search/cbor';
import { pagefindSignature } from '../../search/wire';

/** A Pagefind bundle's tables, as the search page uses them. */
export interface BundleTables {
  /** Where each index chunk begins, ascending (Pagefind's order). */
  readonly starts: string[];
  /** Each chunk's file name without .pf_index, in the order of `starts`. */
  readonly chunkFiles: string[];
  /** The fragment (file name without .pf_fragment) of each page number, in page-number order. */
  readonly pages: string[];
}

const isStrings = (x: unknown, n: number): x is string[] => Array.isArray(x) && x.length === n && x.every((s) => typeof s === 'string');

/** The chunk and page tables of a bundle, from its metadata file; `chunkHashes`, `fragmentHashes`: the bundle's files. */
export function bundleTables(metaFile: Uint8Array, chunkHashes: readonly string[], fragmentHashes: readonly string[]): BundleTables {
  const raw = gunzipSync(metaFile);
  if (new TextDecoder().decode(raw.subarray(0, pagefindSignature.length)) !== pagefindSignature) throw new Error(`Pagefind metadata: no "${pagefindSignature}" signature`);
  const meta = decodeCbor(raw.subarray(pagefindSignature.length));
  const fields = Array.isArray(meta) ? meta.filter((field): field is unknown[] => Array.isArray(field) && field.length > 0) : [];

  const chunks = new Set(chunkHashes);
  const isChunk = (x: unknown): x is [string, string, string] => isStrings(x, 3) && chunks.has(x[2] ?? '');
  const chunkTables = fields.filter((field) => field.every(isChunk)) as [string, string, string][][];
  const table = chunkTables[0];
  if (chunkTables.length !== 1 || table === undefined) throw new Error(`Pagefind metadata: expected one index chunk table, found ${chunkTables.length}`);
  if (table.length !== chunks.size) throw new Error(`Pagefind metadata lists ${table.length} index chunks, the bundle has ${chunks.size}`);
  const starts = table.map(([from]) => from);
  starts.forEach((s, i) => {
    if (i > 0 && compareCodePoints(starts[i - 1] ?? '', s) >= 0) throw new Error(`Pagefind metadata: index chunks out of order at ${i} (${JSON.stringify(starts[i - 1])}, ${JSON.stringify(s)})`);
  });

  const fragments = new Set(fragmentHashes);
  const isPage = (x: unknown): x is [string, ...unknown[]] => Array.isArray(x) && typeof x[0] === 'string' && fragments.has(x[0]) && typeof x[1] === 'number';
  const pageTables = fields.filter((field) => field.every(isPage)) as [string, ...unknown[]][][];
  const pageTable = pageTables[0];
  if (pageTables.length !== 1 || pageTable === undefined) throw new Error(`Pagefind metadata: expected one page table, found ${pageTables.length}`);
  if (pageTable.length !== fragments.size) throw new Error(`Pagefind metadata lists ${pageTable.length} pages, the bundle has ${fragments.size} fragments`);

  return { starts, chunkFiles: table.map(([, , hash]) => hash), pages: pageTable.map(([hash]) => hash) };
}

/** Order by code points, as Pagefind (Rust) sorts its words; JavaScript's < compares UTF-16 units. */
export function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
