// Generates src/data/t2s.json: the traditional/variant → simplified table that
// src/text/normalize.ts normalize() applies to index text and queries alike.
//
//   npx tsx scripts/make-t2s.ts           write src/data/t2s.json
//   npx tsx scripts/make-t2s.ts --check   exit 1 if the file is not what this script would write
//
// Source: the dictionaries of OpenCC (npm package opencc-js, a dev dependency; nothing of it
// ships to the browser). The table is kept small: only conversions whose result is a character
// (or phrase) that occurs in the corpus (seeds/*.txt plus src/data/glossary.json) are kept,
// because a query character that converts to something the corpus never uses cannot match anyway.
//
// Rules, all of them there to keep normalize() simple and safe:
// - Character entries map one code point to one code point of the same UTF-16 length, so
//   normalize() never changes the length.
// - A character that the corpus itself uses is never a key (著 stays 著: the plan writes 显著,
//   although OpenCC would make it 着), so normalize() leaves the corpus text unchanged.
// - A character that NFKC already changes (CJK compatibility ideographs) is not a key: normalize()
//   applies NFKC first.
// - Phrase entries (more than one character) are added only where character-level conversion does
//   not give the corpus wording (網路 → 网络, 資訊 → 信息): same length as their result, at least
//   one character of the key is a traditional character of the table, the result occurs in the
//   corpus and the character-converted key does not. normalize() matches phrase keys before it
//   converts characters, so a simplified query (资讯) is never rewritten, only a traditional one.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seedsDir = path.join(root, 'seeds');
const glossaryFile = path.join(root, 'src/data/glossary.json');
const outFile = path.join(root, 'src/data/t2s.json');

type DictLike = string | readonly (readonly [string, string])[];

/** Every (key, [values…]) pair of an OpenCC dictionary group list, whatever its shape. */
function* dictEntries(groups: readonly (readonly DictLike[])[]): Generator<[string, string[]]> {
  for (const group of groups) {
    for (const dict of group) {
      if (typeof dict === 'string') {
        for (const item of dict.split('|')) {
          const [key, ...values] = item.split(' ');
          if (key) yield [key, values.filter((v) => v !== '')];
        }
      } else {
        for (const [key, value] of dict) yield [key, value.split(' ').filter((v) => v !== '')];
      }
    }
  }
}

const codePoints = (s: string): string[] => Array.from(s);
const isHan = (ch: string): boolean => /^\p{Script=Han}$/u.test(ch);

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function corpusText(): Promise<string> {
  const names = (await readdir(seedsDir)).filter((n) => n.endsWith('.txt')).sort();
  if (names.length === 0) throw new Error(`make-t2s: no *.txt in ${seedsDir}`);
  const parts: string[] = [];
  for (const name of names) {
    const text = await readFile(path.join(seedsDir, name), 'utf8');
    if (text.includes('\uFFFD')) throw new Error(`make-t2s: ${name} is not valid UTF-8`);
    parts.push(text);
  }
  // Glossary terms count as corpus: a query term that converts to a glossary term must convert.
  const glossary: unknown = JSON.parse(await readFile(glossaryFile, 'utf8'));
  const entries = (glossary as { entries?: unknown }).entries;
  if (Array.isArray(entries)) {
    for (const entry of entries) {
      const terms = (entry as { terms?: unknown }).terms;
      if (Array.isArray(terms)) parts.push(terms.filter((t): t is string => typeof t === 'string').join('\n'));
    }
  }
  return parts.join('\n').normalize('NFKC').toLowerCase();
}

