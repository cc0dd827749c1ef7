// The source tree as the architecture test reads it (tests/unit/architecture.test.ts): each file's
// layer, what it imports, which layer may import which, cycles, and long functions. The rules are
// docs/architecture.md's, "Layers and their rule". Test-only code.
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

/** Where code runs and what it is for, by folder of src/. */
export type Layer = 'model' | 'text' | 'build' | 'search' | 'browser' | 'render' | 'data' | 'styles';

/** Which layers each layer may import (itself included). */
export const allowed: Record<Layer, readonly Layer[]> = {
  model: ['model', 'text'],
  text: ['text', 'data'],
  build: ['build', 'model', 'text', 'search', 'data'],
  search: ['search', 'model', 'text'],
  browser: ['browser', 'search', 'model', 'text'],
  render: ['render', 'model', 'text', 'styles', 'browser'],
  data: [],
  styles: ['styles'],
};

/** Layers whose code runs in the browser (or anywhere): no Node built-ins. */
export const noNodeBuiltins: readonly Layer[] = ['model', 'text', 'search', 'browser'];

/** The layer of a file, by its path relative to the project (`src/search/engine.ts`); null outside src/. */
export function layerOf(file: string): Layer | null {
  const [top, folder] = file.split('/');
  if (top !== 'src' || folder === undefined) return null;
  if (folder === 'content.config.ts') return 'render';
  const byFolder: Record<string, Layer> = {
    model: 'model', text: 'text', build: 'build', search: 'search', scripts: 'browser',
    render: 'render', components: 'render', layouts: 'render', pages: 'render', data: 'data', styles: 'styles',
  };
  return byFolder[folder] ?? null;
}

/** One import of one part of a file: the code (a .ts file, an .astro file's frontmatter or one of its <script>s) and what it names. */
export interface Import {
  readonly file: string;
  /** The layer of the code that imports: an .astro file's <script> is browser code. */
  readonly layer: Layer;
  readonly specifier: string;
  /** The file it names, relative to the project, when it is one of the project's. */
  readonly target: string | null;
}

/** The code of a file in parts by where it runs: a .ts file whole; an .astro file's frontmatter, then each bundled <script>. */
function parts(file: string, text: string, layer: Layer): { layer: Layer; code: string }[] {
  if (!file.endsWith('.astro')) return [{ layer, code: text }];
  const frontmatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script(?![^>]*\bis:inline)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
  return [{ layer, code: frontmatter }, ...scripts.map((code) => ({ layer: 'browser' as const, code }))];
}

/** Every module specifier a piece of code imports (static, type-only, re-exports and dynamic import('…')). */
export function specifiersOf(code: string): string[] {
  return ts.preProcessFile(code, true, true).importedFiles.map((f) => f.fileName);
}

/** The project file a relative specifier names, if `files` has it. */
function resolve(from: string, specifier: string, files: ReadonlySet<string>): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  for (const candidate of [base, `${base}.ts`, `${base}/index.ts`]) if (files.has(candidate)) return candidate;
  return null;
}

/** Every import of every file (`files`: path relative to the project → text). */
export function importsOf(files: ReadonlyMap<string, string>): Import[] {
  const names = new Set(files.keys());
  const out: Import[] = [];
  for (const [file, text] of files) {
    const layer = layerOf(file);
    if (layer === null) continue;
    for (const part of parts(file, text, layer)) {
      for (const specifier of specifiersOf(part.code)) out.push({ file, layer: part.layer, specifier, target: resolve(file, specifier, names) });
    }
  }
  return out;
}

export function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0] ?? '');
}

/** What breaks the layers' rule, one line each: `file: … imports x (…)`. */
export function boundaryViolations(files: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const i of importsOf(files)) {
    if (isNodeBuiltin(i.specifier)) {
      if (noNodeBuiltins.includes(i.layer)) problems.push(`${i.file}: ${i.layer} code imports the Node built-in ${i.specifier}`);
      continue;
    }
    if (!i.specifier.startsWith('.')) continue; // a package
    const target = i.target ?? path.posix.normalize(path.posix.join(path.posix.dirname(i.file), i.specifier));
    if (i.target === null && !/\.(css|json|svg|png)$/.test(i.specifier)) problems.push(`${i.file}: imports ${i.specifier}, which is no file of the project`);
    const to = layerOf(target);
    if (to !== null && !allowed[i.layer].includes(to)) {
      problems.push(`${i.file}: ${i.layer} code imports ${i.specifier} (${to}); ${i.layer} may import ${allowed[i.layer].join(', ')}`);
    }
  }
  return problems;
}

/** The import cycles among the project's files (strongly connected components of more than one file, or a file importing itself). */
export function importCycles(files: ReadonlyMap<string, string>): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const i of importsOf(files)) {
    if (i.target === null) continue;
    const set = edges.get(i.file) ?? new Set<string>();
    set.add(i.target);
    edges.set(i.file, set);
  }
  // Tarjan's algorithm.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string | undefined;
    do {
      w = stack.pop();
      if (w === undefined) break;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || edges.get(v)?.has(v) === true) cycles.push(component.sort());
  };
  for (const v of [...files.keys()].sort()) if (!index.has(v)) connect(v);
  return cycles;
}

/** Functions (declarations, methods, arrows, expressions) longer than `max` lines: `file:line name (n lines)`. */
export function longFunctions(files: ReadonlyMap<string, string>, max: number): string[] {
  const out: string[] = [];
  for (const [file, text] of files) {
    if (!file.endsWith('.ts')) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
        const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
        const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        const lines = end - start + 1;
        if (lines > max) out.push(`${file}:${start + 1} ${nameOf(node)} (${lines} lines)`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

function nameOf(node: ts.Node): string {
  const named = node as { name?: ts.Node };
  if (named.name !== undefined) return named.name.getText();
  const parent = node.parent as ts.Node | undefined;
  if (parent !== undefined && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent))) return parent.name.getText();
  return '(anonymous)';
}
