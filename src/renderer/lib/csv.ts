/**
 * CSV as spreadsheets open it (RFC 4180): fields separated by commas, records by CRLF, a field quoted when it
 * holds a comma, a quote, a line break or leading/trailing spaces, its quotes doubled. The text starts with a
 * UTF-8 byte order mark, without which Excel reads Polish and Greek letters in the system's code page. A field
 * starting like a formula (`=`, `+`, `-`, `@`) gets a leading apostrophe: a customer's words or a name must
 * never run as one in a spreadsheet.
 */
export const CSV_BOM = '\uFEFF';
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One field, made safe and quoted where it must be. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One record (without its line end). */
export const csvLine = (fields: readonly string[]): string => fields.map(csvField).join(',');

/** The rows (the first one usually the header) as one CSV text, BOM first. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return CSV_BOM + rows.map(csvLine).join('\r\n') + (rows.length > 0 ? '\r\n' : '');
}
