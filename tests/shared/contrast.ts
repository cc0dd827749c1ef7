// WCAG 2.1 contrast: relative luminance of an sRGB colour and the ratio of two colours
// (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio). Used by tests/unit/contrast.test.ts on the
// design tokens and by tests/e2e/a11y.spec.ts on computed focus outlines.

/** Red, green and blue, 0–255, of `#rgb`, `#rrggbb` or a computed `rgb(…)` / `rgba(…)` colour. */
export function parseColor(css: string): [number, number, number] {
  const value = css.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(value)?.[1];
  if (hex !== undefined) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
    return [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(value);
  if (rgb !== null) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  throw new Error(`Not a colour this check can read: "${css}" (use #rgb, #rrggbb or rgb()).`);
}

/** Relative luminance, 0 (black) to 1 (white). */
export function luminance(css: string): number {
  const [r, g, b] = parseColor(css).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, 1 to 21 (order does not matter). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
