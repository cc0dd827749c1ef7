// Numbers as the plans write them: Arabic digits (ASCII or full-width) and Chinese numerals up to
// 九十九 (part 一, domain （十二）, 十二月二十九日), both ways. The one place numbers are read or written
// in Chinese. Pure.

const digits = '〇一二三四五六七八九';

/** Chinese numeral for 1–99, as part and domain headings write it: 1 → 一, 10 → 十, 12 → 十二, 20 → 二十. */
export function chineseNumeral(n: number): string {
  if (n < 10) return digits[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : digits[tens]}十${ones === 0 ? '' : digits[ones]}`;
}

/**
 * The value of a whole numeral: Arabic digits (ASCII or full-width: 12, １２) or Chinese 一 to 九十九
 * (十, 十二, 二十, 二十九); null for anything else.
 */
export function numeralValue(numeral: string): number | null {
  const s = numeral.normalize('NFKC');
  if (/^\d+$/.test(s)) return Number(s);
  const digit = (c: string) => (c.length === 1 && digits.indexOf(c) > 0 ? digits.indexOf(c) : null);
  const [tens, ones, ...more] = s.split('十');
  if (tens === undefined || more.length > 0) return null;
  if (ones === undefined) return digit(tens);
  const t = tens === '' ? 1 : digit(tens);
  const o = ones === '' ? 0 : digit(ones);
  return t === null || o === null ? null : t * 10 + o;
}

/** A year written digit by digit, 2022 or 二〇二二 (零 for 〇 too), as its Arabic digits; null otherwise. */
export function yearDigits(year: string): string | null {
  const out = [...year].map((c) => (/\d/.test(c) ? c : c === '零' ? '0' : digits.indexOf(c) === -1 ? null : String(digits.indexOf(c))));
  return out.every((d) => d !== null) ? out.join('') : null;
}
