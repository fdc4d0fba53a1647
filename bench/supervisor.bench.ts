/**
 * npm run bench:supervisor — the supervisor console under the hub benchmark's load of 1,000 agents.
 *
 * Processes: the hub (bench/support/benchHubProcess.ts); the load (bench/support/agentLoad.ts: the other agents
 * as raw sockets, inbound messages at BENCH_RATE); eleven agent workstations, each a real engine (encrypted
 * cache, sync client, outbox) in its own process as on its own PC (bench/support/workstationProcess.ts); and
 * this one, the supervisor's workstation: engine, browser host, and the console open in Debian Chromium.
 *
 * Prints:
 * - bulk reassignment: the supervisor moves 100 cases (10 from each of ten agents, to an eleventh) through its
 *   engine and outbox; timed until the last affected workstation shows it, i.e. its engine has applied the
 *   change and its inbox query (what the inbox renders) lists every case gained and none lost (p50, p99);
 * - dashboard update: another supervisor moves a case to a queue; timed until the supervisor's Live queues
 *   table has painted the queue's new waiting count (p50, p99). Page and process clocks are aligned by the
 *   shortest of several round trips, whose half is printed as the uncertainty;
 * - the agents board of every agent: opened until its first cards are painted, then scrolled through.
 * Knobs (environment): BENCH_AGENTS (1000), BENCH_RATE (inbound msgs/s, 50), BENCH_ROUNDS (bulk moves, 22),
 * BENCH_SAMPLES (dashboard changes, 40).
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from '@playwright/test';
import { startBrowserHost } from '../src/main/browser-host/startBrowserHost';
import { createEngine, type Engine } from '../src/main/engine/createEngine';
import type { AssignTarget } from '../src/shared/protocol';
import buildRenderer, { RENDERER_DIR } from '../e2e/support/buildRenderer';
import type { AgentLoadMessage, AgentLoadStart } from './support/agentLoad';
import { benchClient, connect, postInbound, sleep, type BenchClient } from './support/benchClients';
import type { BenchHubReady } from './support/benchHubProcess';
import { askChild, startChildHub, stopChildHub } from './support/childHub';
import { scrollFrames } from './support/scrollFrames';
import { ms, percentile, printTable } from './support/stats';
import { BENCH_KDF, wallNow, type WorkstationAnswer, type WorkstationRequest } from './support/workstationProtocol';

const RATE = Number(process.env.BENCH_RATE ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 22);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 40);
/** Agents with a real workstation: each round, one gains 100 cases and the ten others lose 10 each. */
const WORKSTATIONS = 11;
const PER_SOURCE = 10;
/** Cases each workstation holds at the start: enough to give 10 a round for ten rounds before it gains again. */
const HELD = 150;
const PASSWORD = 'bench-password';

/** An agent's workstation process, and the cases the benchmark placed with that agent. */
interface Workstation {
  id: string;
  child: ChildProcess;
  held: string[];
  /** Arms a watch for cases to gain and lose; returns when the inbox showed them, on this process's clock (Infinity: never). */
  watch(gained: readonly string[], lost: readonly string[], timeoutMs?: number): Promise<() => Promise<number>>;
  stop(): Promise<void>;
}

type Request = WorkstationRequest extends infer R ? (R extends unknown ? Omit<R, 'ref'> : never) : never;

/** Starts an agent's workstation process (it signs in and syncs first), and aligns its clock with this one. */
async function startWorkstation(dir: string, hubUrl: string, id: string): Promise<Workstation> {
  const { child } = await startChildHub<WorkstationAnswer>('./workstationProcess.ts', { BENCH_HUB_URL: hubUrl, BENCH_USER: id, BENCH_PASSWORD: PASSWORD, BENCH_DIR: join(dir, id) });
  const waiting = new Map<number, (at: number | null) => void>();
  child.on('message', (m: WorkstationAnswer) => {
    if (!('ref' in m)) return;
    waiting.get(m.ref)?.(m.at);
    waiting.delete(m.ref);
  });
  let next = 1;
  const call = (request: Request, ref = next++) =>
    new Promise<number | null>((resolve) => {
      waiting.set(ref, resolve);
      child.send({ ...request, ref });
    });
  const offset = await alignClock(async () => (await call({ type: 'clock' }))!);
  return {
    id,
    child,
    held: [],
    async watch(gained, lost, timeoutMs = 10_000) {
      const ref = next++;
      await call({ type: 'watch', gained: [...gained], lost: [...lost], timeoutMs }, ref);
      return async () => ((await call({ type: 'shown', watch: ref })) ?? Number.POSITIVE_INFINITY) - offset.offset;
    },
    async stop() {
      await call({ type: 'stop' });
    },
  };
}

/** Another clock's offset from this process's: from the shortest of 20 round trips, with half of it as the error. */
async function alignClock(theirNow: () => Promise<number>): Promise<{ offset: number; error: number }> {
  let best = { offset: 0, error: Number.POSITIVE_INFINITY };
  for (let i = 0; i < 20; i++) {
    const before = wallNow();
    const theirs = await theirNow();
    const after = wallNow();
    if ((after - before) / 2 < best.error) best = { offset: theirs - (before + after) / 2, error: (after - before) / 2 };
  }
  return best;
}

