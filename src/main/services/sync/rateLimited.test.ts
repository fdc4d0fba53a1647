import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_REQUEST_LIMITS } from '../../../server/realtime/requestBudget';
import { startTestHub, type TestHub } from '../../../server/testing/hubHarness';
import type { Change } from '../../../shared/protocol';
import type { Db } from '../cache/database';
import { ENTITY_TABLES } from '../cache/entities';
import { readSyncState } from '../cache/syncState';
import { customer, interaction, kase, tempCache } from '../testing/fixtures';
import { saveOnHub, startTestWorkstation, type EntityRowOf } from '../testing/testWorkstation';

const CASES = 20;

describe('a workstation on a hub that refuses it as rate-limited', () => {
  let hub: TestHub;
  let db: Db;
  let cleanup: () => void;

  beforeEach(async () => {
    hub = await startTestHub({
      requestLimits: {
        ...DEFAULT_REQUEST_LIMITS,
        // A page of rows costs 4: one page at a time, one more every 200 ms.
        buckets: { ...DEFAULT_REQUEST_LIMITS.buckets, read: { capacity: 4, perSecond: 20 } },
        // A connection refused a fourth time within a minute is closed: one that asks again at once would be.
        maxStrikes: 3,
        strikeWindowMs: 60_000,
      },
    });
    ({ db, cleanup } = tempCache());
    const rows: EntityRowOf[] = [];
    for (let n = 1; n <= CASES; n++) {
      rows.push(
        ['case', kase({ id: `ca-${n}`, customerId: `cu-${n}`, queueId: 'q-chat', lastMessageId: `in-${n}` })],
        ['interaction', interaction({ id: `in-${n}`, caseId: `ca-${n}`, customerId: `cu-${n}` })],
        ['customer', customer({ id: `cu-${n}`, emails: [`cu-${n}@example.com`], phones: [], loyaltyNumber: null })],
      );
    }
    (await saveOnHub(hub.hub.ctx, ...rows));
  });

  afterEach(async () => {
    await hub.stop();
    cleanup();
  });

  it('still bootstraps completely, waiting as told, without being disconnected', async () => {
    const session = await hub.login('a1');
    // Small pages: the bootstrap takes many reads, so the snapshot's prefetch of the next page is refused.
    const ws = startTestWorkstation(hub.hub.url, session, db, { pageSize: 10 });
    try {
      await ws.caughtUp(15_000);
      expect(readSyncState(db)).toMatchObject({ bootstrapped: true, cursor: (await hub.hub.ctx.store.head()) });
      const snapshot = (await hub.connect(session)).request('sync:snapshot', { after: null, hwm: null, limit: 500 });
      const expected = (await snapshot).rows.map((r: Change) => `${r.entity}:${r.id}`).sort();
      const cached = Object.entries(ENTITY_TABLES)
        .flatMap(([entity, { table }]) => (db.prepare(`SELECT id FROM ${table}`).pluck().all() as string[]).map((id) => `${entity}:${id}`))
        .sort();
      expect(cached).toEqual(expected);
      expect(cached.filter((r) => r.startsWith('case:'))).toHaveLength(CASES);
      await sleep(300);
      expect(ws.seen.connection).toEqual(['online']);
      // Refused, and told once for the burst, not once per refusal; nothing failed.
      expect(ws.seen.problem).toEqual([{ where: 'rate-limited', message: expect.stringMatching(/too many requests; asking again in \d+ ms$/) }]);
    } finally {
      await ws.client.stop();
    }
  });
});
