// Pagefind, through its Node API: one custom record per unit, written as a chunked index into a
// folder. A small integration step: call, assert each response, time it, close in `finally`.
import * as pagefind from 'pagefind';

/**
 * One record: the unit's address and its index tokens joined by spaces. No meta: Pagefind indexes
 * meta values as words, and a unit's whole text is one long CJK "word" that shared an index chunk
 * with our last tokens (47 KB where chunks are 7 KB); write-search-index.ts puts the meta into the
 * fragments after indexing.
 */
export interface PagefindRecord {
  readonly url: string;
  readonly content: string;
  readonly language: string;
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

/** Write `records` as a Pagefind bundle into `outputPath`; returns how long it took, in ms. */
export async function writePagefindBundle(records: readonly PagefindRecord[], outputPath: string): Promise<number> {
  const started = performance.now();
  const saved = process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'];
  process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] = String(indexChunkSize);
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (index === undefined) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    for (const record of records) {
      const added = await index.addCustomRecord({ ...record });
      if (added.errors.length > 0) throw new Error(`Pagefind refused ${record.url}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
    if (saved === undefined) delete process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'];
    else process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] = saved;
  }
  return performance.now() - started;
}
