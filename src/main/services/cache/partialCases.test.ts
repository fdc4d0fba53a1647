import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customer, interaction, kase, tempCache, upsert } from '../testing/fixtures';
import { applyChanges } from './applyChanges';
import type { Db } from './database';
import { keepLookupRows } from './lookupRows';
import { partialCasesAmong } from './partialCases';
import { pruneToScope } from './pruneToScope';
import { applySnapshotPage } from './syncState';

/** A lookup's continuation view of case ca1 (queue q2, not ours): the case, its customer, one hand-over entry. */
const continuationView = [upsert('case', 10, kase({ queueId: 'q2' })), upsert('customer', 11, customer()), upsert('interaction', 12, interaction())];

describe('cases cached in part', () => {
  let db: Db;
  let cleanup: () => void;
  beforeEach(() => ({ db, cleanup } = tempCache()));
  afterEach(() => cleanup());

  it('are kept with their mark, and need nothing fetched while they stay out of the feed', () => {
    expect(keepLookupRows(db, continuationView, ['ca1']).casesMissingHistory).toEqual([]);
    expect(partialCasesAmong(db, ['ca1', 'ca2'])).toEqual(['ca1']);
    expect(applyChanges(db, [upsert('interaction', 13, interaction({ id: 'in2' }))], 13).casesMissingHistory).toEqual([]);
  });

  it('need their history fetched when the feed brings them (they entered the scope), though their timeline is not empty', () => {
    keepLookupRows(db, continuationView, ['ca1']);
    applyChanges(db, [upsert('case', 20, kase({ id: 'ca2' })), upsert('customer', 21, customer({ id: 'cu2' }))], 21);
    const entered = applyChanges(db, [upsert('case', 30, kase({ queueId: 'q1', version: 2 })), upsert('case', 31, kase({ id: 'ca2', version: 2 }))], 31);
    expect(entered.casesMissingHistory).toEqual(['ca1']);
    // An older copy (a replayed page) writes nothing and asks for nothing.
    expect(applyChanges(db, [upsert('case', 25, kase({ queueId: 'q1' }))], 31).casesMissingHistory).toEqual([]);
  });

  it('are complete once a snapshot brings them, and forgotten once pruned', () => {
    keepLookupRows(db, continuationView, ['ca1']);
    applySnapshotPage(db, ['q2'], { rows: [upsert('case', 10, kase({ queueId: 'q2' }))], after: null, hwm: 40, done: true }, 'st1');
    expect(partialCasesAmong(db, ['ca1'])).toEqual([]);

    keepLookupRows(db, continuationView, ['ca1']);
    expect(pruneToScope(db, { all: false, queueIds: ['q1'], storeId: null, staffId: 'st1' })).toEqual(['ca1']);
    expect(partialCasesAmong(db, ['ca1'])).toEqual([]);
  });
});
