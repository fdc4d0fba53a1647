/**
 * The workstation's sync side as a process of its own, for the crash test (crash.test.ts), which kills it
 * with SIGKILL at random moments. It syncs one cache with the hub and, in `outbox` mode, keeps writing notes
 * through the outbox. It reports on stdout, one line each: `queued <mutationId> <text>` once a note is durably
 * in the outbox, and `acked <mutationId> <text>` once the hub acknowledged it, and `caught-up` when in step.
 * It starts syncing on the first line it reads on standard input.
 */
import { openCacheDatabase } from '../cache/database';
import { optimisticEffects } from '../outbox/effects';
import { countUnsent, enqueue } from '../outbox/outbox';
import { startSyncClient } from '../sync/syncClient';

const { CACHE_FILE, CACHE_KEY, HUB_URL, TOKEN, MODE, RUN, STAFF_ID } = process.env;
if (!CACHE_FILE || !CACHE_KEY || !HUB_URL || !TOKEN || !MODE || !RUN || !STAFF_ID) throw new Error('crashChild: missing environment');

// The test starts the next run's process while the current one runs, and lets it touch the cache only when
// the current one is dead: it waits here, loaded, for a line on standard input (or leaves with the test).
await new Promise<void>((resolve) => {
  process.stdin.once('data', () => resolve());
  process.stdin.once('end', () => process.exit(0));
});
process.stdin.destroy();

const db = openCacheDatabase(CACHE_FILE, { key: Buffer.from(CACHE_KEY, 'hex') });
// Small pages: many transactions, so a kill lands inside or between them.
const sync = startSyncClient({ url: HUB_URL, db, getToken: async () => TOKEN, pageSize: 25, reconnect: { baseMs: 50, maxMs: 200 } });
const say = (line: string) => process.stdout.write(`${line}\n`);
sync.on('settled', (entry) => {
  if (entry.state === 'acked' && entry.mutation.type === 'note') say(`acked ${entry.mutationId} ${entry.mutation.text}`);
});
sync.on('caughtUp', () => {
  say('caught-up');
  if (MODE === 'drain' && countUnsent(db) === 0) say('drained');
});

if (MODE === 'outbox' || MODE === 'drain') {
  let n = 0;
  const caseIds = () => db.prepare('SELECT id FROM cases ORDER BY id LIMIT 20').pluck().all() as string[];
  const timer = setInterval(() => {
    if (MODE === 'drain') {
      if (countUnsent(db) === 0) say('drained');
      return;
    }
    const ids = caseIds();
    if (ids.length === 0) return;
    const text = `crash note ${RUN}-${n++}`;
    const entry = enqueue(db, { type: 'note', caseId: ids[n % ids.length], text }, (m) => optimisticEffects(db, m, { staffId: STAFF_ID, now: Date.now() }));
    say(`queued ${entry.mutationId} ${text}`);
    sync.flushOutbox();
  }, 5);
  timer.unref();
}
say('started');
