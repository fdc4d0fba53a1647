import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../cache/database';
import { applyChanges } from '../cache/applyChanges';
import { alert, held, kase, tempCache, upsert } from '../testing/fixtures';
import { optimisticEffects } from '../outbox/effects';
import { enqueue } from '../outbox/outbox';
import { findNotices } from './notices';

describe('findNotices', () => {
  let db: Db;
  let cleanup: () => void;
  beforeEach(() => {
    ({ db, cleanup } = tempCache());
    applyChanges(db, [upsert('case', 1, kase()), upsert('alert', 2, alert({ notifiedStaffIds: [] }))], 2);
  });
  afterEach(() => cleanup());

  it('announces a case newly assigned to me, an alert newly addressed to me and my reply newly held', () => {
    const changes = [
      upsert('case', 3, kase({ assigneeId: 'st1', version: 2 })),
      upsert('alert', 4, alert({ notifiedStaffIds: ['st1'], version: 2 })),
      upsert('held', 5, held()),
      upsert('held', 6, held({ id: 'other', authorId: 'st9' })),
    ];
    expect(findNotices(db, 'st1', changes).map((n) => n.kind)).toEqual(['assigned', 'alert', 'held']);
  });

  it('announces an alert newly given to me to follow up, once', () => {
    const assigned = alert({ notifiedStaffIds: ['sup1'], followUpStaffId: 'st1', status: 'follow-up', version: 2 });
    expect(findNotices(db, 'st1', [upsert('alert', 3, assigned)]).map((n) => n.kind)).toEqual(['alert']);
    applyChanges(db, [upsert('alert', 3, assigned)], 3);
    expect(findNotices(db, 'st1', [upsert('alert', 4, { ...assigned, status: 'closed', version: 3 })])).toEqual([]);
  });

  it('announces nothing already known, or older than the cache', () => {
    applyChanges(db, [upsert('case', 3, kase({ assigneeId: 'st1', version: 2 })), upsert('held', 5, held())], 5);
    expect(findNotices(db, 'st1', [upsert('case', 3, kase({ assigneeId: 'st1', version: 2 })), upsert('held', 5, held())])).toEqual([]);
    expect(findNotices(db, 'st1', [upsert('alert', 1, alert({ notifiedStaffIds: ['st1'], version: 1 }))])).toEqual([]);
  });

  it('does not announce a case assigned to me by my own change (my reply still in the outbox)', () => {
    const assigned = upsert('case', 3, kase({ assigneeId: 'st1', version: 2 }));
    enqueue(db, { type: 'reply', caseId: kase().id, channel: 'chat', text: 'On it', basedOn: { lastMessageId: null } }, (m) =>
      optimisticEffects(db, m, { staffId: 'st1', now: 1 }),
    );
    expect(findNotices(db, 'st1', [assigned])).toEqual([]);
    // Another person's case is still news while my reply waits.
    expect(findNotices(db, 'st1', [upsert('case', 4, kase({ id: 'other-case', assigneeId: 'st1', version: 2 }))]).map((n) => n.kind)).toEqual(['assigned']);
  });
});
