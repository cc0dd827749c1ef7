// Numbers as people type them and as the plans write them: 3‰ and 3.0‰, 九成 and 百分之九十 and
// 90%, 十万分之十二 and 12/10万 are the same target. `numberForms` gives a term's other spellings
// in the plans' forms, so each is searched too. Full-width digits need nothing here: normalize()
// (NFKC) has made them ASCII. Pure.
import { numeralValue } from '../text/numerals';

/** A Chinese numeral of up to 九十九, or Arabic digits. */
const numeral = '[0-9]+|[一二三四五六七八九十两]{1,3}';

const value = (n: string): number | null => numeralValue(n.replace(/两/gu, '二'));

/** Each rule: a number expression → the forms of its value the plans may write. */
const rules: { pattern: RegExp; forms: (m: RegExpExecArray) => string[] }[] = [
  // 百分之九十, 百分之95 → 90%
  { pattern: new RegExp(`百分之(${numeral})(?:\\.([0-9]+))?`, 'gu'), forms: (m) => percent(m[1], m[2]) },
  // 九成, 九成五 → 90%, 95%
  { pattern: /([一二三四五六七八九])成([一二三四五六七八九])?/gu, forms: (m) => percent(String((value(m[1] ?? '') ?? 0) * 10 + (value(m[2] ?? '') ?? 0))) },
  // 千分之三 → 3.0‰, 3‰
  { pattern: new RegExp(`千分之(${numeral})(?:\\.([0-9]+))?`, 'gu'), forms: (m) => permille(m[1], m[2]) },
  // 3‰ ↔ 3.0‰
  { pattern: /([0-9]+)(?:\.([0-9]+))?‰/gu, forms: (m) => permille(m[1], m[2]) },
  // 十万分之十二 → 12/10万
  { pattern: new RegExp(`十万分之(${numeral})(?:\\.([0-9]+))?`, 'gu'), forms: (m) => perTenThousand(m[1], m[2]) },
  // 12/10万 ↔ 12.0/10万
  { pattern: /([0-9]+)(?:\.([0-9]+))?\/10万/gu, forms: (m) => perTenThousand(m[1], m[2]) },
];

function decimal(whole: string | undefined, fraction: string | undefined): { whole: number; fraction: string } | null {
  const w = whole === undefined ? null : value(whole);
  return w === null ? null : { whole: w, fraction: (fraction ?? '').replace(/0+$/u, '') };
}

function percent(whole: string | undefined, fraction?: string): string[] {
  const d = decimal(whole, fraction);
  return d === null ? [] : [`${d.whole}${d.fraction === '' ? '' : `.${d.fraction}`}%`];
}

/** The plans write rates per thousand with one decimal (5.0‰); people type 5‰. */
function permille(whole: string | undefined, fraction: string | undefined): string[] {
  const d = decimal(whole, fraction);
  if (d === null) return [];
  return d.fraction === '' ? [`${d.whole}.0‰`, `${d.whole}‰`] : [`${d.whole}.${d.fraction}‰`];
}

function perTenThousand(whole: string | undefined, fraction: string | undefined): string[] {
  const d = decimal(whole, fraction);
  if (d === null) return [];
  return d.fraction === '' ? [`${d.whole}/10万`, `${d.whole}.0/10万`] : [`${d.whole}.${d.fraction}/10万`];
}

/**
 * The term with each number expression in it written in the plans' other forms (one expression
 * rewritten at a time), never the term itself; [] when it holds none. The term is normalized.
 */
export function numberForms(term: string): string[] {
  const out: string[] = [];
  for (const { pattern, forms } of rules) {
    for (const m of term.matchAll(pattern)) {
      const start = m.index;
      for (const form of forms(m as RegExpExecArray)) {
        const variant = term.slice(0, start) + form + term.slice(start + m[0].length);
        if (variant !== term && !out.includes(variant)) out.push(variant);
      }
    }
  }
  return out;
}
