import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../cache/database';
import { applyChanges } from '../cache/applyChanges';
import { customer, interaction, remove, tempCache, upsert } from '../testing/fixtures';
import { fullScans, queryPlan } from '../testing/queryPlan';
import { indexPendingBatch, pendingCount, startSearchIndexer, type SearchProgress } from './indexer';
import { CUSTOMER_SEARCH_SQL, customerMatch, INTERACTION_SEARCH_SQL, searchCustomers, searchInteractions } from './search';

describe('search', () => {
  let db: Db;
  let cleanup: () => void;
  let seq = 0;
  const apply = (...rows: Parameters<typeof upsert>[]) => {
    const changes = rows.map(([entity, _seq, data]) => upsert(entity, ++seq, data));
    applyChanges(db, changes, seq);
    while (indexPendingBatch(db, 100) > 0);
  };
  const names = (query: string) => searchCustomers(db, query).map((c) => c.name);

  beforeEach(() => {
    ({ db, cleanup } = tempCache());
    seq = 0;
    apply(
      ['customer', 0, customer({ id: 'pl', name: 'Łucja Żółkiewska', emails: ['lucja@example.pl'], phones: ['+48601234567'], loyaltyNumber: 'LOY-20417' })],
      ['customer', 0, customer({ id: 'gr', name: 'Σοφία Παπαδοπούλου', emails: ['sofia@example.gr'], phones: ['+302101234567'], loyaltyNumber: null })],
      ['customer', 0, customer({ id: 'en', name: 'Anna Kowalska', emails: ['anna.k@example.com'], phones: ['+447700900123'], loyaltyNumber: null })],
    );
  });
  afterEach(() => cleanup());

  it('finds Polish names typed without diacritics, and with them', () => {
    expect(names('lucja zolkiewska')).toEqual(['Łucja Żółkiewska']);
    expect(names('ŻÓŁK')).toEqual(['Łucja Żółkiewska']);
  });

  it('finds Greek names with or without accents, in any case', () => {
    expect(names('σοφια παπαδοπουλου')).toEqual(['Σοφία Παπαδοπούλου']);
    expect(names('ΣΟΦΊΑ')).toEqual(['Σοφία Παπαδοπούλου']);
  });

  it('matches prefixes as the person types, every word required', () => {
    expect(names('ko')).toEqual(['Anna Kowalska']);
    expect(names('anna kow')).toEqual(['Anna Kowalska']);
    expect(names('anna zol')).toEqual([]);
    expect(names('anna.k@exa')).toEqual(['Anna Kowalska']);
  });

  it('finds phones by their digits whatever the formatting', () => {
    for (const typed of ['+48 601 234 567', '601234567', '601-234', '0048601234567', '(601) 234 567']) {
      expect(names(typed), typed).toEqual(['Łucja Żółkiewska']);
    }
    expect(names('210 123 4567')).toEqual(['Σοφία Παπαδοπούλου']);
    expect(names('999 999')).toEqual([]);
  });

  it('finds loyalty numbers with or without their dash', () => {
    expect(names('LOY-20417')).toEqual(['Łucja Żółkiewska']);
    expect(names('loy20417')).toEqual(['Łucja Żółkiewska']);
    expect(names('20417')).toEqual(['Łucja Żółkiewska']);
  });

  it('follows changes: an updated name and a deleted customer', () => {
    apply(['customer', 0, customer({ id: 'en', name: 'Anna Nowak', emails: ['anna.n@example.com'], updatedAt: 2, version: 2 })]);
    expect(names('kowalska')).toEqual([]);
    expect(names('nowak')).toEqual(['Anna Nowak']);
    applyChanges(db, [remove('customer', ++seq, 'pl')], seq);
    indexPendingBatch(db, 100);
    expect(names('lucja')).toEqual([]);
  });

  it('orders messages newest first for common words, most relevant first for selective ones', () => {
    const filler = Array.from({ length: 30 }, (_, n) => ['interaction', 0, interaction({ id: `f${n}`, text: `order ${n} arrived`, createdAt: 1_000 + n })] as const);
    apply(
      ...filler.map((f) => [...f] as Parameters<typeof upsert>),
      ['interaction', 0, interaction({ id: 'old-rare', text: 'refund refund refund for the blender', createdAt: 10 })],
      ['interaction', 0, interaction({ id: 'new-rare', text: 'a long message about many things and one refund somewhere in the middle of it all', createdAt: 5_000 })],
    );
    expect(searchInteractions(db, 'order', 3).map((i) => i.id)).toEqual(['f29', 'f28', 'f27']);
    expect(searchInteractions(db, 'refund').map((i) => i.id)).toEqual(['old-rare', 'new-rare']);
    expect(searchInteractions(db, 'ZAMÓWIENIE')).toEqual([]);
  });

  it('looks only at the newest matches of a very common word, newest first', () => {
    const many = Array.from({ length: 600 }, (_, n) => ['interaction', 0, interaction({ id: `m${n}`, text: `parcel ${n}`, createdAt: 10_000 + n })] as const);
    apply(
      ['interaction', 0, interaction({ id: 'old-relevant', text: 'parcel parcel parcel', createdAt: 1 })],
      ...many.map((m) => [...m] as Parameters<typeof upsert>),
    );
    expect(searchInteractions(db, 'parcel', 2).map((i) => i.id)).toEqual(['m599', 'm598']);
  });

  it('searches the folded text of messages and call notes', () => {
    apply(['interaction', 0, interaction({ id: 'call', kind: 'phone', text: '', meta: { notes: 'Klient prosi o zwrot pieniędzy' } })]);
    expect(searchInteractions(db, 'pieniedzy').map((i) => i.id)).toEqual(['call']);
  });

  it('uses the full-text index and rowid lookups, never a scan of customers or interactions', () => {
    for (const [sql, ...params] of [
      [CUSTOMER_SEARCH_SQL, customerMatch('anna'), 10],
      [CUSTOMER_SEARCH_SQL, customerMatch('601 234'), 10],
      [INTERACTION_SEARCH_SQL, 'refund*'],
    ] as const) {
      const plan = queryPlan(db, sql, ...params);
      expect(plan.join('\n')).toMatch(/VIRTUAL TABLE INDEX/);
      expect(fullScans(plan, ['customers', 'interactions']), plan.join('\n')).toEqual([]);
    }
  });
});

describe('background indexer', () => {
  let db: Db;
  let cleanup: () => void;
  beforeEach(() => ({ db, cleanup } = tempCache()));
  afterEach(() => cleanup());

  it('fills the index in batches, reporting progress, and picks up later changes when kicked', async () => {
    const rows = Array.from({ length: 25 }, (_, n) => upsert('interaction', n + 1, interaction({ id: `i${n}`, text: `message ${n} parcel` })));
    applyChanges(db, rows, 25);
    expect(pendingCount(db)).toBe(25);
    const progress: SearchProgress[] = [];
    const indexer = startSearchIndexer(db, { batchSize: 10, onProgress: (p) => progress.push(p) });
    await indexer.idle();
    expect(progress).toEqual([
      { indexed: 10, pending: 15 },
      { indexed: 20, pending: 5 },
      { indexed: 25, pending: 0 },
    ]);
    expect(searchInteractions(db, 'parcel', 100)).toHaveLength(25);

    applyChanges(db, [upsert('interaction', 26, interaction({ id: 'late', text: 'courier' }))], 26);
    indexer.kick();
    await indexer.idle();
    expect(searchInteractions(db, 'courier').map((i) => i.id)).toEqual(['late']);
    await indexer.stop();
  });
});