/**
 * Arms a watcher in the page: resolves (as `window.__painted`) with the page's time of the first animation
 * frame after the queue's waiting count reads `expected`.
 */
async function armWaitingWatch(page: Page, queueId: string, expected: string): Promise<void> {
  await page.evaluate(
    ([queue, want]) => {
      const cell = () => document.querySelector(`[data-testid=queue-figures] tr[data-queue="${queue}"] [data-testid=waiting]`)?.textContent;
      (window as unknown as { __painted: Promise<number> }).__painted = new Promise<number>((resolve) => {
        const table = document.querySelector('[data-testid=queue-figures]')!;
        const seen = () => {
          if (cell() !== want) return false;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()));
          return true;
        };
        const observer = new MutationObserver(seen);
        observer.observe(table, { subtree: true, childList: true, characterData: true });
        seen();
      });
    },
    [queueId, expected] as const,
  );
}

async function main() {
  console.log(`bench:supervisor — ${process.env.BENCH_AGENTS ?? 1000} agents, ${RATE} inbound msg/s, ${ROUNDS} bulk moves of 100 cases, ${SAMPLES} queue changes`);
  buildRenderer();
  const dir = mkdtempSync(join(tmpdir(), 'bench-supervisor-'));
  const agentIds = Array.from({ length: WORKSTATIONS }, (_, i) => `agent-${String(i).padStart(4, '0')}`);
  const { child: hubChild, ready } = await startChildHub<BenchHubReady>('./benchHubProcess.ts', {
    BENCH_SIGN_IN: [...agentIds, 'sup-0'].join(','),
    BENCH_PASSWORD: PASSWORD,
  });
  const { child: loadChild } = await startChildHub<AgentLoadMessage>('./agentLoad.ts', {});
  const workstations: Workstation[] = [];
  let supervisorEngine: Engine | null = null;
  let host: Awaited<ReturnType<typeof startBrowserHost>> | null = null;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    // The load: every agent without a workstation here, and the supervisors this benchmark does not use.
    const load: AgentLoadStart = {
      type: 'start',
      url: ready.url,
      secret: ready.secret,
      agents: [...ready.agents.filter((a) => !agentIds.includes(a.id)), ...ready.supervisors.slice(2)],
      rate: RATE,
      firstMessage: 1_000_000,
    };
    const loaded = await askChild<AgentLoadMessage>(loadChild, load);
    if (loaded.type !== 'ready') throw new Error(`load: ${loaded.type}`);
    console.log(`  load: ${loaded.connected} sockets connected, ${RATE} inbound msg/s`);

    let t = performance.now();
    workstations.push(...(await Promise.all(agentIds.map((id) => startWorkstation(dir, ready.url, id)))));
    console.log(`  ${WORKSTATIONS} agent workstations signed in and synced in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    // The supervisor's workstation: engine, browser host, and the console's Live queues in Chromium.
    supervisorEngine = createEngine({ dataDir: join(dir, 'sup-0'), hubUrl: ready.url, idleCheckMs: 0, kdf: BENCH_KDF, log: () => {} });
    host = await startBrowserHost({ engine: supervisorEngine, rendererDir: RENDERER_DIR });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(120_000);
    // tsx keeps function names through a `__name` helper; functions handed to page.evaluate carry calls to it.
    await page.addInitScript('globalThis.__name = (fn) => fn;');
    await page.goto(host.url);
    await page.getByLabel('Username').fill('sup-0');
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('header').getByText('Supervisor', { exact: true }).click();
    await page.getByRole('tab', { name: 'Live queues' }).click();
    await page.locator(`[data-testid=queue-figures] tr[data-queue="${ready.overflowQueueId}"]`).waitFor();

    // Another supervisor, as a raw socket: places the benchmark's cases, and makes the queue changes.
    const other: BenchClient = benchClient(ready.supervisors[1]);
    await connect(ready.url, other);
    const move = async (caseIds: string[], to: AssignTarget) => {
      const ack = await other.socket.emitWithAck('mutate', { mutationId: randomUUID(), type: 'supervisor.reassign', caseIds, to });
      if (!ack.ok) throw new Error(`reassign refused: ${ack.message}`);
    };
    let n = 0;
    const newCase = async () => (await postInbound(ready.url, ready.secret, n++, `placed ${n}`)).body.caseId;

    t = performance.now();
    for (const w of workstations) {
      for (let i = 0; i < HELD; i++) w.held.push(await newCase());
      const placed = await w.watch(w.held, [], 60_000);
      await move(w.held, { staffId: w.id });
      if ((await placed()) === Number.POSITIVE_INFINITY) throw new Error(`${w.id} never showed its ${HELD} cases`);
    }
    console.log(`  ${WORKSTATIONS * HELD} cases placed on the workstations in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    // 1. Bulk reassignment through the supervisor's engine and outbox.
    const lastShown: number[] = [];
    const perWorkstation: number[] = [];
    const confirmed: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const target = workstations[r % WORKSTATIONS];
      const sources = workstations.filter((w) => w !== target);
      const taken = new Map(sources.map((w) => [w, w.held.splice(0, PER_SOURCE)]));
      const caseIds = [...taken.values()].flat();
      const waits = await Promise.all([target.watch(caseIds, []), ...sources.map((w) => w.watch([], taken.get(w)!))]);
      const outboxEmpty = new Promise<number>((resolve) => {
        const off = supervisorEngine!.subscribe((e) => {
          if (e.name === 'connection.changed' && e.payload.unsent === 0) {
            off();
            resolve(wallNow());
          }
        });
      });
      const start = wallNow();
      const queued = await supervisorEngine.call('supervisor.reassign', { caseIds, to: { staffId: target.id } });
      if (!queued.ok) throw new Error(`reassign: ${queued.error.message}`);
      const times = (await Promise.all(waits.map((shown) => shown()))).map((at) => at - start);
      confirmed.push((await Promise.race([outboxEmpty, sleep(10_000).then(() => Number.POSITIVE_INFINITY)])) - start);
      perWorkstation.push(...times);
      lastShown.push(Math.max(...times));
      target.held.push(...caseIds);
      // One move at a time: the next starts once the last one's history fetches and indexing have settled.
      await sleep(1_000);
    }

    // 2. Dashboard: a case moved to the empty queue, until the supervisor's table shows the new waiting count.
    const clock = await alignClock(() => page.evaluate(() => performance.timeOrigin + performance.now()));
    const dashboard: number[] = [];
    const fmt = new Intl.NumberFormat('en');
    for (let i = 0; i < SAMPLES; i++) {
      const caseId = await newCase();
      await armWaitingWatch(page, ready.overflowQueueId, fmt.format(i + 1));
      const start = wallNow();
      await move([caseId], { queueId: ready.overflowQueueId });
      const painted = await Promise.race([
        page.evaluate(() => (window as unknown as { __painted: Promise<number> }).__painted),
        sleep(10_000).then(() => Number.POSITIVE_INFINITY),
      ]);
      dashboard.push(painted - clock.offset - start);
      await sleep(250);
    }
    // 3. The agents board with every agent: opened until its first cards are painted, then scrolled through
    // while the console stays live.
    const boardOpen = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const tab = [...document.querySelectorAll<HTMLElement>('[role=tab]')].find((el) => el.textContent?.trim() === 'Agents')!;
          const start = performance.now();
          tab.click();
          const wait = () => {
            if (document.querySelector('[role=list][aria-label=Agents] [data-testid^="agent-agent-"]')) requestAnimationFrame(() => resolve(performance.now() - start));
            else if (performance.now() - start > 60_000) resolve(Number.POSITIVE_INFINITY);
            else requestAnimationFrame(wait);
          };
          wait();
        }),
    );
    const board = { open: boardOpen, ...(await page.evaluate(scrollFrames, '[role=list][aria-label=Agents] [data-testid^="agent-agent-"]')) };

    const overview = await supervisorEngine.call('supervisor.dashboard', { since: new Date().setHours(0, 0, 0, 0) });
    const openCases = overview.ok ? overview.value.cases.length : Number.NaN;
    other.socket.disconnect();

    const stopped = await askChild<AgentLoadMessage>(loadChild, { type: 'stop' });
    const loadLine = stopped.type === 'stopped' ? `${(stopped.posted / stopped.seconds).toFixed(1)} msg/s accepted (${stopped.refused} refused), ${stopped.pushes.toLocaleString('en')} pushes to ${loaded.connected} sockets` : '';
    printTable('Results', [
      ['bulk reassign of 100 cases -> last workstation shows it p50 / p99', `${ms(percentile(lastShown, 50))} / ${ms(percentile(lastShown, 99))}`, `goal p99 < 250 ms (${lastShown.length} moves, 11 workstations each)`],
      ['  each affected workstation p50 / p99', `${ms(percentile(perWorkstation, 50))} / ${ms(percentile(perWorkstation, 99))}`, `(${perWorkstation.length} workstation updates)`],
      ['  hub confirmed to the supervisor (outbox empty) p50 / p99', `${ms(percentile(confirmed, 50))} / ${ms(percentile(confirmed, 99))}`],
      ['dashboard shows a queue change p50 / p99', `${ms(percentile(dashboard, 50))} / ${ms(percentile(dashboard, 99))}`, `goal p99 < 250 ms (${dashboard.length} changes; clocks ±${ms(clock.error, 2)}; ${openCases.toLocaleString('en')} open cases on the dashboard)`],
      [`agents board of ${ready.agents.length.toLocaleString('en')} agents: opened and painted`, ms(board.open, 0), `scrolled through: ${board.slow} of ${board.frames} frames over 50 ms, worst ${ms(board.worst, 0)}`],
      ['background load during the run', loadLine],
    ]);
  } finally {
    await browser.close();
    await host?.close();
    await supervisorEngine?.close();
    await Promise.all(workstations.map((w) => w.stop().catch(() => w.child.kill())));
    if (loadChild.connected) loadChild.kill();
    await stopChildHub(hubChild);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
