/**
 * The background load of bench/supervisor.bench.ts, in its own process: the rest of the 1,000 agents connected
 * as raw sockets, following the change feed, while signed inbound messages arrive at a steady rate (as in
 * bench/hub.bench.ts's latency phase). Talks to its parent over IPC: `started`, then `start` → `ready`, then
 * `stop` → `stopped` with what it sent and received.
 */
import { performance } from 'node:perf_hooks';
import { benchClient, connectAll, postInbound, sleep } from './benchClients';

export interface AgentLoadStart {
  type: 'start';
  url: string;
  secret: string;
  agents: Array<{ id: string; token: string }>;
  /** Inbound messages per second. */
  rate: number;
  /** First message number (customers are `customer<n>@…`), apart from the parent's own. */
  firstMessage: number;
}
export type AgentLoadMessage =
  | { type: 'started' }
  | { type: 'ready'; connected: number }
  | { type: 'stopped'; posted: number; refused: number; pushes: number; seconds: number };

const send = (m: AgentLoadMessage) => process.send!(m);

async function run(start: AgentLoadStart, stopped: () => boolean): Promise<Extract<AgentLoadMessage, { type: 'stopped' }>> {
  const clients = start.agents.map(benchClient);
  await connectAll(start.url, clients);
  let pushes = 0;
  for (const c of clients) c.onChanges = () => void pushes++;
  send({ type: 'ready', connected: clients.length });
  let posted = 0;
  let refused = 0;
  let inFlight = 0;
  const began = performance.now();
  for (let i = 0; !stopped(); i++) {
    // Paced by schedule, so slow iterations do not lower the rate; a hub that falls behind shows as latency.
    const due = began + (i * 1000) / start.rate;
    if (due > performance.now()) await sleep(due - performance.now());
    if (inFlight >= 64) continue;
    inFlight++;
    void postInbound(start.url, start.secret, start.firstMessage + i, `load ${i}`)
      .then((r) => (r.status === 201 ? posted++ : refused++))
      .catch(() => refused++)
      .finally(() => inFlight--);
  }
  const seconds = (performance.now() - began) / 1000;
  while (inFlight > 0) await sleep(5);
  for (const c of clients) c.socket.disconnect();
  return { type: 'stopped', posted, refused, pushes, seconds };
}

let stopping = false;
process.on('disconnect', () => process.exit(0));
process.on('message', (m: AgentLoadStart | { type: 'stop' }) => {
  if (m.type === 'stop') stopping = true;
  else
    run(m, () => stopping).then(
      (result) => {
        send(result);
        process.exit(0);
      },
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
});
send({ type: 'started' });
