// search/pinyin.json, for correcting typing errors on the search page (search/typos.ts): every
// toneless syllable, with the plans' characters of that reading (most frequent first) and the other
// common characters (GB 2312's 6,763) a pinyin input method may put in their place. Readings come
// from pinyin-pro, at build time only; the page loads the file only when a query needs it.
import { pinyin } from 'pinyin-pro';
import type { Unit } from '../../model/unit';
import type { PinyinFile } from '../../search/typos';
import { normalize } from '../../text/normalize';

const han = /\p{Script=Han}/u;

/** GB 2312's Chinese characters: the ones an input method offers first. */
function commonCharacters(): string[] {
  const gbk = new TextDecoder('gbk');
  const out: string[] = [];
  for (let row = 0xb0; row <= 0xf7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const ch = gbk.decode(new Uint8Array([row, cell]));
      if (han.test(ch)) out.push(ch);
    }
  }
  return out;
}

/** Toneless readings of a character (ü written v, as input methods take it). */
function readings(ch: string): string[] {
  return [...new Set(pinyin(ch, { toneType: 'none', type: 'array', multiple: true, v: true }))].filter((r) => /^[a-z]+$/u.test(r));
}

export function pinyinFile(units: readonly Unit[]): PinyinFile {
  const frequency = new Map<string, number>();
  for (const unit of units) {
    for (const ch of normalize(unit.text)) if (han.test(ch)) frequency.set(ch, (frequency.get(ch) ?? 0) + 1);
  }
  const plan = [...frequency].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([ch]) => ch);
  const bySyllable = new Map<string, [string, string]>();
  const add = (ch: string, own: boolean) => {
    for (const r of readings(ch)) {
      const entry = bySyllable.get(r) ?? ['', ''];
      entry[own ? 0 : 1] += ch;
      bySyllable.set(r, entry);
    }
  };
  for (const ch of plan) add(ch, true);
  for (const ch of commonCharacters()) if (!frequency.has(ch)) add(ch, false);
  return Object.fromEntries([...bySyllable].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}
