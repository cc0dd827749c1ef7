import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/build/02-decode/decode';
import { PlanError } from '../../src/build/errors';

const text = '洛阳市妇女发展规划（2021—2030年）\n一、总体要求\n坚持男女平等。';
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decode', () => {
  it('reads UTF-8 without and with BOM', () => {
    expect(decode('a.txt', utf8(text))).toMatchObject({ encoding: 'utf-8', lines: text.split('\n') });
    const withBom = decode('a.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]));
    expect(withBom).toMatchObject({ encoding: 'utf-8-bom', lines: text.split('\n') });
    expect(withBom.lines[0]?.startsWith('洛')).toBe(true);
  });

  it('reads GBK / GB18030', () => {
    expect(decode('a.txt', iconv.encode(text, 'gbk'))).toMatchObject({ encoding: 'gb18030', lines: text.split('\n') });
    expect(decode('a.txt', iconv.encode(`${text}\n𠀀`, 'gb18030')).lines.at(-1)).toBe('𠀀');
  });

  it('splits CRLF, LF and CR alike', () => {
    expect(decode('a.txt', utf8('一\r\n二\n三\r四')).lines).toEqual(['一', '二', '三', '四']);
  });

  it('names the line of bytes that are not UTF-8 in a UTF-8 file, rather than guessing GBK', () => {
    const lines = Array.from({ length: 30 }, (_, i) => utf8(`第${i + 1}行，中文内容。\n`));
    lines[11] = new Uint8Array([...utf8('坏'), 0xff, 0xfe, 0x0a]);
    const bytes = new Uint8Array(lines.flatMap((l) => [...l]));
    expect(() => decode('bad.txt', bytes)).toThrow(PlanError);
    expect(() => decode('bad.txt', bytes)).toThrow(/^bad\.txt:12: expected valid UTF-8/);
  });

  it('refuses bytes that are neither UTF-8 nor GB18030', () => {
    const bytes = new Uint8Array([...iconv.encode('第一行\n', 'gbk'), 0x81, 0x0a]);
    expect(() => decode('bad.txt', bytes)).toThrow(/bad\.txt:2: expected text in UTF-8 or GBK\/GB18030/);
  });

  it('refuses control characters', () => {
    expect(() => decode('c.txt', utf8('一\n二\u0007'))).toThrow(/c\.txt:2: expected printable text/);
  });
});