export async function buildTable(): Promise<Record<string, string>> {
  const corpus = await corpusText();
  const corpusChars = new Set(codePoints(corpus));

  const { from, to } = OpenCC.Locale;
  const pick = (table: Record<string, readonly (readonly DictLike[])[]>, name: string) => {
    const groups = table[name];
    if (!groups) throw new Error(`make-t2s: opencc-js has no ${name} dictionaries`);
    return groups;
  };
  // Character conversion: Taiwan and Hong Kong variant forms → OpenCC standard traditional → simplified.
  const twToCn = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const hkToCn = OpenCC.Converter({ from: 'hk', to: 'cn' });
  // Phrase conversion adds regional vocabulary (網路 → 网络) on top.
  const twpToCn = OpenCC.Converter({ from: 'twp', to: 'cn' });
  const hkpToCn = OpenCC.Converter({ from: 'hkp', to: 'cn' });

  // Candidate traditional / variant characters: every single character the dictionaries know.
  const candidates = new Set<string>();
  const phraseKeys: { key: string; family: 'tw' | 'hk' }[] = [];
  const families: [string, 'tw' | 'hk'][] = [['tw', 'tw'], ['twp', 'tw'], ['hk', 'hk'], ['hkp', 'hk']];
  for (const [name, family] of families) {
    for (const [key, values] of dictEntries(pick(from, name))) {
      for (const s of [key, ...values]) if (codePoints(s).length === 1) candidates.add(s);
      if (codePoints(key).length > 1) phraseKeys.push({ key, family });
    }
  }
  for (const [key, values] of dictEntries(pick(to, 'cn'))) {
    for (const s of [key, ...values]) if (codePoints(s).length === 1) candidates.add(s);
    if (codePoints(key).length > 1) phraseKeys.push({ key, family: 'tw' });
  }
  for (const [key, values] of dictEntries(pick(from, 'cn'))) {
    for (const s of [key, ...values]) if (codePoints(s).length === 1) candidates.add(s);
  }

  const chars = new Map<string, string>();
  const conflicts: string[] = [];
  for (const ch of [...candidates].sort(byCodePoint)) {
    if (!isHan(ch) || corpusChars.has(ch) || ch.normalize('NFKC') !== ch) continue;
    // Same UTF-16 length too (no astral → BMP mapping such as 𡻕 → 岁), so normalize() keeps offsets.
    const results = new Set(
      [twToCn(ch), hkToCn(ch)].filter((r) => r !== ch && codePoints(r).length === 1 && r.length === ch.length && corpusChars.has(r)),
    );
    const [first, ...rest] = [...results];
    if (first === undefined) continue;
    if (rest.length > 0) conflicts.push(`${ch} → ${[...results].join('/')}`);
    chars.set(ch, twToCn(ch) === first || rest.length === 0 ? first : twToCn(ch));
  }

  const charLevel = (s: string): string =>
    codePoints(s.normalize('NFKC').toLowerCase())
      .map((c) => chars.get(c) ?? c)
      .join('');

  const phrases = new Map<string, string>();
  for (const { key, family } of phraseKeys.sort((a, b) => byCodePoint(a.key, b.key))) {
    const source = key.normalize('NFKC').toLowerCase();
    if (phrases.has(source) || corpus.includes(source)) continue;
    if (!codePoints(source).some((c) => chars.has(c))) continue; // not a traditional spelling
    const target = (family === 'tw' ? twpToCn : hkpToCn)(key).normalize('NFKC').toLowerCase();
    const plain = charLevel(source);
    if (target === plain || codePoints(target).length !== codePoints(source).length) continue;
    if (!corpus.includes(target) || corpus.includes(plain)) continue;
    if (codePoints(target).some((c) => chars.has(c))) continue; // result must already be simplified
    phrases.set(source, target);
  }
  // Drop phrases that another, shorter phrase already produces inside them.
  for (const [source, target] of [...phrases]) {
    let applied = charLevel(source);
    for (const [s2, t2] of phrases) if (s2 !== source && source.includes(s2)) applied = applied.replace(charLevel(s2), t2);
    if (applied === target && [...phrases.keys()].some((s2) => s2 !== source && source.includes(s2))) phrases.delete(source);
  }

  if (conflicts.length > 0) console.warn(`make-t2s: Taiwan and Hong Kong forms disagree, kept the Taiwan one: ${conflicts.join(', ')}`);
  const table: Record<string, string> = {};
  for (const key of [...chars.keys(), ...phrases.keys()].sort(byCodePoint)) table[key] = chars.get(key) ?? phrases.get(key) ?? '';
  return table;
}

export function serialize(table: Record<string, string>): string {
  const head = `"$generated":${JSON.stringify('by `npx tsx scripts/make-t2s.ts` from the OpenCC dictionaries (opencc-js), limited to the characters and phrases of seeds/*.txt and src/data/glossary.json; do not edit by hand, re-run it after changing either')}`;
  const body = Object.entries(table).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
  return `{${[head, ...body].join(',\n')}}\n`;
}

async function main(): Promise<void> {
  const table = await buildTable();
  const text = serialize(table);
  const entries = Object.keys(table);
  const phraseCount = entries.filter((k) => codePoints(k).length > 1).length;
  if (process.argv.includes('--check')) {
    const current = await readFile(outFile, 'utf8').catch(() => '');
    if (current !== text) {
      console.error(`make-t2s: ${path.relative(root, outFile)} is out of date; run npx tsx scripts/make-t2s.ts`);
      process.exitCode = 1;
      return;
    }
    console.log(`make-t2s: ${path.relative(root, outFile)} is up to date`);
    return;
  }
  await writeFile(outFile, text);
  console.log(
    `make-t2s: wrote ${path.relative(root, outFile)}: ${entries.length - phraseCount} characters, ${phraseCount} phrases, ${Buffer.byteLength(text)} bytes`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
