// Open data: the units as dist/data/clauses.json (the contract in DESIGN.md) and clauses.csv.
import type { Unit } from './site';

export interface ClauseRecord {
  id: string;
  url: string;
  planTitle: string | null;
  domain: string | null;
  kind: string;
  number: number | null;
  label: string;
  title: string | null;
  text: string;
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
    text: u.text,
    citation: u.citation,
    docNumber: u.docNumber,
    source: u.position.type === 'source' ? { file: u.position.file, line: u.position.line, endLine: u.position.endLine } : null,
    ...(u.kind === 'goal' ? { relatedMeasures: [...u.relatedMeasures] } : {}),
    ...(u.kind === 'measure' ? { relatedGoals: [...u.relatedGoals] } : {}),
  }));
}

const csvColumns = ['id', 'url', 'planTitle', 'domain', 'kind', 'number', 'label', 'title', 'text', 'citation'] as const;

/** RFC 4180 CSV with a UTF-8 BOM and CRLF line ends, so spreadsheet programs read the Chinese right. */
export function clausesCsv(records: readonly ClauseRecord[]): string {
  const field = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const rows = [csvColumns.join(','), ...records.map((r) => csvColumns.map((c) => field(r[c])).join(','))];
  return `\ufeff${rows.join('\r\n')}\r\n`;
}
