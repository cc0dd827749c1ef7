import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Paragraph, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import type { MdxJsxFlowElement } from 'mdast-util-mdx';
import { toString } from 'mdast-util-to-string';
import { mdxjs } from 'micromark-extension-mdxjs';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/build/02-decode/decode';
import { mdxProcessor, mdxWriter } from '../../src/build/07-content/mdx-processor';
import { pageTree } from '../../src/build/07-content/page-bodies';
import { tocOf } from '../../src/build/07-content/toc';
import { parse } from '../../src/build/03-parse/parse';
import { enrich } from '../../src/build/05-enrich/enrich';
import { root } from './helpers';

const file = 'tests/fixtures/hostile/hostile-markup.txt';
const doc = parse(decode(file, readFileSync(path.join(root, file))), 'hostile-markup');
const site = enrich([doc], 'http://127.0.0.1:4321');

function mdxTree(mdx: string): Root {
  return fromMarkdown(mdx, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] });
}

/** Every node type in a tree. */
function types(node: Root | Root['children'][number]): string[] {
  return [node.type, ...('children' in node ? node.children.flatMap((c) => types(c as Root['children'][number])) : [])];
}

/** <Unit>s, and on a whole-plan page <FullUnit>s. */
function units(node: Root | Root['children'][number]): MdxJsxFlowElement[] {
  if (node.type === 'mdxJsxFlowElement' && (node.name === 'Unit' || node.name === 'FullUnit')) return [node];
  return 'children' in node ? node.children.flatMap((c) => units(c as Root['children'][number])) : [];
}

