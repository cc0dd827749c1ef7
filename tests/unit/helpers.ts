// Shared by the unit tests: the real seed, and ways to read a fixture the way the build does.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decode } from '../../src/build/02-decode/decode';
import { parse } from '../../src/build/03-parse/parse';
import { PlanError } from '../../src/build/errors';
import { partsOf, type Document, type Part, type PartOf, type Plan } from '../../src/model/document';

export const root = path.resolve(import.meta.dirname, '../..');
export const seedFile = 'seeds/luozheng-2022-62.txt';
export const seedBytes = readFileSync(path.join(root, seedFile));
export const seedText = seedBytes.toString('utf8');
export const seedLines = seedText.split('\n');

export function parseText(text: string, file = 'test.txt'): Document {
  return parseBytes(new TextEncoder().encode(text), file);
}

export function parseBytes(bytes: Uint8Array, file = 'test.txt'): Document {
  return parse(decode(file, bytes), 'test');
}

/** The 1-based number of the first seed line that starts with `prefix`. */
export function seedLineOf(prefix: string, after = 0): number {
  const i = seedLines.findIndex((l, k) => k >= after && l.trimStart().startsWith(prefix));
  if (i === -1) throw new Error(`No seed line starts with ${prefix}`);
  return i + 1;
}

/** The seed with line `n` (1-based) replaced by `replacement` (or removed when null). */
export function seedWithLine(n: number, replacement: string | null): string {
  const lines = [...seedLines];
  if (replacement === null) lines.splice(n - 1, 1);
  else lines[n - 1] = replacement;
  return lines.join('\n');
}

/** The PlanError `run` throws (a test fails when it throws none, or something else). */
export function planError(run: () => unknown): PlanError {
  try {
    run();
  } catch (error) {
    if (error instanceof PlanError) return error;
    throw error;
  }
  throw new Error('expected a PlanError');
}

/** The plan's one part of this role (a test fails when it has none). */
export function partOf<R extends Part['role']>(plan: Plan | undefined, role: R): PartOf<R> {
  const [part] = plan === undefined ? [] : partsOf(plan, role);
  if (part === undefined) throw new Error(`no ${role} part`);
  return part;
}
