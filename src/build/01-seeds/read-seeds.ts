// Read seeds: every *.txt in the seeds folder, decoded, in file-name order. The file name (without
// .txt) is the document's slug, the first segment of every ID and URL it yields.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { slugPattern } from '../../model/ids';
import { decode, type DecodedFile } from '../02-decode/decode';
import { PlanError } from '../errors';

export interface Seed {
  readonly slug: string;
  readonly decoded: DecodedFile;
}

export async function readSeeds(dir: string): Promise<Seed[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort();
  if (names.length === 0) throw new PlanError('seeds', { file: dir, line: null }, 'at least one *.txt plan document', 'none');
  return Promise.all(
    names.map(async (name) => {
      const slug = name.slice(0, -'.txt'.length);
      const file = path.join(path.relative(process.cwd(), dir) || '.', name);
      if (!slugPattern.test(slug)) {
        throw new PlanError('seeds', { file, line: null }, 'a file name of lower-case letters, digits and hyphens (it becomes the URL), e.g. luozheng-2022-62.txt', JSON.stringify(name));
      }
      return { slug, decoded: decode(file, await readFile(path.join(dir, name))) };
    }),
  );
}
