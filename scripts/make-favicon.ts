// public/favicon.png from public/favicon.svg, drawn by Chromium at 32×32 and 180×180 (the
// apple-touch-icon). Pages link the PNG: Chromium draws an SVG favicon in a document of its own
// on the page's main thread (measured: ~15 ms in front of the search page's first result), a PNG
// costs next to nothing. Run after editing the SVG: npx tsx scripts/make-favicon.ts
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumExecutable } from './chromium';

const root = path.resolve(import.meta.dirname, '..');
const svg = readFileSync(path.join(root, 'public/favicon.svg'), 'utf8');
const executablePath = chromiumExecutable();
const browser = await chromium.launch({ ...(executablePath === undefined ? {} : { executablePath }), args: chromiumArgs });
try {
  for (const [name, size] of [['favicon.png', 32], ['apple-touch-icon.png', 180]] as const) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
    writeFileSync(path.join(root, 'public', name), await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
    await page.close();
  }
} finally {
  await browser.close();
}
