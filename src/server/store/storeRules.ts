/** What every store engine decides the same way: subject matching, snapshot parts and positions. */
import { FINISHED_CASE_STATUSES } from '../../shared/domain';
import type { Change, EntityName, SnapshotPhase } from '../../shared/protocol';
import { foldText } from '../../shared/text/fold';
import { Refused } from '../refused';
import type { CaseScope, SnapshotPage } from './hubStore';

/** Subjects match across "Re:", "Fwd:", case and spacing. */
export function normalizeSubject(subject: string): string {
  return foldText(subject.replace(/^\s*((re|fwd?|odp|πρβ|σχετ)\s*:\s*)+/i, '')).replace(/\s+/g, ' ').trim();
}

/**
 * Snapshot order: reference data first (the UI needs queues and staff to draw anything), then cases. Entities
 * added later go last, so positions a hub gave out before keep their meaning.
 */
export const SNAPSHOT_ORDER: readonly EntityName[] = ['storeLocation', 'queue', 'staff', 'kb', 'canned', 'case', 'customer', 'interaction', 'csat', 'alert', 'held', 'delivery'];
/** Cases and what hangs off them (whoever sees a case sees these): what a snapshot of a queue just joined covers. */
export const CASE_ENTITIES: ReadonlySet<EntityName> = new Set<EntityName>(['case', 'customer', 'interaction', 'csat', 'delivery']);

/**
 * Which cases a part of a snapshot takes (the case rows themselves, or what hangs off them): all of them, the
 * asker's priority ones (open, or assigned to them), the others (finished and not theirs), or the others
 * updated within the history window. The complement of `priority` and `recent` is isHistoryDeferred.
 */
export type CaseClass = 'any' | 'priority' | 'other' | 'recent';
/** One walk of a snapshot: rows of `entity` (of the cases in `cases`), by id. */
export interface SnapshotPart {
  entity: EntityName;
  cases: CaseClass;
  phase: SnapshotPhase;
}
const HISTORY: readonly EntityName[] = ['interaction', 'csat', 'delivery'];
const part = (entity: EntityName, phase: SnapshotPhase, cases: CaseClass = 'any'): SnapshotPart => ({ entity, cases, phase });
/** The one-pass snapshot (no history window). */
const CLASSIC: readonly SnapshotPart[] = SNAPSHOT_ORDER.map((e) => part(e, 'cases'));
/** The phased snapshot (see SnapshotRequestSchema): cases usable first, then priority timelines, then recent ones. */
const PHASED: readonly SnapshotPart[] = [
  ...(['storeLocation', 'queue', 'staff', 'kb', 'canned'] as const).map((e) => part(e, 'cases')),
  part('case', 'cases', 'priority'),
  part('customer', 'cases'),
  part('alert', 'cases'),
  part('held', 'cases'),
  part('case', 'cases', 'other'),
  ...HISTORY.map((e) => part(e, 'history', 'priority')),
  ...HISTORY.map((e) => part(e, 'recent', 'recent')),
];

/** What finished statuses are, as an SQL list (constants of the domain, not input). */
export const FINISHED_STATUSES_SQL = FINISHED_CASE_STATUSES.map((s) => `'${s}'`).join(', ');

/** Whose priority cases and which window a phased snapshot uses. */
export interface SnapshotHistory {
  /** The window asked for on the first page; later pages take it from their position. */
  since: number | null;
  staffId: string;
}

/** What a snapshot page walks: its parts, where it starts, and the window (null: the one-pass snapshot). */
export interface SnapshotPlan {
  parts: readonly SnapshotPart[];
  from: SnapshotPosition | null;
  since: number | null;
}

