import { useCallback, useEffect, useRef, useState } from 'react';
import type { Channel } from '../../../shared/domain';

export type Notice =
  | { kind: 'assignment'; key: string; caseId: string; customerName: string | null }
  | {
      kind: 'alert';
      key: string;
      caseId: string;
      alertId: string;
      score: number | null;
      reason: 'low-csat' | 'negative-message';
      customerName: string | null;
    }
  | {
      kind: 'delivery';
      key: string;
      caseId: string;
      channel: Channel;
      error: string;
      caseSubject: string | null;
      customerName: string | null;
    }
  | { kind: 'mention'; key: string; caseId: string; authorName: string; caseSubject: string; excerpt: string; customerName: null };

/** How long an assignment notice stays: long enough to read and click, short enough not to pile up. */
const ASSIGNMENT_MS = 10_000;
/** Most notices on screen at once; the oldest go first. */
const MAX = 5;

/**
 * The notices on screen: added once per key, assignments removed after a while, alerts and failed deliveries only
 * by the person.
 */
export function useNotices() {
  const [list, setList] = useState<Notice[]>([]);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const remove = useCallback((key: string) => {
    clearTimeout(timers.current.get(key));
    timers.current.delete(key);
    setList((l) => l.filter((n) => n.key !== key));
  }, []);

  const add = useCallback(
    (n: Notice) => {
      setList((l) => (l.some((x) => x.key === n.key) ? l : [...l, n].slice(-MAX)));
      if (n.kind === 'assignment' && !timers.current.has(n.key)) timers.current.set(n.key, setTimeout(() => remove(n.key), ASSIGNMENT_MS));
    },
    [remove],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach(clearTimeout);
  }, []);

  return { list, add, remove };
}
