import type { Alert, Case, HeldReply } from '../../../shared/domain';
import type { Change } from '../../../shared/protocol';
import type { Db } from '../cache/database';
import { getRow } from '../cache/rows';
import { touchedByMe } from '../outbox/overlay';

/** Things in a batch of changes the signed-in person should be told about. */
export type Notice =
  | { kind: 'assigned'; case: Case }
  | { kind: 'alert'; alert: Alert }
  | { kind: 'held'; held: HeldReply };

/**
 * Finds, before a batch is applied (the previous rows are needed), what in it is news for `staffId`: a case
 * newly assigned to them (unless by their own change: a reply or taking it), a red alert newly addressed to them or newly given to them to follow up, a reply of
 * theirs newly held. Rows older than
 * what the cache holds are ignored, so a replayed batch announces nothing twice.
 */
export function findNotices(db: Db, staffId: string, changes: readonly Change[]): Notice[] {
  const notices: Notice[] = [];
  for (const change of changes) {
    if (change.op !== 'upsert') continue;
    if (change.entity === 'case') {
      const before = getRow(db, 'case', change.id);
      const news = before === null || before.version < change.data.version;
      if (change.data.assigneeId === staffId && before?.assigneeId !== staffId && news && !touchedByMe(db, change.id)) {
        notices.push({ kind: 'assigned', case: change.data });
      }
    } else if (change.entity === 'alert') {
      const before = getRow(db, 'alert', change.id);
      // A supervisor handing the follow-up to someone outside the designated staff must reach them too.
      const addressed = (a: Alert | null) =>
        a !== null && a.status !== 'closed' && (a.notifiedStaffIds.includes(staffId) || a.followUpStaffId === staffId);
      if (addressed(change.data) && !addressed(before) && (before === null || before.version < change.data.version)) {
        notices.push({ kind: 'alert', alert: change.data });
      }
    } else if (change.entity === 'held') {
      if (change.data.authorId === staffId && change.data.status === 'held' && getRow(db, 'held', change.id) === null) {
        notices.push({ kind: 'held', held: change.data });
      }
    }
  }
  return notices;
}
