import { useMemo } from 'react';
import { useChannel } from '../../lib/api/useChannel';
import { useNow } from '../../lib/useNow';
import { useLiveDashboard } from './useLiveDashboard';

/** Midnight of the day `now` falls in, on this workstation's clock: "today" of the figures and charts. */
export const startOfDay = (now: number): number => new Date(now).setHours(0, 0, 0, 0);

/**
 * Everything the console reads from the cache, kept fresh by `data.changed` (no polling: the engine says
 * which rows changed), and the current time, ticking every second for waits and time in status.
 */
export function useSupervisorData() {
  const now = useNow();
  const since = startOfDay(now);
  const dashboard = useLiveDashboard(since);
  const org = useChannel('reference.org', {}, { refreshOn: (c) => c.outbox || Boolean(c.entities.staff || c.entities.queue) });
  const casesById = useMemo(() => new Map((dashboard.data?.cases ?? []).map((c) => [c.case.id, c.case])), [dashboard.data]);
  return { now, since, dashboard, org, casesById };
}
export type SupervisorData = ReturnType<typeof useSupervisorData>;
