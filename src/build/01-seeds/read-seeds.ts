// Read seeds: every *.txt in the seeds folder, decoded, in file-name order, with the metadata file
// beside it (<slug>.yaml, metadata.ts) when there is one. The file name (without .txt) is the
// document's slug, the first segment of every ID and URL it yields.
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
