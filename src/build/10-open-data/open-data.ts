// Step 10, open data: dist/data/ — the units as clauses.json and clauses.csv, the targets as
// targets.json and targets.csv, the actors as actors.json, and the 任务分解 (departments-data.ts).
// The contracts are in docs/contracts.md.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ActorContent } from '../../model/actor';
import { indicatorUrl, type TargetRecord } from '../../model/target';
import type { Unit } from '../../model/unit';
import type { ReferenceData } from '../07-content/write-content';
import { csv } from './csv';
import { departmentFiles } from './departments-data';

export interface ClauseRecord {
  id: string;
  url: string;
  planTitle: string | null;
  domain: string | null;
  kind: string;
  number: number | null;
  label: string;
  title: string | null;
  /** Goals and measures: a short title made only of characters of its own text. */
  shortTitle?: string;
  text: string;
  /** The absolute URL 复制链接 copies. */
  permalink: string;
  /** Exactly what 复制引用 copies (model/citation.ts). */
  citation: string;
  docNumber: string | null;
  source: { file: string; line: number; endLine: number } | null;
  relatedMeasures?: string[];
  relatedGoals?: string[];
}

export function clauseRecords(units: readonly Unit[]): ClauseRecord[] {
  return units.map((u) => ({
    id: u.id,
    url: u.url,
    planTitle: u.planTitle,
    domain: u.domain,
    kind: u.kind,
    number: u.number,
    label: u.label,
    title: u.title,
    ...(u.shortTitle === null ? {} : { shortTitle: u.shortTitle }),
    text: u.text,
    permalink: u.permalink,
    citation: u.citation,
    docNumber: u.docNumber,
    source: u.position.type === 'source' ? { file: u.position.file, line: u.position.line, endLine: u.position.endLine } : null,
    ...(u.kind === 'goal' ? { relatedMeasures: [...u.relatedMeasures] } : {}),
    ...(u.kind === 'measure' ? { relatedGoals: [...u.relatedGoals] } : {}),
  }));
}

const csvColumns = ['id', 'url', 'planTitle', 'domain', 'kind', 'number', 'label', 'title', 'text', 'citation', 'shortTitle'] as const;

export function clausesCsv(records: readonly ClauseRecord[]): string {
  return csv(csvColumns, records);
}

/** dist/data/targets.json: one entry per quantified target (docs/contracts.md). */
export interface TargetExport {
  clauseId: string;
  indicator: string;
  value: number;
  unit: string;
  comparator: string;
  url: string;
  planTitle: string;
  domain: string;
  text: string;
  /** The year the target is set for (its plan's last year), or null. */
  year: number | null;
  /** Its document: the 文号, or the slug when it has none. */
  document: string;
  /** The key the indicator is matched by across plans and documents (model/target.ts indicatorKey). */
  indicatorKey: string;
  /** The indicator's page, every document and plan that sets it: /targets/<slug>/ (model/target.ts indicatorUrl). */
  indicatorUrl: string;
}

export function targetRecords(targets: readonly TargetRecord[]): TargetExport[] {
  return targets.map((t) => ({ clauseId: t.clauseId, indicator: t.indicator, value: t.value, unit: t.unit, comparator: t.comparator, url: t.url, planTitle: t.planTitle, domain: t.domain, text: t.text, year: t.year, document: t.docNumber ?? t.docSlug, indicatorKey: t.indicatorKey, indicatorUrl: indicatorUrl(t.indicatorSlug) }));
}

export function targetsCsv(records: readonly TargetExport[]): string {
  return csv(['clauseId', 'document', 'planTitle', 'domain', 'indicator', 'indicatorKey', 'comparator', 'value', 'unit', 'year', 'url', 'text', 'indicatorUrl'], records);
}

/** dist/data/actors.json: one entry per responsible body (docs/contracts.md). */
export function actorRecords(actors: readonly ActorContent[]): { name: string; aliases: string[]; clauseIds: string[]; url: string; group: string }[] {
  return actors.map((a) => ({ name: a.name, aliases: [...a.aliases], clauseIds: [...a.clauseIds], url: `/actors/${a.slug}/`, group: a.group }));
}

/** Write dist/data/ into `outDir`. */
export async function writeOpenData(units: readonly Unit[], reference: ReferenceData, outDir: string): Promise<void> {
  const records = clauseRecords(units);
  await mkdir(path.join(outDir, 'data'), { recursive: true });
  await writeFile(path.join(outDir, 'data/clauses.json'), `${JSON.stringify(records, null, 2)}\n`);
  await writeFile(path.join(outDir, 'data/clauses.csv'), clausesCsv(records));
  const targets = targetRecords(reference.targets.targets);
  await writeFile(path.join(outDir, 'data/targets.json'), `${JSON.stringify(targets, null, 2)}\n`);
  await writeFile(path.join(outDir, 'data/targets.csv'), targetsCsv(targets));
  await writeFile(path.join(outDir, 'data/actors.json'), `${JSON.stringify(actorRecords(reference.actors.actors), null, 2)}\n`);
  await mkdir(path.join(outDir, 'data/departments'), { recursive: true });
  for (const [file, body] of await departmentFiles(reference.departments, units)) await writeFile(path.join(outDir, 'data', file), body);
}
