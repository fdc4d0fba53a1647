import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from './database';
import { applyChanges } from './applyChanges';
import { getRow } from './rows';
import { readSyncState } from './syncState';
import { customer, interaction, kase, remove, tempCache, upsert } from '../testing/fixtures';

describe('applyChanges', () => {
  let db: Db;
  let cleanup: () => void;
  beforeEach(() => ({ db, cleanup } = tempCache()));
  afterEach(() => cleanup());

  it('writes rows and the cursor together', () => {
    const applied = applyChanges(db, [upsert('customer', 3, customer()), upsert('case', 4, kase())], 4);
    expect(applied.byEntity).toEqual({ customer: ['cu1'], case: ['ca1'] });
    expect(getRow(db, 'case', 'ca1')?.subject).toBe('Broken kettle');
    expect(readSyncState(db).cursor).toBe(4);
  });

  it('is idempotent: the same page twice changes nothing the second time', () => {
    const page = [upsert('case', 5, kase({ status: 'pending' }))];
    applyChanges(db, page, 5);
    expect(applyChanges(db, page, 5).byEntity).toEqual({});
    expect(getRow(db, 'case', 'ca1')?.status).toBe('pending');
  });

  it('keeps the newer row whatever the order (snapshot and log overlap)', () => {
    applyChanges(db, [upsert('case', 9, kase({ status: 'resolved', version: 3 }))], 9);
    applyChanges(db, [upsert('case', 7, kase({ status: 'open', version: 2 }))], 9);
    expect(getRow(db, 'case', 'ca1')?.status).toBe('resolved');
    applyChanges(db, [upsert('case', 12, kase({ status: 'closed', version: 4 }))], 12);
    expect(getRow(db, 'case', 'ca1')?.status).toBe('closed');
  });

  it('keeps a deleted row deleted against an older copy arriving later', () => {
    applyChanges(db, [upsert('customer', 2, customer())], 2);
    applyChanges(db, [remove('customer', 8, 'cu1')], 8);
    expect(getRow(db, 'customer', 'cu1')).toBeNull();
    applyChanges(db, [upsert('customer', 5, customer({ name: 'Stale' }))], 8);
    expect(getRow(db, 'customer', 'cu1')).toBeNull();
    applyChanges(db, [upsert('customer', 11, customer({ name: 'Back' }))], 11);
    expect(getRow(db, 'customer', 'cu1')?.name).toBe('Back');
  });

  it('applies a row changed again before the search indexer took it off its queue, alone or twice in one batch', () => {
    applyChanges(db, [upsert('customer', 2, customer()), upsert('interaction', 3, interaction())], 3);
    applyChanges(db, [upsert('customer', 4, customer({ name: 'Anna Nowak' })), upsert('interaction', 5, interaction({ text: 'Edited' }))], 5);
    applyChanges(db, [upsert('customer', 6, customer({ name: 'Anna Kowalska-Nowak' })), upsert('customer', 7, customer({ name: 'Anna K.' }))], 7);
    expect(getRow(db, 'customer', 'cu1')?.name).toBe('Anna K.');
    expect(getRow(db, 'interaction', 'in1')?.text).toBe('Edited');
    expect(db.prepare('SELECT entity FROM search_queue ORDER BY entity').pluck().all()).toEqual(['customer', 'interaction']);
  });

  it('never moves the cursor backwards', () => {
    applyChanges(db, [], 20);
    applyChanges(db, [], 15);
    expect(readSyncState(db).cursor).toBe(20);
  });

  it('writes nothing, not even the cursor, when a row fails to apply', () => {
    const bad = { ...upsert('case', 6, kase({ id: 'ca2' })), data: { ...kase({ id: 'ca2' }), queueId: null } } as never;
    expect(() => applyChanges(db, [upsert('case', 5, kase()), bad], 6)).toThrow();
    expect(getRow(db, 'case', 'ca1')).toBeNull();
    expect(readSyncState(db).cursor).toBe(0);
  });

  it('names new cases that arrived without customer or timeline, and not those that came with them', () => {
    const applied = applyChanges(
      db,
      [
        upsert('customer', 1, customer()),
        upsert('case', 2, kase()),
        upsert('interaction', 3, interaction()),
        upsert('case', 4, kase({ id: 'ca-moved', customerId: 'cu-unknown' })),
      ],
      4,
    );
    expect(applied.casesMissingHistory).toEqual(['ca-moved']);
  });
});
