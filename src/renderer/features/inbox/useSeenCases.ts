import { useCallback, useState } from 'react';
import type { Case } from '../../../shared/domain';

const keyOf = (staffId: string) => `workstation.seen.${staffId}`;
/** Seen marks kept per person; older ones are dropped so the list cannot grow without bound. */
const KEEP = 5_000;

function read(staffId: string): Record<string, number> {
  try {
    return JSON.parse(localStorage.getItem(keyOf(staffId)) ?? '{}') as Record<string, number>;
  } catch {
    return {};
  }
}

/** Drops a person's seen marks ("forget me on this workstation"). */
export const forgetSeenCases = (staffId: string) => localStorage.removeItem(keyOf(staffId));

/**
 * Unread markers. The contract has no read state, so the workstation keeps, per person, the time of the newest
 * customer message they had when they last opened each case (case ids and times only, no content). A case is
 * unread when the customer wrote after that and after our last answer.
 */
export function useSeenCases(staffId: string) {
  const [seen, setSeen] = useState(() => read(staffId));
  const isUnread = useCallback(
    (c: Pick<Case, 'id' | 'lastInboundAt' | 'lastOutboundAt'>) =>
      c.lastInboundAt !== null && c.lastInboundAt > (c.lastOutboundAt ?? 0) && c.lastInboundAt > (seen[c.id] ?? 0),
    [seen],
  );
  const markSeen = useCallback(
    (c: Pick<Case, 'id' | 'lastInboundAt'>) => {
      if (c.lastInboundAt === null || (seen[c.id] ?? 0) >= c.lastInboundAt) return;
      const next = Object.fromEntries(Object.entries({ ...seen, [c.id]: c.lastInboundAt }).slice(-KEEP));
      localStorage.setItem(keyOf(staffId), JSON.stringify(next));
      setSeen(next);
    },
    [seen, staffId],
  );
  return { isUnread, markSeen };
}
