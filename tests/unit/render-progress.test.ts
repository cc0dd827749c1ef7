// The Astro step's running count (src/render/render-progress.ts): silent without a page count,
// and with one, a line now and then and always one for the last page.
import { describe, expect, it } from 'vitest';
import { pageRendered } from '../../src/render/render-progress';

describe('the running count of rendered pages', () => {
  it('says nothing when the build has not named the number of pages (astro dev, astro check)', () => {
    const lines: string[] = [];
    for (let i = 0; i < 5; i++) pageRendered({}, (line) => lines.push(line));
    expect(lines).toEqual([]);
  });

  it('says when the last page is rendered, and not after every page', () => {
    const lines: string[] = [];
    for (let i = 0; i < 300; i++) pageRendered({ PLAN_PAGES: '300' }, (line) => lines.push(line));
    expect(lines.at(-1)).toBe('  09 astro: 300 of 300 pages rendered');
    expect(lines.length).toBeLessThan(10);
  });
});
