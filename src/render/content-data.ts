// The data files the build writes beside the MDX pages (content/actors.json, departments.json, targets.json),
// read at build time by the /actors/ and /targets/ pages and the sitemap. A missing or malformed
// file stops the build with what to do: these files come from `npm run build`, not by hand.
import type { TopicContent } from '../model/topic';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ActorsContent } from '../model/actor';
import type { DepartmentsContent } from '../model/department';
import { contentDataFiles, contentDir } from '../model/content-files';
import type { TargetRecord } from '../model/target';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every value inside `value` frozen: the parsed files are shared by every page of a build, so a page that sorted one in place would change the others' (it throws instead). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

const parsed = new Map<string, unknown>();

/** A data file, parsed once per build (afresh each time in dev, where a rebuild rewrites them): a page that read it again would make the build's work grow with pages × file size. */
function read(name: string): unknown {
  const file = path.join(contentDir(process.env), name);
  if (import.meta.env.PROD && parsed.has(file)) return parsed.get(file);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read ${file}: ${String(error)}. It is written by scripts/build.ts from the seeds; run \`npm run build\`.`);
  }
  if (import.meta.env.PROD) parsed.set(file, deepFreeze(data));
  return data;
}

/** The responsibilities index (build/06-analysis/actors.ts, actorsContent). */
export function readActors(): ActorsContent {
  const data = read(contentDataFiles.actors);
  if (!isRecord(data) || !Array.isArray(data['actors']) || !Array.isArray(data['division'])) {
    throw new Error('content/actors.json is not { actors: [...], division: [...] }; rebuild with `npm run build`.');
  }
  return data as unknown as ActorsContent;
}

function isTarget(x: unknown): x is TargetRecord {
  return (
    isRecord(x) &&
    ['clauseId', 'indicator', 'unit', 'comparator', 'text', 'url', 'planTitle', 'domain', 'label', 'indicatorKey', 'indicatorSlug'].every((k) => typeof x[k] === 'string') &&
    typeof x['value'] === 'number'
  );
}

/** Every quantified target (build/06-analysis/extract-targets.ts, targetsJson). */
export function readTargets(): TargetRecord[] {
  const data = read(contentDataFiles.targets);
  const targets = isRecord(data) ? data['targets'] : undefined;
  if (!Array.isArray(targets) || !targets.every(isTarget)) {
    throw new Error('content/targets.json is not { targets: TargetRecord[] }; rebuild with `npm run build`.');
  }
  return targets;
}

/** The 任务分解 (build/06-analysis/departments-content.ts). */
export function readDepartments(): DepartmentsContent {
  const data = read(contentDataFiles.departments);
  if (!isRecord(data) || !Array.isArray(data['departments']) || !Array.isArray(data['breakdown'])) {
    throw new Error('content/departments.json is not { departments: [...], breakdown: [...] }; rebuild with `npm run build`.');
  }
  return data as unknown as DepartmentsContent;
}

/** The everyday topics and their clauses (build/06-analysis/topics.ts). */
export function readTopics(): TopicContent[] {
  const data = read(contentDataFiles.topics);
  const topics = isRecord(data) ? data['topics'] : undefined;
  if (!Array.isArray(topics)) throw new Error('content/topics.json is not { topics: TopicContent[] }; rebuild with `npm run build`.');
  return topics as TopicContent[];
}