/** The parts a snapshot of `scope` walks from `after` (a position this hub gave out, or null to start). */
export function planSnapshot(scope: Pick<CaseScope, 'casesOnly'>, after: string | null, history: SnapshotHistory | null): SnapshotPlan {
  const from = after === null ? null : parseSnapshotPosition(after);
  const since = from ? from.since : (history?.since ?? null);
  const all = since === null ? CLASSIC : PHASED;
  const parts = scope.casesOnly ? all.filter((p) => CASE_ENTITIES.has(p.entity)) : all;
  if (from && from.idx > parts.length) throw notOurs();
  return { parts, from, since };
}

/** The total a first page counts, and where the `history` phase ends (for "ready for offline"). */
export function snapshotTotals(parts: readonly SnapshotPart[], counts: readonly number[]): { total: number; readyAt: number } {
  const total = counts.reduce((a, b) => a + b, 0);
  const readyAt = counts.reduce((sum, n, i) => sum + (parts[i].phase === 'recent' ? 0 : n), 0);
  return { total, readyAt };
}

/**
 * A snapshot position: `<entityIndex>:<total>:<lastId>` for the one-pass snapshot, and
 * `h<since>:<partIndex>:<total>:<readyAt>:<lastId>` for a phased one (which carries its window, so a resumed
 * snapshot walks the same parts).
 */
export interface SnapshotPosition {
  since: number | null;
  idx: number;
  total: number;
  readyAt: number;
  lastId: string;
}

const formatSnapshotPosition = (p: SnapshotPosition): string =>
  p.since === null ? `${p.idx}:${p.total}:${p.lastId}` : `h${p.since}:${p.idx}:${p.total}:${p.readyAt}:${p.lastId}`;

const notOurs = () => new Refused('invalid', 'after: not a snapshot position this hub gave out; start the snapshot again with after: null');

/** Reads a position this hub gave out; anything else is refused. */
export function parseSnapshotPosition(after: string): SnapshotPosition {
  const phased = /^h(\d{1,15}):(\d{1,3}):(\d{1,15}):(\d{1,15}):(.{0,64})$/su.exec(after);
  if (phased) {
    return { since: Number(phased[1]), idx: Number(phased[2]), total: Number(phased[3]), readyAt: Number(phased[4]), lastId: phased[5] };
  }
  const token = /^(\d{1,3}):(\d{1,15}):(.{0,64})$/su.exec(after);
  if (!token) throw notOurs();
  return { since: null, idx: Number(token[1]), total: Number(token[2]), readyAt: Number(token[2]), lastId: token[3] };
}

/** One read a snapshot page needs: rows of `part` with ids after `afterId`, by id, at most `limit`. */
export interface SnapshotRead {
  part: SnapshotPart;
  afterId: string;
  limit: number;
}

/**
 * How one snapshot page walks the parts of `plan` until `limit` rows: the engine asks `next()` for each read,
 * runs it, and hands its rows to `add`; a part that runs out moves the walk to the next. `page(hwm)` is then
 * the page, with where the next one starts.
 */
export function snapshotPager(plan: SnapshotPlan, totals: { total: number; readyAt: number }, limit: number) {
  const { parts, since } = plan;
  let idx = plan.from?.idx ?? 0;
  let lastId = plan.from?.lastId ?? '';
  const rows: Change[] = [];
  return {
    next: (): SnapshotRead | null => (idx < parts.length && rows.length < limit ? { part: parts[idx], afterId: lastId, limit: limit - rows.length } : null),
    add(page: readonly Change[]): void {
      rows.push(...page);
      if (page.length > 0) lastId = page[page.length - 1].id;
      if (rows.length < limit) {
        idx++;
        lastId = '';
      }
    },
    page(hwm: number): SnapshotPage {
      const done = idx >= parts.length;
      const { total, readyAt } = totals;
      const page: SnapshotPage = { rows, after: done ? null : formatSnapshotPosition({ since, idx, total, readyAt, lastId }), hwm, total, done };
      if (since === null) return page;
      return { ...page, phase: parts[Math.min(idx, parts.length - 1)].phase, historySince: since, readyAt };
    },
  };
}
