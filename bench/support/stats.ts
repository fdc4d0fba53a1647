/** Percentile of a list of numbers (nearest rank); NaN for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** `12.3 ms` style, with a fixed number of decimals. */
export const ms = (v: number, digits = 1) => `${v.toFixed(digits)} ms`;

/** Prints rows as an aligned two- or three-column table. */
export function printTable(title: string, rows: Array<[string, string, string?]>): void {
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  console.log(`\n${title}`);
  for (const [a, b, c] of rows) console.log(`  ${a.padEnd(w0)}  ${b.padStart(w1)}${c ? `   ${c}` : ''}`);
}

/**
 * Prints rows as an aligned table with a header: the first column left-aligned, the figures right-aligned,
 * and the last column (goals, notes) as it is.
 */
export function printColumns(title: string, header: readonly string[], rows: ReadonlyArray<readonly string[]>): void {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) =>
    r
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : i === r.length - 1 ? cell : cell.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  console.log(`\n${title}\n  ${line(header)}`);
  for (const r of rows) console.log(`  ${line(r)}`);
}
