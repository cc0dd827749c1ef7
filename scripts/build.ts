// The build, top to bottom: decode → parse → check fidelity → enrich → write content → search index
// → astro build → open data → publish. Usage: tsx scripts/build.ts [--seeds seeds] [--out dist] [--content content]
// A problem in a seed stops the build with file:line before anything is written; a failure after
// that leaves the previous dist/ in place, because the new site is built beside it and swapped in.
import { cp, mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkFidelity } from '../src/lib/fidelity';
import { PlanError } from '../src/lib/errors';
import { actorRecords, clauseRecords, clausesCsv, targetRecords, targetsCsv } from '../src/lib/open-data';
import { actorsContent, loadLexicon, type ActorsContent } from '../src/lib/actors';
import { targetsJson, type TargetRecord } from '../src/lib/targets';
import { parse } from '../src/lib/parse';
import { readSeeds } from '../src/lib/seeds';
import { enrich, type Site } from '../src/lib/site';
import { writeContent } from '../src/lib/write-content';
import { buildSearchIndex } from '../src/lib/search-index';
import { astroCacheDir } from './astro-cache';

const root = path.resolve(import.meta.dirname, '..');
process.env['ASTRO_TELEMETRY_DISABLED'] = '1';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seeds: { type: 'string', default: 'seeds' },
      out: { type: 'string', default: 'dist' },
      content: { type: 'string', default: 'content' },
    },
  });
  const seedsDir = path.resolve(values.seeds);
  const outDir = path.resolve(values.out);
  const contentDir = path.resolve(values.content);
  const siteUrl = process.env['SITE_URL'] ?? 'http://127.0.0.1:4321';
  const started = performance.now();

  const seeds = await readSeeds(seedsDir); // decode
  const docs = seeds.map((s) => parse(s.decoded, s.slug)); // parse
  const fidelity = seeds.map((s, i) => checkFidelity(s.decoded, docs[i] ?? never())); // fidelity
  const site = enrich(docs, siteUrl); // enrich: IDs, URLs, citations, navigation, cross-links
  const lexicon = loadLexicon(JSON.parse(await readFile(path.join(root, 'src/data/actors.json'), 'utf8')));
  const reference = { actors: actorsContent(site.units, lexicon), targets: targetsJson(site.units) }; // responsibilities, targets
  await writeContent(site, contentDir); // write content
  await writeReference(reference, contentDir); // data for the /actors/ and /targets/ pages
  const staging = `${outDir}.staging`;
  const searchDir = `${outDir}.search`;
  await rm(searchDir, { recursive: true, force: true });
  const search = await buildSearchIndex(site, searchDir); // search index
  await buildSite(contentDir, staging); // astro build
  await writeData(site, reference, staging); // open data
  await moveInto(searchDir, staging);
  await rm(searchDir, { recursive: true, force: true });
  await publish(staging, outDir); // publish

  console.log(summary(site, fidelity, seeds.length));
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`Search index: ${search.records} Pagefind records; ${kb(search.indexBytes)} in ${search.chunks} index chunks (largest ${kb(search.largestChunk)}); units table ${kb(search.bytes)}.`);
  console.log(`Built ${site.pages.length} pages into ${path.relative(process.cwd(), outDir) || '.'} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

function never(): never {
  throw new Error('unreachable');
}

/**
 * Astro build of the content folder into `outDir`, through Astro's Node API. Astro always builds
 * inside the working directory: given an outDir outside it, Astro renders by way of <cwd>/.astro,
 * which is also its own scratch folder, and copies that folder whole into outDir, so its
 * content-modules.mjs (whose lines come in no fixed order), content-assets.mjs and collections/
 * would be published with the site (withastro/astro#14903).
 */
async function buildSite(contentDir: string, outDir: string): Promise<void> {
  process.env['PLAN_CONTENT_DIR'] = contentDir;
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

/** Rename a folder, or copy it where it cannot be renamed (another file system). */
async function move(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
    await rm(from, { recursive: true, force: true });
  }
}

interface Reference {
  actors: ActorsContent;
  targets: { targets: TargetRecord[] };
}

/** content/actors.json and content/targets.json, read by src/pages/actors/ and src/pages/targets.astro. */
async function writeReference(reference: Reference, contentDir: string): Promise<void> {
  await writeFile(path.join(contentDir, 'actors.json'), JSON.stringify(reference.actors));
  await writeFile(path.join(contentDir, 'targets.json'), JSON.stringify(reference.targets));
}

/** dist/data/: clauses, targets and actors as JSON (contracts in DESIGN.md) and CSV. */
async function writeData(site: Site, reference: Reference, outDir: string): Promise<void> {
  const records = clauseRecords(site.units);
  await mkdir(path.join(outDir, 'data'), { recursive: true });
  await writeFile(path.join(outDir, 'data/clauses.json'), `${JSON.stringify(records, null, 2)}\n`);
  await writeFile(path.join(outDir, 'data/clauses.csv'), clausesCsv(records));
  const targets = targetRecords(reference.targets.targets);
  await writeFile(path.join(outDir, 'data/targets.json'), `${JSON.stringify(targets, null, 2)}\n`);
  await writeFile(path.join(outDir, 'data/targets.csv'), targetsCsv(targets));
  await writeFile(path.join(outDir, 'data/actors.json'), `${JSON.stringify(actorRecords(reference.actors.actors), null, 2)}\n`);
}

/** Move every file under `from` to the same place under `to` (whose folders may already exist). */
async function moveInto(from: string, to: string): Promise<void> {
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory() && (await stat(target).catch(() => null))?.isDirectory() === true) await moveInto(source, target);
    else await rename(source, target);
  }
}

/** Swap the freshly built site in for the old one. */
async function publish(staging: string, outDir: string): Promise<void> {
  const old = `${outDir}.old`;
  await rm(old, { recursive: true, force: true });
  await rename(outDir, old).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
  });
  await rename(staging, outDir);
  await rm(old, { recursive: true, force: true });
}

/** One line: what the seeds hold, and how much of them the model accounts for. */
export function summary(site: Site, fidelity: readonly { lines: number; characters: number }[], files: number): string {
  const plans = site.docs.reduce((s, d) => s + d.plans.length, 0);
  const domains = site.docs.reduce((s, d) => s + d.plans.reduce((t, p) => t + p.parts[1].domains.length, 0), 0);
  const count = (kind: string) => site.units.filter((u) => u.kind === kind).length;
  const lines = fidelity.reduce((s, f) => s + f.lines, 0);
  const characters = fidelity.reduce((s, f) => s + f.characters, 0);
  return `${files} document(s): ${plans} plans, ${domains} domains, ${count('goal')} goals, ${count('measure')} measures, ${site.units.length} units; fidelity: ${lines} lines, ${characters}/${characters} characters each in exactly one unit.`;
}

main().catch((error: unknown) => {
  if (error instanceof PlanError) {
    console.error(`Build stopped: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
});