describe('MDX from trees keeps hostile clause text literal', () => {
  const hostile = site.units.filter((u) => /[<{`*_#>$\-\[&\\|]|export|import/.test(u.text));

  it('the fixture really is hostile', () => {
    expect(hostile.length).toBeGreaterThan(10);
    expect(site.units.some((u) => u.text.includes('\nexport const pwned'))).toBe(true);
  });

  it.each(site.pages.map((p) => [p.url, p] as const))('%s round-trips every unit and runs nothing', (_, page) => {
    const tree = mdxTree(mdxProcessor().stringify(pageTree(page, site)));
    const found = types(tree);
    for (const forbidden of ['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'mdxJsxTextElement', 'html', 'heading', 'code', 'inlineCode', 'emphasis', 'strong', 'blockquote', 'thematicBreak']) {
      expect(found, forbidden).not.toContain(forbidden);
    }
    const elementNames = new Set<string>();
    const visit = (n: Root['children'][number] | Root): void => {
      if (n.type === 'mdxJsxFlowElement') elementNames.add(n.name ?? '');
      if ('children' in n) n.children.forEach((c) => visit(c as Root['children'][number]));
    };
    visit(tree);
    expect([...elementNames].every((n) => ['Unit', 'FullUnit', 'Section', 'Reference', 'InfoIndex', 'NoticePart'].includes(n))).toBe(true);
    // Whole-plan pages, and only they, show their units lean (no citation tools).
    expect(units(tree).every((el) => el.name === (page.kind === 'full' ? 'FullUnit' : 'Unit'))).toBe(true);
    for (const el of units(tree)) {
      const uid = el.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'uid')?.value;
      const unit = site.unit.get(String(uid));
      expect(unit, String(uid)).toBeDefined();
      // The notice's lines stand in <NoticePart>s, by what they are; every other unit's directly.
      const blocks = el.children.flatMap((c) => (c.type === 'mdxJsxFlowElement' && c.name === 'NoticePart' ? c.children : [c]));
      const paragraphs = blocks.filter((c): c is Paragraph => c.type === 'paragraph').map((p) => toString(p));
      expect(paragraphs.join('\n')).toBe(unit?.text);
      const heading = el.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'heading')?.value ?? null;
      // Linked from a list (a domain page), a goal is headed by its short title.
      const linked = el.name === 'Unit' && el.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === 'href');
      expect(heading).toBe(unit?.title ?? (linked ? unit?.shortTitle : null) ?? null);
      // What the copy buttons copy reaches the component as the model made it.
      if (el.name === 'Unit') for (const name of ['citation', 'permalink'] as const) {
        expect(el.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value, name).toBe(unit?.[name]);
      }
    }
  });

  it('writes a paragraph starting with export or import as a character reference', () => {
    const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'export const a = 1' }] }, { type: 'paragraph', children: [{ type: 'text', value: 'import b from "c"' }] }] };
    const out = mdxProcessor().stringify(tree);
    expect(out).toBe('&#x65;xport const a = 1\n\n&#x69;mport b from "c"\n');
    expect(types(mdxTree(out))).not.toContain('mdxjsEsm');
  });

  it('writes frontmatter as YAML data, with a generated-file notice first', () => {
    const page = site.pages.find((p) => p.kind === 'document');
    if (page === undefined) throw new Error('no document page');
    const mdx = mdxWriter(site)(page, file);
    const [, yaml = ''] = /^---\n([\s\S]*?)\n---\n/.exec(mdx) ?? [];
    expect(yaml.split('\n')[0]).toMatch(/^# Generated by scripts\/build\.ts from tests\/fixtures\/hostile\/hostile-markup\.txt/);
    const { content: _content, ...data } = page;
    const { toc, ...rest } = parseYaml(yaml) as Record<string, unknown>;
    expect(rest).toEqual(JSON.parse(JSON.stringify(data)));
    expect(toc).toEqual(tocOf(pageTree(page, site)));
    expect(page.title).toContain('<b>妇女</b>');
  });
});

describe('the table of contents comes from the page body', () => {
  /** Every anchor (id) of a page body's elements. */
  function anchors(node: Root | Root['children'][number]): string[] {
    const own = node.type === 'mdxJsxFlowElement' ? node.attributes.flatMap((a) => (a.type === 'mdxJsxAttribute' && a.name === 'anchor' && typeof a.value === 'string' ? [a.value] : [])) : [];
    return [...own, ...('children' in node ? node.children.flatMap((c) => anchors(c as Root['children'][number])) : [])];
  }

  it('points each entry at an element of its own page, at the depth of its heading', () => {
    for (const page of site.pages) {
      const tree = pageTree(page, site);
      const toc = tocOf(tree);
      const here = anchors(tree);
      for (const entry of toc) expect(here, `${page.id} #${entry.anchor}`).toContain(entry.anchor);
      if (page.kind === 'domain' || page.kind === 'part' || page.kind === 'full') expect(toc.length, page.id).toBeGreaterThan(0);
    }
  });

  it('lists a domain page’s goals and measures under their sections, in order', () => {
    const page = site.pages.find((p) => p.kind === 'domain');
    if (page?.content.kind !== 'domain') throw new Error('no domain page');
    const { domain } = page.content;
    expect(tocOf(pageTree(page, site)).map((t) => `${t.depth}:${t.anchor}`)).toEqual([
      '2:goals',
      ...domain.goals.map((g) => `3:g${g.number}`),
      '2:measures',
      ...domain.measures.map((m) => `3:m${m.number}`),
    ]);
  });
});

describe('every clause on a page is its unit, line for line', () => {
  const page = site.pages.find((p) => p.kind === 'domain');
  if (page === undefined) throw new Error('no domain page');
  const tree = pageTree(page, site);
  const unit = site.units.find((u) => u.id === `${page.id}.g1`);
  const line = unit?.lines[0];
  if (unit === undefined || line === undefined) throw new Error('no goal');
  /** The processor, holding the page against a model whose unit has these lines. */
  const check = (lines: typeof unit.lines | null) => () => {
    const units = new Map(site.unit);
    if (lines === null) units.delete(unit.id);
    else units.set(unit.id, { ...unit, lines });
    mdxProcessor(units).runSync(structuredClone(tree));
  };

  it('passes the pages of the site', () => {
    expect(() => mdxProcessor(site.unit).runSync(structuredClone(tree))).not.toThrow();
    for (const p of site.pages) expect(() => mdxWriter(site)(p, file), p.id).not.toThrow();
  });

  it('stops the build where a page and the model part: a line altered, one missing, one more, a unit unknown', () => {
    const id = unit.id.replace(/\./g, '\\.');
    expect(check([{ ...line, text: `${line.text}。` }, ...unit.lines.slice(1)])).toThrow(new RegExp(`<Unit uid="${id}">: paragraph 1 is .* but the unit's line 1 is`));
    expect(check([...unit.lines, line])).toThrow(new RegExp(`paragraph ${unit.lines.length + 1} is null`));
    expect(check(null)).toThrow(/no unit of the model has this id/);
  });
});
