// The layers of src/ and their rule (docs/architecture.md): which folder may import which, no Node
// built-in in code that runs in the browser, no import cycle, no function over 80 lines. Each rule
// is also run on a small tree that breaks it, so the test shows it can fail.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundaryViolations, importCycles, importsOf, layerOf, longFunctions } from '../shared/source-tree';
import { root } from './helpers';

/** Every .ts and .astro file under src/, by its path relative to the project. */
function sourceFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const file = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(file);
      else if (/\.(ts|astro)$/.test(entry.name)) files.set(file, readFileSync(path.join(root, file), 'utf8'));
    }
  };
  walk('src');
  return files;
}

const tree = sourceFiles();

describe('the source tree', () => {
  it('has every file of src/ in a layer', () => {
    expect([...tree.keys()].filter((f) => layerOf(f) === null)).toEqual([]);
  });

  it('keeps each layer to what it may import', () => {
    expect(importsOf(tree).length).toBeGreaterThan(100);
    expect(boundaryViolations(tree)).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(importCycles(tree)).toEqual([]);
  });

  it('has no function over 80 lines', () => {
    expect(longFunctions(tree, 80)).toEqual([]);
  });
});

describe('the rules, on a tree that breaks them', () => {
  const bad = new Map([
    ['src/search/engine.ts', "import { readFile } from 'node:fs/promises';\nimport { enrich } from '../build/05-enrich/enrich';"],
    ['src/scripts/page.ts', "import type { Site } from '../build/05-enrich/site';\nimport zlib from 'zlib';"],
    ['src/render/nav.ts', "import { writeContent } from '../build/07-content/write-content';"],
    ['src/components/X.astro', "---\nimport { readFileSync } from 'node:fs';\nimport { links } from '../build/06-analysis/links';\n---\n<p/>\n<script>\n  import { gunzipSync } from 'node:zlib';\n</script>"],
    ['src/model/unit.ts', "import { sentences } from '../text/sentences';\nexport const a = () => import('../build/pipeline');"],
    ['src/text/sentences.ts', "import { unitKinds } from '../model/unit';"],
    ['src/build/a.ts', "import { b } from './b';"],
    ['src/build/b.ts', "export { a } from './a';"],
    ['src/build/05-enrich/enrich.ts', ''],
    ['src/build/05-enrich/site.ts', ''],
    ['src/build/07-content/write-content.ts', ''],
    ['src/build/06-analysis/links.ts', ''],
    ['src/build/pipeline.ts', ''],
  ]);

  it('names each import across a boundary and each Node built-in in browser code', () => {
    const problems = boundaryViolations(bad);
    const expected = [
      /^src\/search\/engine\.ts: search code imports the Node built-in node:fs\/promises$/,
      /^src\/search\/engine\.ts: search code imports \.\.\/build\/05-enrich\/enrich \(build\)/,
      /^src\/scripts\/page\.ts: browser code imports \.\.\/build\/05-enrich\/site \(build\)/,
      /^src\/scripts\/page\.ts: browser code imports the Node built-in zlib$/,
      /^src\/render\/nav\.ts: render code imports \.\.\/build\/07-content\/write-content \(build\)/,
      /^src\/components\/X\.astro: render code imports \.\.\/build\/06-analysis\/links \(build\)/,
      /^src\/components\/X\.astro: browser code imports the Node built-in node:zlib$/,
      /^src\/model\/unit\.ts: model code imports \.\.\/build\/pipeline \(build\)/,
      /^src\/text\/sentences\.ts: text code imports \.\.\/model\/unit \(model\)/,
    ];
    for (const pattern of expected) expect(problems.some((p) => pattern.test(p)), `${pattern}\n${problems.join('\n')}`).toBe(true);
    expect(problems).toHaveLength(expected.length);
  });

  it('finds two modules that import each other', () => {
    expect(importCycles(bad)).toEqual([
      ['src/build/a.ts', 'src/build/b.ts'],
      ['src/model/unit.ts', 'src/text/sentences.ts'],
    ]);
  });

  it('finds a function over the limit', () => {
    const long = `export function long(): number {\n${'  let x = 1;\n'.repeat(80)}  return 1;\n}\nexport const short = () => 1;\n`;
    expect(longFunctions(new Map([['src/build/long.ts', long]]), 80)).toEqual(['src/build/long.ts:1 long (83 lines)']);
  });
});
