// The build's command line: tsx scripts/build.ts [--seeds seeds]… [--out dist] [--content content].
// --seeds may be given more than once: the documents of every folder make one library.
// The steps are src/build/pipeline.ts; this file reads the options, runs them and reports.
// SITE_URL sets the site's public address (README, "SITE_URL").
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PlanError } from '../src/build/errors';
import { build, summary } from '../src/build/pipeline';
import { assumedOrigin, siteUrl, SiteUrlError } from '../src/model/ids';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seeds: { type: 'string', multiple: true, default: ['seeds'] },
      out: { type: 'string', default: 'dist' },
      content: { type: 'string', default: 'content' },
    },
  });
  const outDir = path.resolve(values.out);
  const site = siteUrl(process.env);
  const report = await build({
    root: path.resolve(import.meta.dirname, '..'),
    seedsDirs: values.seeds.map((dir) => path.resolve(dir)),
    contentDir: path.resolve(values.content),
    outDir,
    siteUrl: site,
    // Each step as it ends, with its time; the long one (Astro) also as it starts.
    progress: ({ step, seconds, detail }) => {
      if (seconds === null) {
        if (step.startsWith('09')) console.log(`  ${step} …`);
        return;
      }
      console.log(`  ${step.padEnd(26)} ${seconds.toFixed(1).padStart(6)} s${detail === undefined ? '' : `  ${detail}`}`);
    },
  });
  const { search } = report;
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(summary(report));
  console.log(`Search index: ${search.records} Pagefind records; ${kb(search.indexBytes)} in ${search.chunks} index chunks (largest ${kb(search.largestChunk)}); units table ${kb(search.bytes)}.`);
  const assumed = assumedOrigin(process.env);
  if (assumed !== null) {
    console.log(`SITE_URL is not set: pages name no address of their own (no canonical link); each page puts the address it is served from in the citations and links it copies or prints. The data files and sitemap.xml name ${assumed}. Set SITE_URL (e.g. SITE_URL=https://plans.example.gov.cn/fuer/) to build for the public address.`);
  } else if (new URL(site).pathname !== '/') {
    console.log(`Built for ${site}: serve the contents of ${path.relative(process.cwd(), outDir) || '.'} at ${new URL(site).pathname} of that host (README, "Deploying").`);
  }
  console.log(`Built ${report.site.pages.length} pages into ${path.relative(process.cwd(), outDir) || '.'} in ${report.seconds.toFixed(1)} s.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof PlanError || error instanceof SiteUrlError ? `Build stopped: ${error.message}` : error);
  process.exitCode = 1;
});
