// A minimal CBOR reader (RFC 8949), enough for Pagefind's files (pagefind-meta.ts at build time,
// pagefind-index.ts on the search page). No Node APIs: it runs in the browser too.

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
