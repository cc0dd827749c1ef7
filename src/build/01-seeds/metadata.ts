// The metadata file beside a seed (seeds/<slug>.yaml): the document's 信息索引 — 发文机关, 文号,
// 成文日期, 发布日期, the address of the official publication, level and region. Every field is
// optional; null or absent means "not recorded". What the notice also states (发文机关, 文号,
// 成文日期) must agree with it, so the page never shows two versions of a fact. Format and fields:
// docs/contracts.md, "Document metadata".
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';
import { documentLevels, type Document, type DocumentMeta } from '../../model/document';
import { PlanError } from '../errors';

/** The fields a metadata file may hold, and what each must be. */
const fields = {
  issuer: 'the issuing body as the notice names it, e.g. 洛阳市人民政府',
  docNumber: 'the document number as written, e.g. 洛政〔2022〕62号',
  writtenDate: 'the 成文日期 as YYYY-MM-DD',
  publishedDate: 'the 发布日期 as YYYY-MM-DD',
  source: 'the http(s) address of the official publication',
  level: `one of ${documentLevels.join(' ')}`,
  region: 'the region the issuer governs, e.g. 河南省洛阳市',
} as const;

type Field = keyof typeof fields;

/** A metadata file as read: its fields, and the line each stands on (for messages). */
export interface MetadataFile {
  readonly file: string;
  readonly values: Partial<Record<Field, string | null>>;
  readonly lines: Partial<Record<Field, number>>;
}

const isField = (key: string): key is Field => Object.hasOwn(fields, key);

function checkValue(field: Field, value: string): boolean {
  switch (field) {
    case 'writtenDate':
    case 'publishedDate': {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
      const d = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
    }
    case 'source':
      return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
    case 'level':
      return (documentLevels as readonly string[]).includes(value);
    default:
      return value.trim() !== '' && value === value.trim();
  }
}

/** Parse and check a metadata file's text. `file` names it in messages. */
export function parseMetadata(file: string, text: string): MetadataFile {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
  const fail = (line: number | null, expected: string, found: string): never => {
    throw new PlanError('metadata', { file, line }, expected, found);
  };
  const [problem] = doc.errors;
  if (problem !== undefined) fail(counter.linePos(problem.pos[0]).line, 'YAML (key: value lines)', problem.message.split('\n')[0] ?? 'an error');
  if (doc.contents === null) return { file, values: {}, lines: {} };
  if (!isMap(doc.contents)) fail(1, 'key: value lines', 'something else at the top level');
  const values: MetadataFile['values'] = {};
  const lines: MetadataFile['lines'] = {};
  for (const pair of isMap(doc.contents) ? doc.contents.items : []) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const line = isScalar(pair.key) && pair.key.range ? counter.linePos(pair.key.range[0]).line : null;
    if (!isField(key)) fail(line, `one of the fields ${Object.keys(fields).join(', ')}`, JSON.stringify(key));
    const field = key as Field;
    const node = pair.value;
    const value = node === null ? null : isScalar(node) ? node.value : undefined;
    if (value === null) {
      values[field] = null;
    } else if (typeof value === 'string' && checkValue(field, value)) {
      values[field] = value;
    } else {
      // YAML reads 2022-12-29 as a string here (core schema), 2022 as a number: say what it saw.
      fail(line, `${field}: ${fields[field]}`, value === undefined ? 'a list or a map' : JSON.stringify(value));
    }
    if (line !== null) lines[field] = line;
  }
  return { file, values, lines };
}

/** The metadata file beside the seed `<slug>.txt` in `dir`, or null when there is none. */
export async function readMetadata(dir: string, slug: string, shownDir: string): Promise<MetadataFile | null> {
  const file = path.join(shownDir, `${slug}.yaml`);
  let text: string;
  try {
    text = await readFile(path.join(dir, `${slug}.yaml`), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return parseMetadata(file, text);
}

/** What the notice states and the metadata file must agree on. */
const stated = { issuer: '发文机关', docNumber: '文号', writtenDate: '成文日期' } as const;

/**
 * The document with its metadata file applied: the file's fields complete what the notice states;
 * where both state a fact they must agree, or the build stops naming both places.
 */
export function withMetadata(doc: Document, metadata: MetadataFile | null): Document {
  if (metadata === null) return doc;
  const fromNotice = doc.meta;
  for (const field of Object.keys(stated) as (keyof typeof stated)[]) {
    const given = metadata.values[field];
    const noticed = fromNotice[field];
    if (given === undefined || given === null || noticed === null || given === noticed) continue;
    throw new PlanError(
      'metadata',
      { file: metadata.file, line: metadata.lines[field] ?? null },
      `${field} (${stated[field]}) as the notice states it (${doc.file}): ${noticed}`,
      given,
    );
  }
  const pick = (field: Field): string | null => metadata.values[field] ?? fromNotice[field];
  const meta: DocumentMeta = {
    issuer: pick('issuer'),
    docNumber: pick('docNumber'),
    writtenDate: pick('writtenDate'),
    publishedDate: pick('publishedDate'),
    source: pick('source'),
    level: pick('level') as DocumentMeta['level'],
    region: pick('region'),
    file: metadata.file,
  };
  return { ...doc, meta };
}

/**
 * Two seeds with one 文号 are one document twice (a copy left in seeds/, or a number not updated):
 * the build stops naming both files, rather than publish two pages under one number.
 */
export function checkDistinctDocuments(docs: readonly Document[]): void {
  const seen = new Map<string, Document>();
  for (const doc of docs) {
    const number = doc.meta.docNumber;
    if (number === null) continue;
    const first = seen.get(number);
    if (first !== undefined) {
      throw new PlanError('duplicate-document', { file: doc.file, line: doc.notice?.docNumber?.line ?? null }, `a 文号 of its own (${first.file} is ${number} already)`, number);
    }
    seen.set(number, doc);
  }
}
