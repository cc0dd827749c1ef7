// Checks shared by the editor-maintained data files (src/data/glossary.json, src/data/actors.json):
// their loaders report what is wrong in words a person can act on.

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as an error message names it: "an array", "the string "x"", "number 3". */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

/**
 * The top level of a data file: an object holding one array under `key`, plus "$…" notes. Returns
 * the array, or reports through `fail`.
 */
export function topLevelList(json: unknown, key: string, fail: (where: string, what: string) => never): Record<string, unknown> & { list: unknown[] } {
  if (!isRecord(json)) return fail('top level', `expected an object with an "${key}" array, got ${describe(json)}`);
  for (const k of Object.keys(json)) {
    if (k !== key && !k.startsWith('$')) fail('top level', `unknown key ${JSON.stringify(k)} (allowed: "${key}" and "$…" notes)`);
  }
  const list = json[key];
  if (!Array.isArray(list)) return fail(`"${key}"`, `expected an array, got ${describe(list)}`);
  return { ...json, list };
}
