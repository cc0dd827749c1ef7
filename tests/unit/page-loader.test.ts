// The pages' loader (src/render/page-loader.ts): which files of the content folder are pages, in
// what order, and the id each gets.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mdxFiles, pageEntryId } from '../../src/render/page-loader';

describe('mdxFiles', () => {
  it('lists the MDX files under the folder, sorted, and nothing else', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plan-page-loader-'));
    try {
      for (const file of ['b/p1/index.mdx', 'a/index.mdx', 'b/index.mdx', 'targets.json', 'b/p1/notes.md']) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), '');
      }
      expect(await mdxFiles(dir)).toEqual(['a/index.mdx', 'b/index.mdx', 'b/p1/index.mdx']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds none in a folder that does not exist (before the first build)', async () => {
    expect(await mdxFiles(path.join(tmpdir(), 'plan-page-loader-missing', 'content'))).toEqual([]);
  });
});

describe('pageEntryId', () => {
  it('is the path of the page without index.mdx', () => {
    expect(pageEntryId('luozheng-2022-62/p1/d1/index.mdx')).toBe('luozheng-2022-62/p1/d1');
    expect(pageEntryId('luozheng-2022-62/index.mdx')).toBe('luozheng-2022-62');
    expect(pageEntryId('page.mdx')).toBe('page');
    expect(pageEntryId('index.mdx')).toBe('index');
  });
});
