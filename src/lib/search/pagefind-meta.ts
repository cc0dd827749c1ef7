// What the build needs to know about the Pagefind bundle it just wrote: where each index chunk
// starts. Pagefind loads, for a query word, only the chunk whose [from, to] range holds the word
// itself, but matches the word as a prefix only among the words already loaded; so a short query
// whose extensions (the n-gram tokens it begins) run on into the next chunks would miss the units
// in those (measured: 儿童 found 134 of its 150 units). The search page therefore asks Pagefind to
// load every chunk a token's extensions can fall in (`chunkRange` in tokens.ts), from this list.
//
// The list comes from Pagefind's own metadata file (pagefind.<hash>.pf_meta): gzip, then the
// signature "pagefind_dcd", then CBOR. Only the index chunk table is read: the one array of
// [from, to, hash] triples whose hashes are the bundle's index files.
import { gunzipSync } from 'node:zlib';

/** A minimal CBOR reader (RFC 8949: integers, strings, arrays, maps, tags, simple values, 32/64-bit floats). */
export function decodeCbor(bytes: Uint8Array): unknown {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder('utf-8', { fatal: true });
  let at = 0;
  const need = (n: number) => {
    if (at + n > bytes.length) throw new Error(`CBOR: unexpected end at byte ${at}`);
  };
  const length = (info: number): number => {
    if (info < 24) return info;
    const size = [1, 2, 4, 8][info - 24];
    if (size === undefined) throw new Error(`CBOR: unsupported length encoding ${info} at byte ${at}`);
    need(size);
    const n = size === 1 ? view.getUint8(at) : size === 2 ? view.getUint16(at) : size === 4 ? view.getUint32(at) : Number(view.getBigUint64(at));
    at += size;
    return n;
  };
  const item = (): unknown => {
    need(1);
    const head = view.getUint8(at++);
    const major = head >> 5;
    const info = head & 31;
    if (info === 31) throw new Error(`CBOR: indefinite lengths are not used by Pagefind (byte ${at - 1})`);
    switch (major) {
      case 0:
        return length(info);
      case 1:
        return -1 - length(info);
      case 2:
      case 3: {
        const n = length(info);
        need(n);
        const slice = bytes.subarray(at, at + n);
        at += n;
        return major === 2 ? slice : text.decode(slice);
      }
      case 4:
        return Array.from({ length: length(info) }, item);
      case 5: {
        const map = new Map<unknown, unknown>();
        for (let n = length(info); n > 0; n--) map.set(item(), item());
        return map;
      }
      case 6:
        length(info); // a tag: the tagged item follows
        return item();
      default: {
        if (info === 20) return false;
        if (info === 21) return true;
        if (info === 22 || info === 23) return null;
        if (info === 26 || info === 27) {
          const size = info === 26 ? 4 : 8;
          need(size);
          const value = size === 4 ? view.getFloat32(at) : view.getFloat64(at);
          at += size;
          return value;
        }
        if (info < 24) return info;
        throw new Error(`CBOR: unsupported simple value ${info} at byte ${at - 1}`);
      }
    }
  };
  const value = item();
  if (at !== bytes.length) throw new Error(`CBOR: ${bytes.length - at} bytes after the value`);
  return value;
}

/** Where each index chunk starts, in Pagefind's order (ascending), read from its metadata file. */
export function indexChunkStarts(metaFile: Uint8Array, chunkHashes: readonly string[]): string[] {
  const signature = 'pagefind_dcd';
  const raw = gunzipSync(metaFile);
  if (new TextDecoder().decode(raw.subarray(0, signature.length)) !== signature) throw new Error('Pagefind metadata: no "pagefind_dcd" signature');
  const meta = decodeCbor(raw.subarray(signature.length));
  const hashes = new Set(chunkHashes);
  const isChunk = (x: unknown): x is [string, string, string] => Array.isArray(x) && x.length === 3 && x.every((s) => typeof s === 'string') && hashes.has(x[2] as string);
  const tables = Array.isArray(meta) ? meta.filter((field): field is unknown[] => Array.isArray(field) && field.length > 0 && field.every(isChunk)) : [];
  const table = tables[0] as [string, string, string][] | undefined;
  if (tables.length !== 1 || table === undefined) throw new Error(`Pagefind metadata: expected one index chunk table, found ${tables.length}`);
  if (table.length !== hashes.size) throw new Error(`Pagefind metadata lists ${table.length} index chunks, the bundle has ${hashes.size}`);
  const starts = table.map(([from]) => from);
  starts.forEach((s, i) => {
    if (i > 0 && compareCodePoints(starts[i - 1] ?? '', s) >= 0) throw new Error(`Pagefind metadata: index chunks out of order at ${i} (${JSON.stringify(starts[i - 1])}, ${JSON.stringify(s)})`);
  });
  return starts;
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
