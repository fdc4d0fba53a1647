/**
 * One agent's workstation for bench/supervisor.bench.ts, in its own process (as on its own PC): the real
 * engine (encrypted cache, sync client, outbox) signed in online. The parent asks it over IPC to watch for
 * cases it should gain and lose, and when its inbox showed them. Every request carries a `ref`, echoed in
 * its answer. Environment: BENCH_HUB_URL, BENCH_USER, BENCH_PASSWORD, BENCH_DIR.
 */
import { createEngine, type Engine } from '../../src/main/engine/createEngine';
import { synced } from './engineSynced';
import { BENCH_KDF, wallNow, type WorkstationAnswer, type WorkstationRequest } from './workstationProtocol';

/**
 * Resolves with the time at which this workstation's inbox ("mine") lists every case of `gained` and none of
 * `lost`, checked each time the engine announces changed cases (as the inbox refreshes).
 */
function shows(engine: Engine, gained: ReadonlySet<string>, lost: ReadonlySet<string>, timeoutMs: number): Promise<number> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (at: number) => {
      if (done) return;
      done = true;
      off();
      clearTimeout(timer);
      resolve(at);
    };
    const timer = setTimeout(() => finish(Number.POSITIVE_INFINITY), timeoutMs);
    const check = async () => {
      const r = await engine.call('inbox.list', { mine: true, limit: 500, sort: 'waiting' });
      if (!r.ok) return;
      const listed = new Set(r.value.items.map((i) => i.case.id));
      if ([...gained].every((id) => listed.has(id)) && ![...lost].some((id) => listed.has(id))) finish(wallNow());
    };
    const off = engine.subscribe((e) => {
      if (e.name !== 'data.changed') return;
      const ids = e.payload.entities.case ?? [];
      if (ids.some((id) => gained.has(id) || lost.has(id))) void check();
    });
  });
}

async function main() {
  const { BENCH_HUB_URL: hubUrl, BENCH_USER: username, BENCH_PASSWORD: password, BENCH_DIR: dataDir } = process.env;
  if (!hubUrl || !username || !password || !dataDir) throw new Error('BENCH_HUB_URL, BENCH_USER, BENCH_PASSWORD and BENCH_DIR are required');
  const engine = createEngine({ dataDir, hubUrl, idleCheckMs: 0, kdf: BENCH_KDF, log: () => {} });
  const ready = synced(engine);
  const signedIn = await engine.call('auth.signIn', { username, password, mode: 'online' });
  if (!signedIn.ok) throw new Error(`${username} could not sign in: ${signedIn.error.message}`);
  await ready;

  const answer = (m: WorkstationAnswer) => process.send!(m);
  const watches = new Map<number, Promise<number>>();
  process.on('disconnect', () => process.exit(0));
  process.on('message', async (m: WorkstationRequest) => {
    if (m.type === 'clock') answer({ ref: m.ref, at: wallNow() });
    else if (m.type === 'watch') {
      watches.set(m.ref, shows(engine, new Set(m.gained), new Set(m.lost), m.timeoutMs));
      answer({ ref: m.ref, at: wallNow() });
    } else if (m.type === 'shown') {
      const at = await watches.get(m.watch);
      watches.delete(m.watch);
      answer({ ref: m.ref, at: at !== undefined && Number.isFinite(at) ? at : null });
    } else if (m.type === 'stop') {
      await engine.close();
      answer({ ref: m.ref, at: wallNow() });
      process.exit(0);
    }
  });
  answer({ type: 'ready' });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
