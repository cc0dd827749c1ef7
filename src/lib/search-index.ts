// Index: every unit as a Pagefind record of character-bigram tokens (see search/tokens.ts), written
// into dist/pagefind/ with Pagefind's Node API, plus dist/search/units.json, which tells the search
// page, for each Pagefind result id, which unit it is, its kind, plan and domain, and how long its
// title is, so results can be ranked and filtered before any fragment is fetched.
import { readFile, readdir, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { normalize } from './search/variants';
import { glossary } from './search/site-glossary';
import { indexTokens, streamChars } from './search/tokens';
import type { Site, Unit } from './site';
import { unitKinds } from './site';

/** The language tag of the bigram index: not a natural language, so Pagefind applies no stemming. */
export const indexLanguage = 'zz';

/** One row per unit: [unit id, kind index, domain index (-1: none), title length in stream chars, plan index, label]. */
export type UnitRow = [string, number, number, number, number, string];

export interface UnitsTable {
  kinds: readonly string[];
  plans: string[];
  domains: { plan: number; name: string }[];
  /** Pagefind result id → row. */
  units: Record<string, UnitRow>;
}

/** How many characters of the unit's stream are its title (0 when the title is not its first sentence). */
function titleLength(unit: Unit): number {
  if (unit.title === null) return 0;
  const title = streamChars(normalize(unit.title));
  const text = streamChars(normalize(unit.text));
  return title.every((ch, i) => text[i] === ch) ? title.length : 0;
}

export async function buildSearchIndex(site: Site, outDir: string): Promise<{ records: number; bytes: number }> {
  const { index, errors } = await pagefind.createIndex({});
  if (index === undefined) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  for (const unit of site.units) {
    const added = await index.addCustomRecord({
      url: unit.url,
      content: indexTokens(streamChars(normalize(unit.text))).join(' '),
      language: indexLanguage,
      meta: { id: unit.id, title: unit.title ?? unit.label, text: unit.text },
    });
    if (added.errors.length > 0) throw new Error(`Pagefind refused ${unit.id}: ${added.errors.join('; ')}`);
  }
  const bundle = path.join(outDir, 'pagefind');
  const written = await index.writeFiles({ outputPath: bundle });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write ${bundle}: ${written.errors.join('; ')}`);
  await pagefind.close();

  // Plans and domains in document order; then each fragment (a Pagefind result id) mapped back to its unit.
  const plans: string[] = [];
  const domains: UnitsTable['domains'] = [];
  const rowOf = new Map<string, UnitRow>();
  for (const unit of site.units) {
    const plan = unit.planTitle ?? '';
    if (!plans.includes(plan)) plans.push(plan);
    const planIndex = plans.indexOf(plan);
    let domain = -1;
    if (unit.domain !== null) {
      domain = domains.findIndex((d) => d.plan === planIndex && d.name === unit.domain);
      if (domain === -1) domain = domains.push({ plan: planIndex, name: unit.domain }) - 1;
    }
    rowOf.set(unit.url, [unit.id, unitKinds.indexOf(unit.kind), domain, titleLength(unit), planIndex, unit.label]);
  }
  const order = new Map(site.units.map((u, i) => [u.url, i]));
  const found: [string, string][] = [];
  for (const file of (await readdir(path.join(bundle, 'fragment'))).filter((f) => f.endsWith('.pf_fragment'))) {
    const json = gunzipSync(await readFile(path.join(bundle, 'fragment', file))).toString('utf8').replace(/^pagefind_dcd/, '');
    const { url } = JSON.parse(json) as { url: string };
    if (!rowOf.has(url)) throw new Error(`Pagefind fragment ${file} has no unit (url ${url})`);
    found.push([file.replace(/\.pf_fragment$/, ''), url]);
  }
  if (found.length !== site.units.length) throw new Error(`Pagefind wrote ${found.length} fragments for ${site.units.length} units`);
  // Document order, so the table (and ties in ranking) read in the order of the plans.
  found.sort((a, b) => (order.get(a[1]) ?? 0) - (order.get(b[1]) ?? 0));
  const units: Record<string, UnitRow> = {};
  for (const [id, url] of found) {
    const row = rowOf.get(url);
    if (row !== undefined) units[id] = row;
  }
  const table: UnitsTable = { kinds: unitKinds, plans, domains, units };
  await mkdir(path.join(outDir, 'search'), { recursive: true });
  const body = JSON.stringify(table);
  await writeFile(path.join(outDir, 'search/units.json'), body);
  await writeFile(path.join(outDir, 'search/vocabulary.json'), JSON.stringify(vocabulary(site.units)));
  // The glossary, checked, for the search page to fetch alongside Pagefind rather than bundle.
  await writeFile(path.join(outDir, 'search/glossary.json'), JSON.stringify({ entries: glossary.entries.map((e) => ({ terms: e.terms })) }));
  return { records: found.length, bytes: body.length };
}

/**
 * Words for "did you mean": the words (by ICU's Chinese word segmentation) of two or more
 * characters that occur in at least two units, most frequent first, capped so the file stays
 * small. Fetched only when a query finds nothing.
 */
export function vocabulary(units: readonly Unit[], max = 3000): string[] {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const seen = new Map<string, Set<number>>();
  units.forEach((unit, i) => {
    for (const { segment, isWordLike } of segmenter.segment(normalize(unit.text))) {
      if (isWordLike !== true || [...segment].length < 2 || !/\p{Script=Han}/u.test(segment)) continue;
      let where = seen.get(segment);
      if (where === undefined) seen.set(segment, (where = new Set()));
      where.add(i);
    }
  });
  return [...seen]
    .filter(([, where]) => where.size >= 2)
    .sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1))
    .slice(0, max)
    .map(([word]) => word);
}
