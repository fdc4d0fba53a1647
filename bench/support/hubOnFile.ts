/**
 * A hub over an existing SQLite file, in its own process (so the workstation side of a benchmark has a core of
 * its own). Sends `{ url, tokens }` over IPC, with a session for each username in BENCH_USERS; stops on "stop".
 */
import { createHub } from '../../src/server/hub';

async function main() {
  const dbPath = process.env.BENCH_DB;
  if (!dbPath) throw new Error('BENCH_DB names the hub database');
  const hub = await createHub({ dbPath, port: 0, ingestSecret: process.env.BENCH_SECRET ?? 'bench-secret', accessTtlMs: 3_600_000 });
  const tokens: Record<string, string> = {};
  for (const username of (process.env.BENCH_USERS ?? '').split(',').filter(Boolean)) {
    const found = await hub.ctx.store.staffCredentials(username);
    if (!found) throw new Error(`no staff member ${username}`);
    tokens[username] = (await hub.auth.startSession(found.staff)).accessToken;
  }
  process.send!({ url: hub.url, tokens });
  process.on('message', async (msg: { type: string }) => {
    if (msg.type !== 'stop') return;
    await hub.close();
    process.exit(0);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
