import { useCallback, useEffect, useRef, useState } from 'react';
import type { Channel } from '../../../shared/domain';
import type { NoticeKind } from '../../../shared/domain/preferences';

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

/** A notice of this session, kept for the notification centre's history. */
export interface PastNotice {
  notice: Notice;
  at: number;
  read: boolean;
}

/** How long an assignment notice stays: long enough to read and click, short enough not to pile up. */
const ASSIGNMENT_MS = 10_000;
/** Most notices on screen at once; the oldest go first (they are grouped by kind on screen anyway). */
const MAX = 20;
/** Most notices the history keeps; a shift's worth, the oldest forgotten first. */
const MAX_HISTORY = 200;

/** Notices on screen grouped by kind, in the order each kind first came: several of a kind show as one. */
export function groupByKind(list: readonly Notice[]): { kind: NoticeKind; notices: Notice[] }[] {
  const groups = new Map<NoticeKind, Notice[]>();
  for (const n of list) (groups.get(n.kind) ?? groups.set(n.kind, []).get(n.kind)!).push(n);
  return [...groups].map(([kind, notices]) => ({ kind, notices }));
}

/**
 * The notices on screen and this session's history. Each key is taken once. A notice `shown` goes on screen and
 * counts as unread; one not shown (about the case already open) only enters the history, read. Assignments leave
 * the screen after a while, alerts and failed deliveries only when the person acts on them.
 */
export function useNotices(clock: () => number = Date.now) {
  const [list, setList] = useState<Notice[]>([]);
  const [history, setHistory] = useState<PastNotice[]>([]);
  const seen = useRef(new Set<string>());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const remove = useCallback((key: string) => {
    clearTimeout(timers.current.get(key));
    timers.current.delete(key);
    setList((l) => l.filter((n) => n.key !== key));
  }, []);

  const removeKind = useCallback((kind: NoticeKind) => setList((l) => l.filter((n) => n.kind !== kind)), []);

  /** Takes a notice; false when it came before (the same key). */
  const add = useCallback(
    (n: Notice, shown: boolean): boolean => {
      if (seen.current.has(n.key)) return false;
      seen.current.add(n.key);
      setHistory((h) => [{ notice: n, at: clock(), read: !shown }, ...h].slice(0, MAX_HISTORY));
      if (!shown) return true;
      setList((l) => [...l, n].slice(-MAX));
      if (n.kind === 'assignment') timers.current.set(n.key, setTimeout(() => remove(n.key), ASSIGNMENT_MS));
      return true;
    },
    [clock, remove],
  );

  const markAllRead = useCallback(() => setHistory((h) => (h.some((p) => !p.read) ? h.map((p) => ({ ...p, read: true })) : h)), []);

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach(clearTimeout);
  }, []);

  return { list, history, unread: history.filter((p) => !p.read).length, add, remove, removeKind, markAllRead };
}
