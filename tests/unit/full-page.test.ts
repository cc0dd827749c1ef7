// The whole-plan page (/<doc>/p<n>/full/): every line of the plan, in order, each unit once with
// its stable ID, its verbatim text and a link to its own page (not the citation tools, which would
// make the page too heavy), and anchors that never collide, for the real document and the hostile
// fixture.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { toString } from 'mdast-util-to-string';
import { mdxjs } from 'micromark-extension-mdxjs';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/build/02-decode/decode';
import { linesOf } from '../../src/build/04-fidelity/check-fidelity';
import { mdxProcessor } from '../../src/build/07-content/mdx-processor';
import { pageTree } from '../../src/build/07-content/page-bodies';
import { parse } from '../../src/build/03-parse/parse';
import { enrich } from '../../src/build/05-enrich/enrich';
import { fullPageAnchor, ids } from '../../src/model/ids';
import { root, seedBytes, seedFile } from './helpers';

const hostileFile = 'tests/fixtures/hostile/hostile-markup.txt';
const sites = {
  'the real document': enrich([parse(decode(seedFile, seedBytes), 'luozheng-2022-62')], 'https://plans.example.org'),
  'the hostile fixture': enrich([parse(decode(hostileFile, readFileSync(path.join(root, hostileFile))), 'hostile-markup')], 'https://plans.example.org'),
};

type Node = Root | Root['children'][number];

const attr = (el: MdxJsxFlowElement, name: string) => {
  const a = el.attributes.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
  return a === undefined ? undefined : String(a.value);
};

/** What the page says, in order: section headings, unit headings (label and title) and paragraphs. */
function texts(node: Node): string[] {
  if (node.type === 'mdxJsxFlowElement' && node.name === 'Section') return [attr(node, 'heading') ?? '', ...node.children.flatMap((c) => texts(c as Node))];
  if (node.type === 'paragraph') return [toString(node)];
  return 'children' in node ? node.children.flatMap((c) => texts(c as Node)) : [];
}

function elements(node: Node, name: string): MdxJsxFlowElement[] {
  const here = node.type === 'mdxJsxFlowElement' && node.name === name ? [node] : [];
  return [...here, ...('children' in node ? node.children.flatMap((c) => elements(c as Node, name)) : [])];
}

for (const [name, site] of Object.entries(sites)) {
  describe(`whole-plan pages of ${name}`, () => {
    for (const doc of site.docs) {
      for (const plan of doc.plans) {
        const planId = ids.plan(doc, plan);
        const page = site.pages.find((p) => p.id === ids.full(doc, plan));
        if (page === undefined) throw new Error(`no whole-plan page for ${planId}`);
        // Read back the way Astro reads it: serialized MDX, parsed again.
        const tree = fromMarkdown(mdxProcessor().stringify(pageTree(page, site)), { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] });

        it(`${page.url} holds every unit of ${planId}, once each, in document order`, () => {
          const expected = site.units.filter((u) => u.id.startsWith(`${planId}.`)).map((u) => u.id);
          expect(expected.length).toBeGreaterThan(0);
          expect(elements(tree, 'FullUnit').map((el) => attr(el, 'uid'))).toEqual(expected);
        });

        it(`${page.url} shows each unit's text verbatim and links it to its own page, without citation tools`, () => {
          // The lean <FullUnit>, not <Unit> with its citation block and copy buttons (page weight).
          expect(elements(tree, 'Unit')).toEqual([]);
          for (const el of elements(tree, 'FullUnit')) {
            const unit = site.unit.get(attr(el, 'uid') ?? '');
            expect(unit, attr(el, 'uid')).toBeDefined();
            expect(el.children.map((c) => toString(c)).join('\n'), unit?.id).toBe(unit?.text);
            expect(el.children.every((c) => c.type === 'paragraph'), unit?.id).toBe(true);
            expect(attr(el, 'label'), unit?.id).toBe(unit?.label);
            expect(attr(el, 'heading'), unit?.id).toBe(unit?.title ?? undefined);
            expect(attr(el, 'href'), unit?.id).toBe(unit?.url);
            expect(el.attributes.map((a) => (a.type === 'mdxJsxAttribute' ? a.name : '')).sort()).toEqual(
              ['anchor', 'href', 'label', 'level', 'uid', ...(unit?.title == null ? [] : ['heading'])].sort(),
            );
          }
        });

        it(`${page.url} holds every line of the plan, as written and in order`, () => {
          const [title, ...lines] = linesOf({ ...doc, notice: null, plans: [plan] });
          expect(page.title).toContain(title?.text);
          const said = texts(tree);
          let at = 0;
          for (const line of lines) {
            const found = said.findIndex((t, i) => i >= at && (t === line.text || t === line.marker.trim() + line.text));
            expect(found, `line ${line.line} “${line.marker}${line.text}” after item ${at} of the page`).toBeGreaterThanOrEqual(at);
            at = found + 1;
          }
        });

        it(`${page.url} gives every unit and section its own anchor`, () => {
          const anchors = [...elements(tree, 'FullUnit'), ...elements(tree, 'Section')].flatMap((el) => {
            const anchor = attr(el, 'anchor') ?? '';
            return [anchor, `${anchor}-heading`];
          });
          expect(anchors.filter((a, i) => anchors.indexOf(a) !== i)).toEqual([]);
          for (const el of elements(tree, 'FullUnit')) expect(attr(el, 'anchor')).toBe(fullPageAnchor(attr(el, 'uid') ?? ''));
        });

        it(`${page.url} names every section apart, as a screen reader's list of regions shows them`, () => {
          // A section is named by its heading, after the heading of the section it says it is within.
          const sections = elements(tree, 'Section');
          const headingOf = new Map(sections.map((el) => [attr(el, 'anchor'), attr(el, 'heading')]));
          const names = sections.map((el) => {
            const within = attr(el, 'within');
            if (within !== undefined) {
              const outer = sections.find((x) => attr(x, 'anchor') === within);
              expect(outer, `section ${within}`).toBeDefined();
              if (outer !== undefined) expect(elements(outer, 'Section').slice(1), `${within} encloses ${attr(el, 'anchor')}`).toContain(el);
            }
            return [...(within === undefined ? [] : [headingOf.get(within)]), attr(el, 'heading')].join(' ');
          });
          expect(sections.length).toBeGreaterThan(0);
          expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
        });

        it(`${page.url} stands outside previous/next and is listed after its plan`, () => {
          expect(page.prev).toBeNull();
          expect(page.next).toBeNull();
          expect(site.pages[page.order - 1]?.id).toBe(planId);
          expect(page.url).toBe(`/${doc.slug}/p${plan.index}/full/`);
        });
      }
    }
  });
}

it('anchors a unit on the whole-plan page by its ID within the plan', () => {
  expect(fullPageAnchor('luozheng-2022-62.p1.d1.g2')).toBe('d1.g2');
  expect(fullPageAnchor('luozheng-2022-62.p2.part1.r3')).toBe('part1.r3');
  expect(fullPageAnchor('luozheng-2022-62.p1.preamble')).toBe('preamble');
});
