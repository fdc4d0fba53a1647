import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from './database';
import { applyChanges } from './applyChanges';
import { pruneToScope } from './pruneToScope';
import { getRow } from './rows';
import { applySnapshotPage, beginSnapshot, readSyncState, saveScope } from './syncState';
import { customer, interaction, kase, tempCache, upsert } from '../testing/fixtures';

describe('sync state', () => {
  let db: Db;
  let cleanup: () => void;
  beforeEach(() => ({ db, cleanup } = tempCache()));
  afterEach(() => cleanup());

  it('records snapshot progress with each page and moves the cursor to hwm when the bootstrap is done', () => {
    beginSnapshot(db, null);
    applySnapshotPage(db, null, { rows: [upsert('customer', 4, customer())], after: 'p1', hwm: 40, done: false }, 'st1');
    expect(readSyncState(db)).toMatchObject({ cursor: 0, bootstrapped: false, snapshot: { after: 'p1', hwm: 40, queueIds: null } });
    applySnapshotPage(db, null, { rows: [upsert('case', 7, kase())], after: null, hwm: 40, done: true }, 'st1');
    expect(readSyncState(db)).toMatchObject({ cursor: 40, bootstrapped: true, snapshot: null });
  });

  it('leaves the cursor alone after a snapshot of queues just joined', () => {
    applyChanges(db, [], 50);
    beginSnapshot(db, ['q2']);
    applySnapshotPage(db, ['q2'], { rows: [upsert('case', 60, kase({ queueId: 'q2' }))], after: null, hwm: 70, done: true }, 'st1');
    expect(readSyncState(db)).toMatchObject({ cursor: 50, snapshot: null });
    expect(getRow(db, 'case', 'ca1')?.queueId).toBe('q2');
  });

  it('widens a scope snapshot in flight instead of forgetting it', () => {
    beginSnapshot(db, ['q2']);
    applySnapshotPage(db, ['q2'], { rows: [], after: 'p1', hwm: 9, done: false }, 'st1');
    expect(beginSnapshot(db, ['q3'])).toEqual({ after: null, hwm: null, queueIds: ['q2', 'q3'] });
    expect(readSyncState(db).snapshot).toEqual({ after: null, hwm: null, queueIds: ['q2', 'q3'] });
  });

  it('prunes cases outside the scope, with their timelines and customers left without cases', () => {
    applyChanges(
      db,
      [
        upsert('customer', 1, customer()),
        upsert('customer', 2, customer({ id: 'cu2' })),
        upsert('case', 3, kase({ id: 'kept', queueId: 'q1' })),
        upsert('case', 4, kase({ id: 'mine-elsewhere', queueId: 'q9', assigneeId: 'st1' })),
        upsert('case', 5, kase({ id: 'gone', queueId: 'q2', customerId: 'cu2' })),
        upsert('interaction', 6, interaction({ id: 'gone-msg', caseId: 'gone', customerId: 'cu2' })),
      ],
      6,
    );
    const scope = { all: false, queueIds: ['q1'], storeId: null, staffId: 'st1' };
    saveScope(db, scope);
    expect(pruneToScope(db, scope)).toEqual(['gone']);
    expect([getRow(db, 'case', 'kept'), getRow(db, 'case', 'mine-elsewhere')].map((c) => c?.id)).toEqual(['kept', 'mine-elsewhere']);
    expect([getRow(db, 'case', 'gone'), getRow(db, 'interaction', 'gone-msg'), getRow(db, 'customer', 'cu2')]).toEqual([null, null, null]);
    expect(getRow(db, 'customer', 'cu1')).not.toBeNull();
    expect(readSyncState(db).scope).toEqual(scope);
  });
});
