// Step 11, publish: the staged site (Astro's pages, then the search index and the open data moved
// and written into it) swapped in for the old one, so a failed build leaves the old site in place.
import { cp, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** Rename a folder, or copy it where it cannot be renamed (another file system). */
export async function move(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
    await rm(from, { recursive: true, force: true });
  }
}

/** Move every file under `from` to the same place under `to` (whose folders may already exist). */
export async function moveInto(from: string, to: string): Promise<void> {
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory() && (await stat(target).catch(() => null))?.isDirectory() === true) await moveInto(source, target);
    else await rename(source, target);
  }
}

/** Swap the freshly built site in for the old one. */
export async function publish(staging: string, outDir: string): Promise<void> {
  const old = `${outDir}.old`;
  await rm(old, { recursive: true, force: true });
  await rename(outDir, old).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
  });
  await rename(staging, outDir);
  await rm(old, { recursive: true, force: true });
}
