// Every HTML file of a built site, read from disk and parsed by the browser's own HTML parser
// (DOMParser, as links.spec.ts does), for the checks that sweep all pages: csp.spec.ts (no inline
// script, no event-handler attribute, the policy first in <head>) and budgets.spec.ts (what each
// page loads by itself).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { htmlFiles } from '../../scripts/page-budgets';

export interface HtmlFacts {
  /** Path of the file inside the site folder, e.g. luozheng-2022-62/p1/index.html. */
  file: string;
  bytes: number;
  /** data-page-kind of a generated page (document, plan, part, domain, goal, measure), else null. */
  pageKind: string | null;
  /** Every <script> without src that is not a JSON data block: its first characters. */
  inlineScripts: string[];
  /** Every on* attribute, as element.attribute. */
  handlers: string[];
  /** Every javascript: URL in href, src, action or formaction. */
  scriptUrls: string[];
  /** <style> elements and style attributes (style-src 'self' refuses both). */
  inlineStyles: string[];
  /** content of each <meta http-equiv="Content-Security-Policy">. */
  policies: string[];
  /** Tags of the elements in <head> before the policy meta (only <meta charset> belongs there). */
  beforePolicy: string[];
  /** What the page loads by its markup: scripts, stylesheets, module preloads, preloads, icons. */
  resources: { url: string; as: 'script' | 'style' | 'fetch' | 'image' }[];
}

/** Parses every HTML file under root in the page (any page; about:blank will do), in batches. */
export async function inspectHtml(page: Page, root: string, batch = 40): Promise<HtmlFacts[]> {
  const files = htmlFiles(root);
  const out: HtmlFacts[] = [];
  for (let i = 0; i < files.length; i += batch) {
    const sources = files.slice(i, i + batch).map((file) => {
      const html = readFileSync(join(root, file), 'utf8');
      return { file, html, bytes: Buffer.byteLength(html) };
    });
    out.push(
      ...(await page.evaluate((docs) => {
        const DATA_TYPES = new Set(['application/json', 'application/ld+json', 'importmap', 'speculationrules']);
        return docs.map(({ file, html, bytes }) => {
          const doc = new DOMParser().parseFromString(html, 'text/html');
          const all = [...doc.querySelectorAll('*')];
          const name = (el: Element) => el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '');
          const meta = doc.querySelector('meta[http-equiv="Content-Security-Policy" i]');
          const headChildren = [...doc.head.children];
          const attr = (selector: string, a: string) => [...doc.querySelectorAll(selector)].map((el) => el.getAttribute(a) ?? '');
          return {
            file,
            bytes,
            pageKind: doc.querySelector('[data-page-kind]')?.getAttribute('data-page-kind') ?? null,
            inlineScripts: [...doc.querySelectorAll('script:not([src])')]
              .filter((s) => !DATA_TYPES.has((s.getAttribute('type') ?? '').trim().toLowerCase()))
              .map((s) => (s.textContent ?? '').trim().slice(0, 80)),
            handlers: all.flatMap((el) => el.getAttributeNames().filter((a) => a.toLowerCase().startsWith('on')).map((a) => `${name(el)}.${a}`)),
            scriptUrls: all.flatMap((el) =>
              ['href', 'src', 'action', 'formaction', 'xlink:href']
                .map((a) => el.getAttribute(a))
                .filter((v): v is string => v !== null && /^\s*javascript:/i.test(v))
                .map((v) => `${name(el)}: ${v.slice(0, 60)}`),
            ),
            inlineStyles: [
              ...[...doc.querySelectorAll('style')].map((s) => `<style> ${(s.textContent ?? '').trim().slice(0, 60)}`),
              ...[...doc.querySelectorAll('[style]')].map((el) => `${name(el)} style="${el.getAttribute('style') ?? ''}"`),
            ],
            policies: [...doc.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]')].map((m) => m.getAttribute('content') ?? ''),
            beforePolicy: meta === null ? [] : headChildren.slice(0, headChildren.indexOf(meta)).map((el) => el.outerHTML.slice(0, 60)),
            resources: [
              ...attr('script[src]', 'src').map((url) => ({ url, as: 'script' as const })),
              ...attr('link[rel~="modulepreload"]', 'href').map((url) => ({ url, as: 'script' as const })),
              ...attr('link[rel~="stylesheet"]', 'href').map((url) => ({ url, as: 'style' as const })),
              ...[...doc.querySelectorAll('link[rel~="preload"]')].map((l) => ({
                url: l.getAttribute('href') ?? '',
                as: l.getAttribute('as') === 'script' ? ('script' as const) : l.getAttribute('as') === 'style' ? ('style' as const) : ('fetch' as const),
              })),
              ...[...attr('link[rel~="icon"]', 'href'), ...attr('img[src]', 'src')].map((url) => ({ url, as: 'image' as const })),
            ],
          };
        });
      }, sources)),
    );
  }
  return out;
}
