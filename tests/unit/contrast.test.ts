// The colour tokens of src/styles/global.css, in the light and the dark scheme, meet WCAG 2.1 AA:
// text 4.5:1 (1.4.3), focus outlines, field borders, chart bars and mark edges 3:1 (1.4.11).
// axe-core checks text on the rendered pages; this also covers what it cannot see (outlines, SVG
// bars, ::placeholder, states such as :target) and every combination, not only those on a page.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../shared/contrast';
import { root } from './helpers';

const css = readFileSync(path.join(root, 'src/styles/global.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

/** The `--color-*` declarations of the first `:root { … }` after `from`. */
function tokens(from: number): Record<string, string> {
  const start = css.indexOf(':root', from);
  const body = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/--color-([\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1] ?? '', (m[2] ?? '').trim()]));
}

const light = tokens(0);
const darkAt = css.indexOf('@media (prefers-color-scheme: dark)');
const schemes = { light, dark: { ...light, ...tokens(darkAt) } };

/** Text and what it is drawn on. */
const textColours = ['text', 'muted', 'link', 'link-visited', 'accent'];
const grounds = ['bg', 'surface', 'target', 'mark'];
/** Non-text: the focus outline, form-field borders (muted), chart bars (accent, link, muted), the mark's edge. */
const graphics = ['focus', 'muted', 'accent', 'link', 'mark-edge'];

describe('colour tokens', () => {
  it('are read from global.css, both schemes', () => {
    expect(darkAt).toBeGreaterThan(0);
    for (const name of [...textColours, ...grounds, ...graphics]) {
      expect(light[name], `--color-${name} (light)`).toMatch(/^#/);
      expect(tokens(darkAt)[name], `--color-${name} (dark)`).toMatch(/^#/);
    }
  });

  for (const [scheme, colour] of Object.entries(schemes)) {
    it(`${scheme}: text is 4.5:1 or more on every ground`, () => {
      const low: string[] = [];
      for (const fg of textColours)
        for (const bg of grounds) {
          const ratio = contrastRatio(colour[fg] ?? '', colour[bg] ?? '');
          if (ratio < 4.5) low.push(`--color-${fg} on --color-${bg}: ${ratio.toFixed(2)}:1`);
        }
      // Buttons: the page's background colour as text on a link-coloured button.
      const button = contrastRatio(colour['bg'] ?? '', colour['link'] ?? '');
      if (button < 4.5) low.push(`--color-bg on --color-link (buttons): ${button.toFixed(2)}:1`);
      expect(low).toEqual([]);
    });

    it(`${scheme}: outlines, borders, bars and mark edges are 3:1 or more`, () => {
      const low: string[] = [];
      for (const fg of graphics)
        for (const bg of ['bg', 'surface', 'target']) {
          const ratio = contrastRatio(colour[fg] ?? '', colour[bg] ?? '');
          if (ratio < 3) low.push(`--color-${fg} on --color-${bg}: ${ratio.toFixed(2)}:1`);
        }
      expect(low).toEqual([]);
    });
  }
});

describe('contrastRatio', () => {
  it('matches the WCAG formula on known pairs, so the checks above can fail', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio('#767676', '#fff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#fff')).toBeLessThan(4.5);
    expect(contrastRatio('rgb(117, 117, 117)', 'rgb(21, 24, 28)')).toBeLessThan(4.5); // browsers' placeholder grey on our dark bg
    expect(() => contrastRatio('var(--x)', '#fff')).toThrow(/Not a colour/);
  });
});
