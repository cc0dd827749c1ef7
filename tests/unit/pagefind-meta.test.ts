import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { describe, expect, it } from 'vitest';
import { compareCodePoints, decodeCbor, indexChunkStarts } from '../../src/lib/search/pagefind-meta';

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

describe('indexChunkStarts', () => {
  const meta = (body: number[]) => gzipSync(new Uint8Array([...new TextEncoder().encode('pagefind_dcd'), ...body]));
  const text = (s: string) => [0x60 + s.length, ...new TextEncoder().encode(s)];
  // [version, pages, index_chunks: [[from, to, hash], …]]
  const body = [0x83, ...text('1.6.0'), 0x80, 0x82, 0x83, ...text('0'), ...text('0a'), ...text('zz_1'), 0x83, ...text('0b'), ...text('9'), ...text('zz_2')];

  it('reads where each chunk begins from the chunk table', () => {
    expect(indexChunkStarts(meta(body), ['zz_1', 'zz_2'])).toEqual(['0', '0b']);
  });

  it('stops when the table does not match the bundle', () => {
    expect(() => indexChunkStarts(meta(body), ['zz_1', 'zz_2', 'zz_3'])).toThrow(/expected one index chunk table|lists 2/);
    expect(() => indexChunkStarts(gzipSync(new Uint8Array([1, 2, 3])), ['zz_1'])).toThrow(/signature/);
  });

  it('reads the chunk table of a bundle Pagefind writes', async () => {
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
      expect(chunks.length).toBeGreaterThan(2);
      const starts = indexChunkStarts(readFileSync(path.join(out, metaFile)), chunks);
      expect(starts).toHaveLength(chunks.length);
      expect(starts[0]).toBe('w000x');
      // Every word belongs to the last chunk that begins at or before it.
      for (const w of words) expect(starts.filter((s) => s <= w).length).toBeGreaterThan(0);
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
