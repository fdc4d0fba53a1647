import { DEFAULT_HISTORY_WINDOW_MS } from '../services/sync/syncClient';

/**
 * The history window of a bootstrap (see SyncClientOptions.historyWindowMs), as a workstation is configured:
 * the environment variable WORKSTATION_HISTORY_DAYS gives whole days (1-3650), or `all` for every timeline.
 * Unset: the default, 90 days.
 */
export const HISTORY_DAYS_ENV = 'WORKSTATION_HISTORY_DAYS';

/** The window in ms (null: no window) from the variable's value; a value that is not one of those is refused. */
export function historyWindowFrom(raw: string | undefined): number | null {
  if (raw === undefined || raw.trim() === '') return DEFAULT_HISTORY_WINDOW_MS;
  if (raw.trim() === 'all') return null;
  const days = /^\d{1,4}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!(days >= 1 && days <= 3650)) throw new Error(`${HISTORY_DAYS_ENV}: whole days from 1 to 3650, or "all" (got "${raw}")`);
  return days * 86_400_000;
}
