import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../../server/testing/hubHarness';
import type { Db } from '../cache/database';
import { keepLookupRows } from '../cache/lookupRows';
import { partialCasesAmong } from '../cache/partialCases';
import { getCaseWithTimeline } from '../cache/queries/caseTimeline';
import { customer, interaction, kase, tempCache } from '../testing/fixtures';
import { saveOnHub, startTestWorkstation, type TestWorkstation } from '../testing/testWorkstation';

const TEXTS = ['Video call: wants a replacement kettle', 'Internal: courier lost the first one', 'Can I pick it up in Warsaw?'];

describe('a case the workstation holds only as a continuation view', () => {
  let hub: TestHub;
  let db: Db;
  let cleanup: () => void;
  let ws: TestWorkstation;

  beforeEach(async () => {
    hub = await startTestHub();
    ({ db, cleanup } = tempCache());
    // A case of the chat queue, outside the store clerk's scope, with three entries in its timeline.
    (await saveOnHub(
      hub.hub.ctx,
      ['case', kase({ id: 'ca-q', customerId: 'cu-q', queueId: 'q-chat', lastMessageId: 'in-3' })],
      ...TEXTS.map((text, i) => ['interaction', interaction({ id: `in-${i + 1}`, caseId: 'ca-q', customerId: 'cu-q', text, createdAt: 1_000 + i })] as const),
      ['customer', customer({ id: 'cu-q', emails: ['anna@example.com'], phones: [], loyaltyNumber: null })],
    ));
    ws = startTestWorkstation(hub.hub.url, await hub.login('store1'), db);
    await ws.caughtUp();
  });

  afterEach(async () => {
    await ws.client.stop();
    await hub.stop();
    cleanup();
  });

  it('fetches its whole history once the feed brings it into scope, and forgets the mark', async () => {
    expect(getCaseWithTimeline(db, 'ca-q')).toBeNull();
    // What the lookup sends the clerk with the customer at the counter: the case, its customer, the hand-over entries.
    const view = (await hub.hub.ctx.store.caseRows('ca-q')).filter((r) => r.entity !== 'interaction' || r.id !== 'in-2');
    keepLookupRows(db, view, ['ca-q']);
    expect(getCaseWithTimeline(db, 'ca-q')?.timeline.map((i) => i.text)).toEqual([TEXTS[0], TEXTS[2]]);

    // The clerk continues it in store: the case moves to their store and so into their scope.
    const whole = ws.next('changed', (p) => (p.byEntity.interaction ?? []).includes('in-2'));
    (await saveOnHub(hub.hub.ctx, ['case', { ...(await hub.hub.ctx.store.get('case', 'ca-q'))!, storeId: 'store-w', version: 2 }]));
    await whole;
    expect(getCaseWithTimeline(db, 'ca-q')?.timeline.map((i) => i.text)).toEqual(TEXTS);
    expect(partialCasesAmong(db, ['ca-q'])).toEqual([]);
    expect(ws.seen.problem).toEqual([]);
  });
});
