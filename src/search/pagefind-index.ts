// The search page's reader of the index Pagefind writes. Pagefind builds the index (build/08-search-index,
// through its Node API) and cuts it into chunks by word; the page reads the chunks a query needs
// itself, not through Pagefind's own client (pagefind.js and its WebAssembly: about 100 KB to fetch
// and compile before the first query, and a search per token that returns every match as JSON).
// Our words are index tokens (tokens.ts), and all a query needs of a chunk is where the words that
// begin with a token stand.
//
// The format is Pagefind 1.6's (package.json pins the minor version; tests/unit/pagefind-index.test.ts
// reads a bundle Pagefind writes, and fails if the format changes):
//
//   index chunk  pagefind/index/<hash>.pf_index       gzip("pagefind_dcd" + CBOR)
//     [ [ [word, [[page, [location, …], …], …], …], … ], … ]
//     Words are sorted by code point. A word's postings give each page number as the difference
//     from the posting before it (the first from 0), and each location likewise within its posting.
//     A negative number among the locations is no location: it sets the weight of the ones after
//     it (Pagefind's ranking, unused here).
//   fragment     pagefind/fragment/<hash>.pf_fragment gzip("pagefind_dcd" + JSON)
//     {"url": …, "meta": {…}, …}
//
// No Node APIs. Decompression is fflate's synchronous gunzip: the platform's DecompressionStream
// measured 1–14 ms a file on the search page (its stream hands each file across tasks), fflate
// under 1 ms for a 5 KB index chunk.
import { gunzipSync } from 'fflate';
import { decodeCbor } from './cbor';
import { pagefindSignature } from './wire';

/** A unit's fragment as the page uses it: its URL and meta (id, title, text). */
export interface PagefindFragment {
  readonly url: string;
  readonly meta: Readonly<Record<string, string | undefined>>;
}

/** Where one word stands on one page. */
export interface Posting {
  readonly page: number;
  /** Word positions on the page, ascending. */
  readonly locations: readonly number[];
}

/** One index chunk: its words in order, each with its postings as stored (decoded on demand). */
export interface IndexChunk {
  readonly words: readonly string[];
  readonly stored: readonly unknown[];
}

export class PagefindFormatError extends Error {
  override readonly name = 'PagefindFormatError';
}

/** Decompress a gzip file. */
export function gunzip(data: ArrayBuffer | Uint8Array): Uint8Array {
  return gunzipSync(data instanceof Uint8Array ? data : new Uint8Array(data));
}

/** The bytes after the signature; `file` names the file in errors. */
function body(raw: Uint8Array, file: string): Uint8Array {
  const head = new TextDecoder().decode(raw.subarray(0, pagefindSignature.length));
  if (head !== pagefindSignature) throw new PagefindFormatError(`${file}: does not begin with "${pagefindSignature}" once decompressed: not a Pagefind 1.6 file`);
  return raw.subarray(pagefindSignature.length);
}

/** Read a decompressed index chunk. */
export function readChunk(raw: Uint8Array, file: string): IndexChunk {
  const value = decodeCbor(body(raw, file));
  const entries = Array.isArray(value) ? value[0] : undefined;
  if (!Array.isArray(entries)) throw new PagefindFormatError(`${file}: expected [[word entries], …], got something else: a Pagefind with another index format?`);
  const words: string[] = [];
  const stored: unknown[] = [];
  for (const entry of entries) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !Array.isArray(entry[1])) {
      throw new PagefindFormatError(`${file}: a word entry is not [word, postings, …]: a Pagefind with another index format?`);
    }
    words.push(entry[0]);
    stored.push(entry[1]);
  }
  return { words, stored };
}

/** The postings of the chunk's `i`-th word, with page numbers and locations made absolute. */
export function postings(chunk: IndexChunk, i: number): Posting[] {
  const out: Posting[] = [];
  let page = 0;
  for (const posting of (chunk.stored[i] ?? []) as unknown[]) {
    if (!Array.isArray(posting) || typeof posting[0] !== 'number' || !Array.isArray(posting[1])) {
      throw new PagefindFormatError(`index chunk word ${JSON.stringify(chunk.words[i])}: a posting is not [page, [locations], …]`);
    }
    page += posting[0];
    const locations: number[] = [];
    let at = 0;
    for (const n of posting[1] as unknown[]) {
      if (typeof n !== 'number') throw new PagefindFormatError(`index chunk word ${JSON.stringify(chunk.words[i])}: a location is not a number`);
      if (n < 0) continue; // a weight for the locations after it
      at += n;
      locations.push(at);
    }
    out.push({ page, locations });
  }
  return out;
}

/**
 * The indexes of the chunk's words that begin with `prefix`, ascending. Words are sorted by code
 * point; for the ASCII tokens looked up here that is JavaScript's string order too.
 */
export function wordsBeginning(chunk: IndexChunk, prefix: string): number[] {
  let lo = 0;
  let hi = chunk.words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((chunk.words[mid] ?? '') < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < chunk.words.length && (chunk.words[i] ?? '').startsWith(prefix); i++) out.push(i);
  return out;
}

/** Read a decompressed fragment. */
export function readFragment(raw: Uint8Array, file: string): PagefindFragment {
  const fragment = JSON.parse(new TextDecoder().decode(body(raw, file))) as unknown;
  if (typeof fragment !== 'object' || fragment === null || typeof (fragment as { url?: unknown }).url !== 'string' || typeof (fragment as { meta?: unknown }).meta !== 'object') {
    throw new PagefindFormatError(`${file}: expected {"url": …, "meta": {…}}`);
  }
  return fragment as PagefindFragment;
}
