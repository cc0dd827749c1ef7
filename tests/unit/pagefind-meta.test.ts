import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { describe, expect, it } from 'vitest';
import { decodeCbor } from '../../src/search/cbor';
import { bundleTables, compareCodePoints } from '../../src/build/08-search-index/pagefind-meta';
import { pagefindSignature } from '../../src/search/wire';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('decodeCbor', () => {
  it('reads integers, strings, arrays, maps and simple values', () => {
    expect(decodeCbor(bytes(0x17))).toBe(23);
    expect(decodeCbor(bytes(0x18, 0xae))).toBe(174);
    expect(decodeCbor(bytes(0x19, 0x01, 0x69))).toBe(361);
    expect(decodeCbor(bytes(0x20))).toBe(-1);
    expect(decodeCbor(bytes(0x63, 0x61, 0x62, 0x63))).toBe('abc');
    expect(decodeCbor(bytes(0x83, 0x01, 0x60, 0x80))).toEqual([1, '', []]);
    expect(decodeCbor(bytes(0xa1, 0x61, 0x6b, 0xf5))).toEqual(new Map([['k', true]]));
    expect(decodeCbor(new Uint8Array([0x66, ...new TextEncoder().encode('儿童')]))).toBe('儿童');
  });

  it('refuses truncated or trailing input', () => {
    expect(() => decodeCbor(bytes(0x63, 0x61))).toThrow(/unexpected end/);
    expect(() => decodeCbor(bytes(0x01, 0x02))).toThrow(/1 bytes after/);
    expect(() => decodeCbor(bytes(0x9f))).toThrow(/indefinite/);
  });
});

describe('bundleTables', () => {
  const meta = (body: number[]) => gzipSync(new Uint8Array([...new TextEncoder().encode(pagefindSignature), ...body]));
  const text = (s: string) => [0x60 + s.length, ...new TextEncoder().encode(s)];
  // [version, pages: [[hash, word count, …], …], index_chunks: [[from, to, hash], …]]
  const pages = [0x82, 0x83, ...text('zz_b'), 0x05, ...text(''), 0x83, ...text('zz_a'), 0x07, ...text('')];
  const chunks = [0x82, 0x83, ...text('0'), ...text('0a'), ...text('zz_1'), 0x83, ...text('0b'), ...text('9'), ...text('zz_2')];
  const body = [0x83, ...text('1.6.0'), ...pages, ...chunks];

  it('reads where each chunk begins and its file, and which fragment each page number is', () => {
    expect(bundleTables(meta(body), ['zz_2', 'zz_1'], ['zz_a', 'zz_b'])).toEqual({ starts: ['0', '0b'], chunkFiles: ['zz_1', 'zz_2'], pages: ['zz_b', 'zz_a'] });
  });

  it('stops when the tables do not match the bundle', () => {
    expect(() => bundleTables(meta(body), ['zz_1', 'zz_2', 'zz_3'], ['zz_a', 'zz_b'])).toThrow(/expected one index chunk table|lists 2/);
    expect(() => bundleTables(meta(body), ['zz_1', 'zz_2'], ['zz_a', 'zz_b', 'zz_c'])).toThrow(/expected one page table|lists 2 pages/);
    expect(() => bundleTables(gzipSync(new Uint8Array([1, 2, 3])), ['zz_1'], [])).toThrow(/signature/);
  });

  it('reads the tables of a bundle Pagefind writes', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'pagefind-meta-'));
    process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] = '20';
    try {
      const { index } = await pagefind.createIndex({});
      if (index === undefined) throw new Error('Pagefind did not start');
      const words = Array.from({ length: 60 }, (_, i) => `w${String(i).padStart(3, '0')}x`);
      for (let page = 0; page < 3; page++) {
        await index.addCustomRecord({ url: `/p${page}/`, content: words.join(' '), language: 'zz', meta: {} });
      }
      await index.writeFiles({ outputPath: out });
      const files = readdirSync(out);
      const metaFile = files.find((f) => f.endsWith('.pf_meta')) ?? '';
      const chunks = readdirSync(path.join(out, 'index')).map((f) => f.replace(/\.pf_index$/, ''));
      const fragments = readdirSync(path.join(out, 'fragment')).map((f) => f.replace(/\.pf_fragment$/, ''));
      expect(chunks.length).toBeGreaterThan(2);
      const tables = bundleTables(readFileSync(path.join(out, metaFile)), chunks, fragments);
      expect(tables.starts).toHaveLength(chunks.length);
      expect(tables.starts[0]).toBe('w000x');
      expect([...tables.chunkFiles].sort()).toEqual([...chunks].sort());
      expect([...tables.pages].sort()).toEqual([...fragments].sort());
      // Every word belongs to the last chunk that begins at or before it.
      for (const w of words) expect(tables.starts.filter((s) => s <= w).length).toBeGreaterThan(0);
    } finally {
      delete process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'];
      await pagefind.close();
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('compareCodePoints', () => {
  it('orders by code point, as Rust does, not by UTF-16 unit', () => {
    expect(compareCodePoints('\uffff', '𠀀')).toBeLessThan(0);
    expect('\uffff' < '𠀀').toBe(false);
    expect(compareCodePoints('ab', 'abc')).toBeLessThan(0);
    expect(compareCodePoints('b', 'abc')).toBeGreaterThan(0);
  });
});
