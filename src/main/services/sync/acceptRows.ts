import { z } from 'zod';
import { parseChange, type Change } from '../../../shared/protocol';
import type { Db } from '../cache/database';
import { setAsideRows, type SetAsideRow } from '../cache/setAsideRows';
import { checkRowCheaply } from './rowCheck';

/** Most issues named in a description: enough to find the field, short enough for one log line. */
const MAX_ISSUES = 5;

/**
 * What is wrong with a row, by field path, zod issue code and what was expected (e.g.
 * `emails.0: invalid_format email`), never by value: values may be a customer's details, and logs travel.
 */
export function describeIssues(error: z.ZodError): string {
  const described = error.issues.slice(0, MAX_ISSUES).map((issue) => {
    const expected = 'format' in issue ? issue.format : 'expected' in issue ? issue.expected : null;
    return `${issue.path.join('.') || '(row)'}: ${issue.code}${typeof expected === 'string' ? ` ${expected}` : ''}`;
  });
  const more = error.issues.length - described.length;
  return [...described, ...(more > 0 ? [`${more} more`] : [])].join('; ');
}

/** Which row a change that does not parse claims to be, as far as it says. */
function claimed(raw: unknown): Omit<SetAsideRow, 'problem'> {
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return {
    entity: typeof r.entity === 'string' ? r.entity.slice(0, 40) : '?',
    id: typeof r.id === 'string' ? r.id.slice(0, 200) : '?',
    seq: typeof r.seq === 'number' && Number.isSafeInteger(r.seq) ? r.seq : 0,
  };
}

/**
 * How rows are checked: `full` parses each with its zod schema; `cheap` (the hub announced this workstation's
 * row schema version) runs the structural check of `rowCheck`, and the full parse only for a row failing it.
 */
export type RowChecking = 'full' | 'cheap';

/**
 * Parses rows of the change feed one by one (a hub answer's rows, a live batch). A row that does not parse is
 * set aside in the cache instead of failing the page it came in: the rest applies and the cursor moves on as
 * if it had been applied, and a later valid version of it applies as usual. Returns the rows that parse and
 * the rows newly set aside, to report once each.
 */
export function acceptRows(db: Db, raw: readonly unknown[], checking: RowChecking = 'full'): { rows: Change[]; setAside: SetAsideRow[] } {
  const rows: Change[] = [];
  const bad: SetAsideRow[] = [];
  for (const change of raw) {
    const checked = checking === 'cheap' ? checkRowCheaply(change) : null;
    if (checked !== null) {
      rows.push(checked);
      continue;
    }
    try {
      rows.push(parseChange(change));
    } catch (error) {
      if (!(error instanceof z.ZodError)) throw error;
      bad.push({ ...claimed(change), problem: describeIssues(error) });
    }
  }
  return { rows, setAside: bad.length === 0 ? [] : setAsideRows(db, bad) };
}
