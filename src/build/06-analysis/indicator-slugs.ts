// The slug of each indicator's page (/targets/<slug>/): the key's reading in toneless pinyin, a
// syllable per hyphen, with its digits and Latin letters kept (孕产妇死亡率 → yun-chan-fu-si-wang-lv,
// 5岁以下儿童死亡率 → 5-sui-yi-xia-er-tong-si-wang-lv). Readings come from pinyin-pro at build time,
// a whole run of characters at a time so that a character of several readings takes the one its
// word gives it (死亡率 → lv, not shuai). Keys that read the same (homophones, or one indicator
// written with two kinds of dash) share a reading: the one first in code-point order keeps it, the
// others get -2, -3 … in that order, so the same keys always get the same slugs.
import { pinyin } from 'pinyin-pro';

/** What a slug is made of: lower-case letters and digits, in runs joined by single hyphens. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A key's reading as a slug, before collisions are settled; `zhibiao` when nothing in it can be read. */
export function indicatorSlugBase(key: string): string {
  const words: string[] = [];
  for (const [run] of key.normalize('NFKC').matchAll(/\p{Script=Han}+|[A-Za-z0-9]+/gu)) {
    if (/^[A-Za-z0-9]+$/.test(run)) words.push(run.toLowerCase());
    else words.push(...pinyin(run, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, '')));
  }
  const slug = words.filter((w) => w !== '').join('-');
  return slug === '' ? 'zhibiao' : slug;
}

/** Every key's slug, unique among these keys. */
export function indicatorSlugs(keys: Iterable<string>): Map<string, string> {
  const byBase = new Map<string, string[]>();
  for (const key of new Set(keys)) {
    const base = indicatorSlugBase(key);
    byBase.set(base, [...(byBase.get(base) ?? []), key]);
  }
  const slugs = new Map<string, string>();
  const taken = new Set(byBase.keys());
  for (const [base, shared] of byBase) {
    const [first, ...rest] = shared.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (first !== undefined) slugs.set(first, base);
    let n = 2;
    for (const key of rest) {
      // A suffixed slug may not be another key's reading (a key read `…-2` is unlikely, but possible).
      while (taken.has(`${base}-${n}`)) n++;
      taken.add(`${base}-${n}`);
      slugs.set(key, `${base}-${n}`);
      n++;
    }
  }
  return slugs;
}
