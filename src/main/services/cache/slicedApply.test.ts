import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../../shared/protocol';
import { customer, interaction, kase, tempCache, upsert } from '../testing/fixtures';
import { applyChanges } from './applyChanges';
import type { Db } from './database';
import { getRow } from './rows';
import { applyChangesInSlices, applyInSlices } from './slicedApply';
import { applySnapshotPageInSlices, readSyncState } from './syncState';

const messages = (from: number, n: number): Change[] =>
  Array.from({ length: n }, (_, i) => upsert('interaction', from + i, interaction({ id: `in-${from + i}`, caseId: 'ca1' })));

describe('applying in slices', () => {
  let db: Db;
  let cleanup: () => void;
  beforeEach(() => ({ db, cleanup } = tempCache()));
  afterEach(() => cleanup());

  it('moves the cursor with the last slice only, so a crash mid-page leaves it behind the data, and the page applies again', async () => {
    const page = messages(1, 10);
    let slices = 0;
    const crash = applyInSlices(db, page, (slice, last) => {
      if (++slices === 3) throw new Error('power cut');
      return applyChanges(db, slice, last ? 10 : null);
    }, 4);
    await expect(crash).rejects.toThrow('power cut');
    expect(readSyncState(db).cursor).toBe(0);
    expect(getRow(db, 'interaction', 'in-8')).not.toBeNull();
    expect(getRow(db, 'interaction', 'in-9')).toBeNull();

    const again = await applyChangesInSlices(db, page, 10, 4);
    expect(readSyncState(db).cursor).toBe(10);
    expect(again.byEntity.interaction).toEqual(['in-9', 'in-10']);
  });

  it('reports a case as missing its history only if the whole batch left it so, and names the cases touched', async () => {
    const rows = [upsert('case', 1, kase({ id: 'ca1', customerId: 'cu1' })), upsert('case', 2, kase({ id: 'ca2', customerId: 'cu2' })), upsert('customer', 3, customer({ id: 'cu1' })), ...messages(4, 1)];
    const applied = await applyChangesInSlices(db, rows, 4, 2);
    expect(applied.casesMissingHistory).toEqual(['ca2']);
    expect(applied.cases.sort()).toEqual(['ca1', 'ca2']);
  });

  it('records a snapshot page as done with its last slice', async () => {
    await applySnapshotPageInSlices(db, null, { rows: messages(1, 5), after: null, hwm: 40, done: true }, 'st1', 2);
    expect(readSyncState(db)).toMatchObject({ bootstrapped: true, cursor: 40, snapshot: null });
  });
});
