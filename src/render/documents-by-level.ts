// The home page's list of documents: by the level of government that issued them (国家 → 省 → 市 →
// 县, then those whose level nobody has recorded), newest first within a level. A document's date
// is its 发布日期, else its 成文日期 (its 信息索引: the metadata file or the notice); lacking both,
// the year of its 文号 (洛政〔2023〕5号 → 2023). Documents of one date go by 文号, the later number
// first, then by slug, so the order never depends on the order the seeds were read in.
import { documentLevels } from '../model/document';
import type { HomeDocument } from './home-overview';

export type DocumentLevel = (typeof documentLevels)[number];

export interface LevelGroup {
  /** null: the documents whose level is not recorded. */
  level: DocumentLevel | null;
  /** How the page names the group: 国家级, 省级, 市级, 县级, 层级未登记. */
  name: string;
  documents: HomeDocument[];
}

/** The date a document is listed by, and which of its dates that is; null when neither is recorded. */
export function documentDate(doc: Pick<HomeDocument, 'meta'>): { iso: string; kind: '发布日期' | '成文日期' } | null {
  if (doc.meta?.publishedDate) return { iso: doc.meta.publishedDate, kind: '发布日期' };
  if (doc.meta?.writtenDate) return { iso: doc.meta.writtenDate, kind: '成文日期' };
  return null;
}

/** The year and number of a 文号: 洛政〔2023〕5号 → [2023, 5]; null parts when it has none. */
function docNumberParts(docNumber: string | null): [year: number | null, number: number | null] {
  const m = /[〔［[（(]\s*(\d{4})\s*[〕］\]）)]\s*(\d+)\s*号/.exec((docNumber ?? '').normalize('NFKC'));
  return m === null ? [null, null] : [Number(m[1]), Number(m[2])];
}

/** The year a document is of: its date's, else its 文号's; null when neither says. */
export function documentYear(doc: Pick<HomeDocument, 'meta' | 'docNumber'>): number | null {
  const date = documentDate(doc);
  return date === null ? docNumberParts(doc.docNumber)[0] : Number(date.iso.slice(0, 4));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Newest first: by date (a year alone sorts before that year's dates), then the later 文号, then slug. */
function newestFirst(a: HomeDocument, b: HomeDocument): number {
  const when = (d: HomeDocument) => documentDate(d)?.iso ?? String(documentYear(d) ?? '');
  const [ya, na] = docNumberParts(a.docNumber);
  const [yb, nb] = docNumberParts(b.docNumber);
  return compare(when(b), when(a)) || (yb ?? 0) - (ya ?? 0) || (nb ?? 0) - (na ?? 0) || compare(a.docSlug, b.docSlug);
}

/** The documents in groups by level (only the levels that have documents), each group newest first. */
export function documentsByLevel(docs: readonly HomeDocument[]): LevelGroup[] {
  const levels: (DocumentLevel | null)[] = [...documentLevels, null];
  return levels
    .map((level) => ({
      level,
      name: level === null ? '层级未登记' : `${level}级`,
      documents: docs.filter((d) => (d.meta?.level ?? null) === level).sort(newestFirst),
    }))
    .filter((g) => g.documents.length > 0);
}

/** Where a document is from, as a list names it: 河南省洛阳市 · 市级; null when neither is recorded. */
export function documentPlace(doc: Pick<HomeDocument, 'meta'>): string | null {
  const parts = [doc.meta?.region ?? null, doc.meta?.level ? `${doc.meta.level}级` : null].filter((p) => p !== null);
  return parts.length === 0 ? null : parts.join(' · ');
}
