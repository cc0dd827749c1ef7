// Decode: bytes of a seed file → its lines, numbered from 1. Accepts UTF-8 with or without BOM and
// GBK/GB18030; LF, CRLF or CR line ends. Anything else stops with the offending line.
import type { Encoding } from '../../model/document';
import { PlanError } from '../errors';

export interface DecodedFile {
  readonly file: string;
  readonly encoding: Encoding;
  /** The lines as decoded, line ends removed; `lines[0]` is line 1. */
  readonly lines: readonly string[];
}

const utf8Bom = [0xef, 0xbb, 0xbf];

export function decode(file: string, bytes: Uint8Array): DecodedFile {
  const hasBom = utf8Bom.every((b, i) => bytes[i] === b);
  const body = hasBom ? bytes.subarray(3) : bytes;
  let text = tryDecode('utf-8', body);
  let encoding: Encoding = hasBom ? 'utf-8-bom' : 'utf-8';
  if (text === null) {
    // Not valid UTF-8 as a whole. A GBK file has (almost) no line that is valid multi-byte UTF-8;
    // a UTF-8 file with a few damaged bytes has many. Decoding the latter as GB18030 would turn it
    // into plausible-looking nonsense, so it is an error at its first damaged line instead.
    const lines = splitBytes(body);
    const utf8Lines = lines.filter((l) => hasHighBytes(l) && tryDecode('utf-8', l) !== null).length;
    const firstBad = lines.findIndex((l) => tryDecode('utf-8', l) === null);
    if (hasBom || utf8Lines > lines.length / 10 + 1) {
      throw new PlanError('undecodable', { file, line: firstBad + 1 }, 'valid UTF-8', 'a byte sequence that is not UTF-8');
    }
    text = tryDecode('gb18030', body);
    encoding = 'gb18030';
    if (text === null) {
      const bad = lines.findIndex((l) => tryDecode('gb18030', l) === null);
      throw new PlanError('undecodable', { file, line: bad + 1 }, 'text in UTF-8 or GBK/GB18030', 'bytes that are neither');
    }
  }
  const lines = text.split(/\r\n|\r|\n/);
  const bad = lines.findIndex((l) => /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/u.test(l));
  if (bad !== -1) {
    throw new PlanError('undecodable', { file, line: bad + 1 }, 'printable text', 'a control character or U+FFFD replacement character');
  }
  return { file, encoding, lines };
}

function tryDecode(label: 'utf-8' | 'gb18030', bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function splitBytes(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  return lines;
}

function hasHighBytes(bytes: Uint8Array): boolean {
  return bytes.some((b) => b >= 0x80);
}
