import { CsvError, parse } from 'csv-parse/sync';
import type { BadRow } from '../../shared/protocol';
import { foldText } from '../../shared/text/fold';

export type { BadRow };

/** A file that cannot be read as a table at all (not UTF-8, no header, a quote never closed): nothing is imported. */
export class CsvFileProblem extends Error {}

export interface CsvColumn<K extends string> {
  key: K;
  /** Other header spellings people use (`email` for `emails`). */
  aliases?: readonly string[];
  required?: boolean;
}

/** One data row: its line and its cells by column key (a column the file lacks reads as ''). */
export interface CsvRow<K extends string> {
  line: number;
  cells: Record<K, string>;
}

/** Larger files are refused before parsing: 100,000 customers take about 10 MB. */
export const MAX_CSV_BYTES = 100 * 1024 * 1024;
/** One row of an import is a few hundred bytes; a longer one is a broken file (an unclosed quote swallowing lines). */
const MAX_RECORD_BYTES = 64 * 1024;

/** `Loyalty number`, `loyalty_number` and `LoyaltyNumber` are one column. */
const headerKey = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a CSV file (UTF-8 with or without a BOM, CRLF or LF, quoted cells with commas and line breaks) with a
 * header row naming `columns`. A cell is text as written: nothing is evaluated (`=cmd|...` stays those
 * characters). Rows with a different number of cells from the header are bad rows; anything that makes the file
 * unreadable as a whole is a CsvFileProblem saying where.
 */
export function readCsv<K extends string>(bytes: Buffer, columns: ReadonlyArray<CsvColumn<K>>): { rows: CsvRow<K>[]; bad: BadRow[] } {
  if (bytes.length > MAX_CSV_BYTES) throw new CsvFileProblem(`the file has ${bytes.length.toLocaleString('en')} bytes; at most ${MAX_CSV_BYTES.toLocaleString('en')} are read: split it`);
  try {
    utf8.decode(bytes);
  } catch {
    throw new CsvFileProblem(`line ${lineOfInvalidUtf8(bytes)}: the file is not UTF-8 text: save it as CSV UTF-8`);
  }
  let parsed: Array<{ record: string[]; info: { bytes: number } }>;
  try {
    // The bytes, not the text: the parser then tells where each row ends as a byte offset of the file.
    parsed = parse(bytes, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true, max_record_size: MAX_RECORD_BYTES }) as unknown as typeof parsed;
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const line = (err as CsvError & { lines?: number }).lines;
    throw new CsvFileProblem(`line ${line ?? '?'}: ${err.code === 'CSV_MAX_RECORD_SIZE' ? `a row longer than ${MAX_RECORD_BYTES / 1024} KiB (a quote never closed?)` : err.message.replace(/ at line \d+.*$/, '')}`);
  }
  const [header, ...data] = startLines(bytes, parsed);
  if (!header) throw new CsvFileProblem('the file is empty: its first line names the columns');

  const byName = new Map(columns.flatMap((c) => [c.key, ...(c.aliases ?? [])].map((n) => [headerKey(n), c.key] as const)));
  const keys: K[] = [];
  for (const [i, name] of header.record.entries()) {
    const key = byName.get(headerKey(name));
    if (!key) {
      throw new CsvFileProblem(
        `line 1: "${name.slice(0, 40)}" (column ${i + 1}) is not a column of this import; the columns are ${columns.map((c) => c.key).join(', ')}`,
      );
    }
    if (keys.includes(key)) throw new CsvFileProblem(`line 1: the column ${key} is named twice`);
    keys.push(key);
  }
  const missing = columns.filter((c) => c.required && !keys.includes(c.key));
  if (missing.length) throw new CsvFileProblem(`line 1: the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.map((c) => c.key).join(', ')}`);

  const rows: CsvRow<K>[] = [];
  const bad: BadRow[] = [];
  const blank = Object.fromEntries(columns.map((c) => [c.key, ''])) as Record<K, string>;
  for (const { record, line } of data) {
    if (record.length !== keys.length) {
      bad.push({ line, field: 'row', reason: `${record.length.toLocaleString('en')} cells where the header has ${keys.length}` });
      continue;
    }
    const cells = { ...blank };
    keys.forEach((k, i) => (cells[k] = record[i].trim()));
    rows.push({ line, cells });
  }
  return { rows, bad };
}

/** Several values in one cell, separated by `;` (empty pieces dropped). */
export const listCell = (cell: string): string[] =>
  cell
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** The line of the first byte that is not UTF-8 (where a lenient decoding puts its first replacement character). */
function lineOfInvalidUtf8(bytes: Buffer): number {
  const lenient = bytes.toString('utf8');
  const at = lenient.indexOf('\ufffd');
  let line = 1;
  for (let i = lenient.indexOf('\n'); i >= 0 && i < at; i = lenient.indexOf('\n', i + 1)) line++;
  return line;
}

/** The record a cell names by id or by name (letter case and accents aside); undefined when none does. */
export function findByIdOrName<T extends { id: string; name: string }>(records: readonly T[], cell: string): T | undefined {
  const folded = foldText(cell);
  return records.find((r) => r.id === cell) ?? records.find((r) => foldText(r.name) === folded);
}

/**
 * Each record with the line it starts on (the parser's own count is where it ends, and counts a CRLF inside a
 * quoted cell as two lines).
 */
function startLines(bytes: Buffer, records: ReadonlyArray<{ record: string[]; info: { bytes: number } }>): Array<{ record: string[]; line: number }> {
  let offset = 0;
  let line = 1;
  return records.map(({ record, info }) => {
    // Blank lines before a record are skipped by the parser.
    while (bytes[offset] === 0x0d || bytes[offset] === 0x0a) if (bytes[offset++] === 0x0a) line++;
    const start = line;
    for (let i = bytes.indexOf(0x0a, offset); i >= 0 && i < info.bytes; i = bytes.indexOf(0x0a, i + 1)) line++;
    offset = info.bytes;
    return { record, line: start };
  });
}
