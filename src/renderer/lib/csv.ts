/**
 * CSV as spreadsheets open it (RFC 4180): fields separated by commas, records by CRLF, a field quoted when it
 * holds a comma, a quote, a line break or leading/trailing spaces, its quotes doubled. The text starts with a
 * UTF-8 byte order mark, without which Excel reads Polish and Greek letters in the system's code page.
 */
const BOM = '\uFEFF';
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

const field = (value: string): string => (NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The rows (the first one usually the header) as one CSV text, BOM first. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((row) => row.map(field).join(',')).join('\r\n') + (rows.length > 0 ? '\r\n' : '');
}
