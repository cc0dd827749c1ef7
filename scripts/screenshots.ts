// Screenshots of the pages people land on, at a phone's width (390 px) and a desktop's (1280 px),
// for a person to look at before a change that shows is called done. Serves dist/ (build first:
// npm run build) on a free port of 127.0.0.1 and writes .build/screenshots/<page>-<width>.png.
//
//   npx tsx scripts/screenshots.ts            # the pages below
//   npx tsx scripts/screenshots.ts --full     # whole pages, not only the first screen
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumExecutable } from './chromium';
import { serveStatic } from './static-server';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, '.build', 'screenshots');
const widths = [390, 1280];

/** The pages, found in what the build wrote (not one document's addresses). */
async function pages(): Promise<[string, string][]> {
  const clauses = JSON.parse(await readFile(path.join(root, 'dist/data/clauses.json'), 'utf8')) as { kind: string; url: string }[];
  const goal = clauses.find((c) => c.kind === 'goal')?.url ?? '/';
  const domain = goal.replace(/g\d+\/$/u, '');
  const topics = (await readFile(path.join(root, 'dist/topics/index.html'), 'utf8').catch(() => '')).match(/href="(\/topics\/[^"/]+\/)"/u)?.[1];
  return [
    ['home', '/'],
    ['domain', domain],
    ['goal', goal],
    ['targets', '/targets/'],
    ['topic', topics ?? '/topics/'],
    ['data', '/data/'],
    ['search', '/search/?q=%E6%AF%8D%E5%A9%B4%E5%BC%8F%E5%9C%A8%E5%93%AA%E9%87%8C'],
  ];
}

const full = process.argv.includes('--full');
await mkdir(out, { recursive: true });
const server = await serveStatic(path.join(root, 'dist'), { redirectDirectories: true });
const executablePath = chromiumExecutable();
const browser = await chromium.launch({ ...(executablePath === undefined ? {} : { executablePath }), args: chromiumArgs });
try {
  for (const [name, url] of await pages()) {
    for (const width of widths) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'zh-CN' });
      await page.goto(server.base + url);
      if (url.startsWith('/search')) await page.waitForSelector('[data-excerpts-state="done"]');
      const file = path.join(out, `${name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: full });
      console.log(`${file}  ${url}`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
