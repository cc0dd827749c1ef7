// CSV for spreadsheets: RFC 4180, a UTF-8 BOM and CRLF line ends, so Excel and WPS read the Chinese
// right. The first row names the columns.

/** `records` as CSV, with `columns` as the header and the order of the fields. */
export function csv<R, K extends keyof R & string>(columns: readonly K[], records: readonly R[]): string {
  const field = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const rows = [columns.join(','), ...records.map((r) => columns.map((c) => field(r[c])).join(','))];
  return `\ufeff${rows.join('\r\n')}\r\n`;
}
