// Read seeds: every *.txt in the seeds folders, decoded, in slug order, with the metadata file
// beside it (<slug>.yaml, metadata.ts) when there is one. The file name (without .txt) is the
// document's slug, the first segment of every ID and URL it yields, so two folders may not both
// hold one slug.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { slugPattern } from '../../model/ids';
import { decode, type DecodedFile } from '../02-decode/decode';
import { PlanError } from '../errors';
import { readMetadata, type MetadataFile } from './metadata';

export interface Seed {
  readonly slug: string;
  readonly decoded: DecodedFile;
  readonly metadata: MetadataFile | null;
}

/** The seeds of several folders (the build's repeated --seeds): one library, each slug once. */
export async function readSeedFolders(dirs: readonly string[]): Promise<Seed[]> {
  const seeds = (await Promise.all(dirs.map((dir) => readSeeds(dir)))).flat();
  const seen = new Map<string, Seed>();
  for (const seed of seeds) {
    const first = seen.get(seed.slug);
    if (first !== undefined) {
      throw new PlanError('duplicate-document', { file: seed.decoded.file, line: null }, `a file name of its own (it becomes the URL; ${first.decoded.file} is ${seed.slug} already)`, JSON.stringify(`${seed.slug}.txt`));
    }
    seen.set(seed.slug, seed);
  }
  return seeds.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

export async function readSeeds(dir: string): Promise<Seed[]> {
  const files = await readdir(dir);
  const names = files.filter((n) => n.endsWith('.txt')).sort();
  if (names.length === 0) throw new PlanError('seeds', { file: dir, line: null }, 'at least one *.txt plan document', 'none');
  const shownDir = path.relative(process.cwd(), dir) || '.';
  for (const orphan of files.filter((n) => n.endsWith('.yaml') && !names.includes(`${n.slice(0, -'.yaml'.length)}.txt`))) {
    throw new PlanError('metadata', { file: path.join(shownDir, orphan), line: null }, `the seed it describes beside it (${orphan.slice(0, -'.yaml'.length)}.txt)`, 'no such file');
  }
  return Promise.all(
    names.map(async (name) => {
      const slug = name.slice(0, -'.txt'.length);
      const file = path.join(shownDir, name);
      if (!slugPattern.test(slug)) {
        throw new PlanError('seeds', { file, line: null }, 'a file name of lower-case letters, digits and hyphens (it becomes the URL), e.g. luozheng-2022-62.txt', JSON.stringify(name));
      }
      return { slug, decoded: decode(file, await readFile(path.join(dir, name))), metadata: await readMetadata(dir, slug, shownDir) };
    }),
  );
}
