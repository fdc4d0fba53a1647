import { useState } from 'react';
import { STAFF_STATUSES, type Case, type Queue, type Staff } from '../../../shared/domain';
import { agentLoad, loadShare, nearestReplyDue, overCapacity } from './agentLoad';

export const BOARD_SORTS = ['name', 'status', 'load', 'open', 'sla'] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];

/** How the board is sorted and filtered; `queueId` '' is every queue. */
export interface BoardView {
  sort: BoardSort;
  overCapacity: boolean;
  awayWithCases: boolean;
  queueId: string;
}
export const DEFAULT_VIEW: BoardView = { sort: 'name', overCapacity: false, awayWithCases: false, queueId: '' };

/** What the board sorts and filters an agent by, computed once per agent. */
interface Facts {
  open: number;
  share: number;
  over: boolean;
  due: number | null;
}

const FILTERS = {
  overCapacity: (_s: Pick<Staff, 'status'>, f: Facts) => f.over,
  // Cases held by someone who is not there to answer them.
  awayWithCases: (s: Pick<Staff, 'status'>, f: Facts) => (s.status === 'away' || s.status === 'offline') && f.open > 0,
};

type Agent = Pick<Staff, 'id' | 'name' | 'status' | 'capacity'>;
type Compare = (a: { s: Agent; f: Facts }, b: { s: Agent; f: Facts }) => number;

/** Null (no reply due) after every time. */
const dueOrder = (due: number | null) => due ?? Infinity;

/**
 * The agents the board shows, in order, and how many each filter would show in the chosen queue (so each chip
 * says what it would leave). Names by the UI language's collation; the other orders put first the agents that
 * need a look (available first, fullest first, most cases first, the nearest or most overdue reply first), with
 * the name as the tie-break so the order is stable as figures change.
 */
export function boardRows<A extends Agent>(
  agents: readonly A[],
  casesOf: (staffId: string) => readonly Pick<Case, 'id' | 'assigneeId' | 'status' | 'lastChannel' | 'firstResponseDueAt' | 'nextResponseDueAt'>[],
  queues: readonly Pick<Queue, 'id' | 'memberIds'>[],
  view: BoardView,
  collator: Intl.Collator,
): { rows: A[]; inQueue: number; counts: Record<keyof typeof FILTERS, number> } {
  const members = view.queueId === '' ? null : new Set(queues.find((q) => q.id === view.queueId)?.memberIds ?? []);
  const scoped = agents
    .filter((s) => members === null || members.has(s.id))
    .map((s) => {
      const { open, load } = agentLoad(s, casesOf(s.id));
      return { s, f: { open: open.length, share: loadShare(load), over: overCapacity(load).length > 0, due: nearestReplyDue(open) } };
    });
  const byName: Compare = (a, b) => collator.compare(a.s.name, b.s.name);
  const orders: Record<BoardSort, Compare> = {
    name: byName,
    status: (a, b) => STAFF_STATUSES.indexOf(a.s.status) - STAFF_STATUSES.indexOf(b.s.status),
    load: (a, b) => (b.f.share === a.f.share ? 0 : b.f.share > a.f.share ? 1 : -1),
    open: (a, b) => b.f.open - a.f.open,
    sla: (a, b) => (dueOrder(a.f.due) === dueOrder(b.f.due) ? 0 : dueOrder(a.f.due) < dueOrder(b.f.due) ? -1 : 1),
  };
  const order = orders[view.sort];
  const rows = scoped
    .filter((r) => (!view.overCapacity || FILTERS.overCapacity(r.s, r.f)) && (!view.awayWithCases || FILTERS.awayWithCases(r.s, r.f)))
    .sort((a, b) => order(a, b) || byName(a, b))
    .map((r) => r.s);
  return {
    rows,
    inQueue: scoped.length,
    counts: {
      overCapacity: scoped.filter((r) => FILTERS.overCapacity(r.s, r.f)).length,
      awayWithCases: scoped.filter((r) => FILTERS.awayWithCases(r.s, r.f)).length,
    },
  };
}

/**
 * The board's sort and filters, held by the console (not the board, whose tab unmounts when another opens) so
 * that they stay as the supervisor left them while the console is open.
 */
export function useBoardView() {
  const [view, setView] = useState<BoardView>(DEFAULT_VIEW);
  return { view, change: (patch: Partial<BoardView>) => setView((v) => ({ ...v, ...patch })), reset: () => setView(DEFAULT_VIEW) };
}
export type BoardViewState = ReturnType<typeof useBoardView>;
