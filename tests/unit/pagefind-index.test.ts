// The search page reads Pagefind's index files itself (src/search/pagefind-index.ts). This
// writes a real bundle with the installed Pagefind, from lines of the seed tokenized as the build
// does, and checks that what the reader finds in it is exactly what went in: a Pagefind that
// changed its format fails here, not on the site.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleTables } from '../../src/build/08-search-index/pagefind-meta';
import { gunzip, PagefindFormatError, postings, readChunk, readFragment, wordsBeginning, type IndexChunk } from '../../src/search/pagefind-index';
import { charCode, chunkRange, indexLanguage, indexTokens, streamChars } from '../../src/search/tokens';
import { normalize } from '../../src/text/normalize';
import { seedLines } from './helpers';

const lines = seedLines.map((l) => streamChars(normalize(l))).filter((l) => l.length > 0).slice(0, 80);
const out = mkdtempSync(path.join(tmpdir(), 'pagefind-index-'));
let starts: string[] = [];
let chunks: IndexChunk[] = [];
/** Page number → which line it holds. */
let lineOf: number[] = [];

beforeAll(async () => {
  process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] = '400';
  try {
    const { index } = await pagefind.createIndex({});
    if (index === undefined) throw new Error('Pagefind did not start');
    for (const [i, line] of lines.entries()) {
      const added = await index.addCustomRecord({ url: `/line/${i}/`, content: indexTokens(line).join(' '), language: indexLanguage, meta: { text: line.join('') } });
      expect(added.errors).toEqual([]);
    }
    await index.writeFiles({ outputPath: out });
  } finally {
    delete process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'];
    await pagefind.close();
  }
  const meta = readdirSync(out).find((f) => f.endsWith('.pf_meta')) ?? '';
  const names = (dir: string, ext: string) => readdirSync(path.join(out, dir)).map((f) => f.replace(ext, ''));
  const tables = bundleTables(readFileSync(path.join(out, meta)), names('index', '.pf_index'), names('fragment', '.pf_fragment'));
  starts = tables.starts;
  chunks = tables.chunkFiles.map((f) => readChunk(gunzip(readFileSync(path.join(out, 'index', `${f}.pf_index`))), f));
  lineOf = tables.pages.map((f) => {
    const fragment = readFragment(gunzip(readFileSync(path.join(out, 'fragment', `${f}.pf_fragment`))), f);
    return Number(/^\/line\/(\d+)\/$/.exec(fragment.url)?.[1] ?? -1);
  });
}, 60_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('reading the index Pagefind writes', () => {
  it('finds every token of every page where it was put, and nothing else', () => {
    expect(chunks.length).toBeGreaterThan(3);
    const put = new Set(lines.flatMap((line, i) => indexTokens(line).map((token, at) => `${token} ${i} ${at}`)));
    const read = new Set<string>();
    for (const chunk of chunks) {
      chunk.words.forEach((word, w) => {
        for (const { page, locations } of postings(chunk, w)) for (const at of locations) read.add(`${word} ${lineOf[page]} ${at}`);
      });
    }
    expect(read.size).toBe(put.size);
    expect([...read].filter((x) => !put.has(x))).toEqual([]);
  });

  it('knows which fragment each page number is', () => {
    expect([...lineOf].sort((a, b) => a - b)).toEqual(lines.map((_, i) => i));
  });

  it('finds every word a token begins, in the chunks its range names', () => {
    for (const ch of ['的', '妇', '儿', '。', '2']) {
      const token = charCode(ch);
      const found = new Set<string>();
      for (const i of chunkRange(token, starts)) {
        const chunk = chunks[i] as IndexChunk;
        for (const w of wordsBeginning(chunk, token)) for (const { page, locations } of postings(chunk, w)) for (const at of locations) found.add(`${lineOf[page]} ${at}`);
      }
      const expected = lines.flatMap((line, i) => line.flatMap((c, at) => (c === ch ? [`${i} ${at}`] : [])));
      expect(expected.length, ch).toBeGreaterThan(0);
      expect([...found].sort(), ch).toEqual(expected.sort());
    }
  });
});

describe('files that are not Pagefind 1.6 files', () => {
  it('are refused with the file named', () => {
    const file = (s: string) => gunzip(gzipSync(s));
    expect(() => readFragment(file('{"url":"/"}'), 'fragment/x')).toThrow(PagefindFormatError);
    expect(() => readFragment(file('pagefind_dcd{"meta":{}}'), 'fragment/x')).toThrow(/fragment\/x: expected \{"url"/);
    expect(() => readChunk(file('not pagefind'), 'index/y')).toThrow(/index\/y: does not begin with "pagefind_dcd"/);
    // CBOR 0x81 0x01: [1], no word entries.
    expect(() => readChunk(new Uint8Array([...new TextEncoder().encode('pagefind_dcd'), 0x81, 0x01]), 'index/y')).toThrow(/index\/y: expected \[\[word entries\]/);
  });
});
