// A table as an Excel workbook (.xlsx), written by write-excel-file (maintained, MIT, its one
// dependency is fflate, which the site already uses). Its zip entries carry the time of writing;
// they are rewritten with one fixed time, so that two builds write the same bytes.
import { unzipSync, zipSync } from 'fflate';
import writeXlsxFile from 'write-excel-file/node';

/** The zip entries' time: the earliest a zip can say. */
const fixedTime = new Date('1980-01-01T00:00:00Z');

/** One sheet: a bold header row of `columns`, then a row per record, with column widths in characters. */
export async function xlsx<K extends string>(sheet: string, columns: readonly K[], records: readonly Record<K, string>[], widths: readonly number[]): Promise<Uint8Array> {
  const header = columns.map((c) => ({ value: c, fontWeight: 'bold' as const }));
  const rows = records.map((r) => columns.map((c) => ({ value: r[c], wrap: true })));
  const written = await writeXlsxFile([header, ...rows], { sheet, columns: widths.map((width) => ({ width })), stickyRowsCount: 1 }).toBuffer();
  const entries = unzipSync(new Uint8Array(written));
  return zipSync(Object.fromEntries(Object.entries(entries).map(([name, data]) => [name, [data, { mtime: fixedTime }]])));
}
