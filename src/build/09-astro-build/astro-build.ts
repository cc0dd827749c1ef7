// Step 9, Astro: the content folder rendered into a folder of HTML, through Astro's Node API.
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { contentDirVariable, pagesVariable } from '../../model/content-files';
import { move } from '../11-publish/publish';
import { astroCacheDir } from './astro-cache';

/**
 * Astro build of the content folder into `outDir`, from the project at `root`. Astro always builds
 * inside the working directory: given an outDir outside it, Astro renders by way of <cwd>/.astro,
 * which is also its own scratch folder, and copies that folder whole into outDir, so its
 * content-modules.mjs (whose lines come in no fixed order), content-assets.mjs and collections/
 * would be published with the site (withastro/astro#14903).
 */
export async function astroBuild(root: string, contentDir: string, outDir: string, pages: number): Promise<void> {
  process.env[contentDirVariable] = contentDir;
  // The generated pages say how far the rendering has got (render-progress.ts).
  process.env[pagesVariable] = String(pages);
  process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
  const { build } = await import('astro');
  await rm(outDir, { recursive: true, force: true });
  const astroOut = isInside(outDir, process.cwd()) ? outDir : await mkdtemp(path.join(process.cwd(), '.plan-astro-build-'));
  try {
    await build({
      root,
      outDir: astroOut,
      // One cache per content folder, so a build never reads another folder's entries.
      cacheDir: astroCacheDir(root, contentDir),
      logLevel: 'warn',
    });
    if (astroOut !== outDir) await move(astroOut, outDir);
  } finally {
    if (astroOut !== outDir) await rm(astroOut, { recursive: true, force: true });
  }
}

function isInside(dir: string, parent: string): boolean {
  const relative = path.relative(parent, dir);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
