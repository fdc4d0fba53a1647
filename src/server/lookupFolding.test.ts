import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyChanges } from '../main/services/cache/applyChanges';
import type { Db } from '../main/services/cache/database';
import { indexPendingBatch } from '../main/services/search/indexer';
import { searchCustomers } from '../main/services/search/search';
import { customer, tempCache, upsert } from '../main/services/testing/fixtures';
import { openSqliteStore, type SqliteStore } from './store/sqlite/sqliteStore';
import { foldText } from '../shared/text/fold';

// Names whose letters the hub's lookup and the workstation's search used to fold differently, each with what a
// person types for it on a keyboard without those letters.
const NAMES: ReadonlyArray<[name: string, typed: string]> = [
  ['Œdipe Dubois', 'oedipe'],
  ['Yıldız Kaya', 'yildiz'],
  ['Ｍaria Ｎowak', 'maria nowak'],
  ['ϲοφία Λαμπράκη', 'σοφια'],
  ['Łucja Żółkiewska', 'lucja'],
  ['Γιώργος Παπαδόπουλος', 'παπαδοπουλοσ'],
];

describe('the hub lookup and the workstation search fold alike', () => {
  let dir: string;
  let hub: SqliteStore;
  let cache: { db: Db; cleanup: () => void };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fold-agreement-'));
    hub = openSqliteStore(join(dir, 'hub.sqlite'));
    cache = tempCache();
    const rows = NAMES.map(([name], i) => customer({ id: `cu${i}`, name, phones: [], emails: [], handles: [], loyaltyNumber: null }));
    await hub.write(async (w) => {
      for (const row of rows) await w.put('customer', row, []);
    });
    applyChanges(cache.db, rows.map((row, i) => upsert('customer', i + 1, row)), rows.length);
    while (indexPendingBatch(cache.db, 100) > 0);
  });
  afterEach(async () => {
    await hub.close();
    cache.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(NAMES)('both find %s when "%s" is typed', async (name, typed) => {
    // The hub's name lookup asks its store for the folded query (src/server/lookup.ts).
    const atHub = (await hub.customersNamed(foldText(typed), 10)).map((c) => c.name);
    const local = searchCustomers(cache.db, typed).map((c) => c.name);
    expect(atHub).toEqual([name]);
    expect(local).toEqual([name]);
  });
});
