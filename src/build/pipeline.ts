// The build, top to bottom: one step per folder of src/build/, in the order they run.
//
//   01-seeds      read every seeds/*.txt           02-decode     bytes → lines (UTF-8 or GBK)
//   03-parse      lines → the document model        04-fidelity   every character in one unit
//   05-enrich     units and pages, IDs and URLs     06-analysis   links, targets, actors, departments
//   07-content    MDX pages and their data          08-search-index  Pagefind index, search files
//   09-astro-build  content → HTML                  10-open-data  dist/data/*.json, *.csv
//   11-publish    the new site swapped in
//
// A problem in a seed stops the build with file:line before anything is written; a failure after
// that leaves the previous site in place, because the new one is built beside it and swapped in.
import { rm } from 'node:fs/promises';
import { domainsOf } from '../model/document';
import { checkDistinctDocuments, withMetadata } from './01-seeds/metadata';
import { readSeedFolders } from './01-seeds/read-seeds';
import { parse } from './03-parse/parse';
import { checkFidelity, type FidelityReport } from './04-fidelity/check-fidelity';
import { enrich } from './05-enrich/enrich';
import type { Site } from './05-enrich/site';
import { actorsContent } from './06-analysis/actors';
import { lexicon } from './06-analysis/actor-lexicon';
import { assignDepartments } from './06-analysis/assign-departments';
import { departments } from './06-analysis/department-lexicon';
import { overrides } from './06-analysis/department-overrides';
import { departmentsContent } from './06-analysis/departments-content';
import { topics, topicsContent } from './06-analysis/topics';
import { targetsJson } from './06-analysis/extract-targets';
import { writeContent, type ReferenceData } from './07-content/write-content';
import { writeSearchIndex, type SearchIndexSummary } from './08-search-index/write-search-index';
import { astroBuild } from './09-astro-build/astro-build';
import { writeOpenData } from './10-open-data/open-data';
import { moveInto, publish } from './11-publish/publish';

export interface BuildOptions {
  /** The project (astro.config.ts, src/). */
  readonly root: string;
  /** The folders of seed documents (one library; a slug may appear in only one). */
  readonly seedsDirs: readonly string[];
  readonly contentDir: string;
  readonly outDir: string;
  /** The site's public address (model/ids.ts `siteUrl`). */
  readonly siteUrl: string;
  /** Told as each step starts and ends, so a long build never passes in silence (scripts/build.ts prints it). */
  readonly progress?: (event: StepEvent) => void;
}

/** A step of the build starting (seconds null) or done (with its seconds and what it made). */
export interface StepEvent {
  readonly step: string;
  readonly seconds: number | null;
  readonly detail?: string;
}

export interface BuildReport {
  readonly site: Site;
  readonly fidelity: readonly FidelityReport[];
  readonly search: SearchIndexSummary;
  readonly seconds: number;
}

/** Build the site from the seeds; see the steps above. */
export async function build(options: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const step = timer(options.progress);
  const seeds = await step('01 read seeds', () => readSeedFolders(options.seedsDirs), (s) => `${s.length} file(s)`); // 01, 02
  const docs = await step('03 parse', () => seeds.map((s) => withMetadata(parse(s.decoded, s.slug), s.metadata))); // 03, with the metadata file (01)
  checkDistinctDocuments(docs);
  const fidelity = await step('04 fidelity', () => seeds.map((s, i) => checkFidelity(s.decoded, docs[i] ?? unreachable()))); // 04
  const site = await step('05 enrich', () => enrich(docs, options.siteUrl), (s) => `${s.units.length} units, ${s.pages.length} pages`); // 05 (and 06: cross-links)
  const reference = await step('06 analysis', (): ReferenceData => {
    const assignments = assignDepartments(site.units, departments, overrides); // the 任务分解
    return {
      actors: actorsContent(site.units, lexicon),
      departments: departmentsContent(site.units, departments, assignments),
      targets: targetsJson(site.units),
      topics: { topics: topicsContent(site.units, topics) },
    };
  }); // 06
  await step('07 content', () => writeContent(site, reference, options.contentDir)); // 07
  const staging = `${options.outDir}.staging`;
  const searchDir = `${options.outDir}.search`;
  await rm(searchDir, { recursive: true, force: true });
  try {
    // The index first, so that the search page can preload its files.
    const search = await step('08 search index', () => writeSearchIndex(site, reference.departments, searchDir)); // 08
    await step(`09 astro (${site.pages.length} pages)`, () => astroBuild(options.root, options.contentDir, staging, site.pages.length)); // 09
    await step('10 open data', () => writeOpenData(site.units, reference, staging)); // 10
    await step('11 publish', async () => {
      await moveInto(searchDir, staging);
      await publish(staging, options.outDir);
    }); // 11
    return { site, fidelity, search, seconds: (performance.now() - started) / 1000 };
  } finally {
    await rm(searchDir, { recursive: true, force: true });
  }
}

/** Runs a step, telling `progress` when it starts and how long it took. */
function timer(progress: BuildOptions['progress']) {
  return async <T>(name: string, run: () => T | Promise<T>, detail?: (result: T) => string): Promise<T> => {
    progress?.({ step: name, seconds: null });
    const start = performance.now();
    const result = await run();
    progress?.({ step: name, seconds: (performance.now() - start) / 1000, ...(detail === undefined ? {} : { detail: detail(result) }) });
    return result;
  };
}

function unreachable(): never {
  throw new Error('unreachable');
}

/** One line: what the seeds hold, and how much of them the model accounts for. */
export function summary(report: BuildReport): string {
  const { site, fidelity } = report;
  const plans = site.docs.reduce((s, d) => s + d.plans.length, 0);
  const domains = site.docs.reduce((s, d) => s + d.plans.reduce((t, p) => t + domainsOf(p).length, 0), 0);
  const count = (kind: string) => site.units.filter((u) => u.kind === kind).length;
  const lines = fidelity.reduce((s, f) => s + f.lines, 0);
  const characters = fidelity.reduce((s, f) => s + f.characters, 0);
  return `${site.docs.length} document(s): ${plans} plans, ${domains} domains, ${count('goal')} goals, ${count('measure')} measures, ${site.units.length} units; fidelity: ${lines} lines, ${characters}/${characters} characters each in exactly one unit.`;
}
