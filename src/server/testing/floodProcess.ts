import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FloodCount } from './flooder';

export type { FloodCount };

/** A running flooder process (see flooder.ts). */
export interface Flooder {
  /** Resolves the next time the hub closes the flooding connection. */
  closed(): Promise<void>;
  /** Stops flooding and resolves with what happened to its frames. */
  stop(): Promise<FloodCount>;
}

/** Starts a flooder in its own process and resolves once it runs. */
export async function startFlooder(opts: { url: string; token: string; event: string; payload: unknown; total?: number }): Promise<Flooder> {
  const child = fork(fileURLToPath(new URL('./flooder.ts', import.meta.url)), {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      FLOOD_URL: opts.url,
      FLOOD_TOKEN: opts.token,
      FLOOD_EVENT: opts.event,
      FLOOD_PAYLOAD: JSON.stringify(opts.payload),
      ...(opts.total ? { FLOOD_TOTAL: String(opts.total) } : {}),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const closes: Array<() => void> = [];
  let counted: ((c: FloodCount) => void) | null = null;
  child.on('message', (m: { type?: string } & Partial<FloodCount>) => {
    if (m.type === 'closed') closes.splice(0).forEach((resolve) => resolve());
    else if (m.type === undefined) counted?.(m as FloodCount);
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`flooder exited with ${code}`)));
  });
  return {
    closed: () => new Promise((resolve) => closes.push(resolve)),
    async stop() {
      const count = new Promise<FloodCount>((resolve) => (counted = resolve));
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' });
      const result = await count;
      await exited;
      return result;
    },
  };
}
