import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import { redisSharedState, type RedisCommands, type SharedState } from '../sharedState';

/** What several hub nodes share through Redis: the Socket.IO adapter and the short-lived shared state. */
export interface RedisLink {
  adapter: ReturnType<typeof createAdapter>;
  shared: SharedState;
  /** Calls `listener` each time the link comes back after an outage (relays sent meanwhile were lost). */
  onReconnect(listener: () => void): void;
  close(): Promise<void>;
}

/**
 * Connects to Redis for a hub node, failing at once with a one-line reason when it cannot be reached at start;
 * once connected, a lost connection is retried with backoff while the node keeps serving (the change feed does
 * not depend on Redis). Two clients: the adapter's (which blocks reading its stream) and one for shared state,
 * which fails fast instead of queueing commands while Redis is away.
 */
export async function connectRedis(url: string): Promise<RedisLink> {
  let ready = false;
  // Before the first connection a failure ends the attempt (connect() rejects with it); after it, retries.
  const reconnectStrategy = (retries: number, cause: Error) => (ready ? Math.min(100 * 2 ** Math.min(retries, 5), 3_000) : cause);
  const options = { url, socket: { connectTimeout: 5_000, reconnectStrategy } };
  const adapterClient = createClient(options);
  const stateClient = createClient({ ...options, disableOfflineQueue: true });
  let reported = false;
  const reconnectListeners: Array<() => void> = [];
  for (const client of [adapterClient, stateClient]) {
    client.on('error', (err: Error) => {
      if (ready && !reported) console.warn(`hub: Redis connection lost (${err.message}); reconnecting`);
      reported = true;
    });
    client.on('ready', () => {
      if (!ready) return;
      if (reported) console.warn('hub: Redis connection back');
      reported = false;
      for (const l of reconnectListeners) l();
    });
  }
  try {
    await Promise.all([adapterClient.connect(), stateClient.connect()]);
  } catch (err) {
    await Promise.allSettled([adapterClient.destroy(), stateClient.destroy()]);
    // The host only: the URL may hold a password.
    throw new Error(`cannot reach Redis at ${new URL(url).host}: ${(err as Error).message}`);
  }
  ready = true;
  return {
    adapter: createAdapter(adapterClient),
    shared: redisSharedState(stateClient as unknown as RedisCommands),
    onReconnect: (listener) => void reconnectListeners.push(listener),
    async close() {
      await Promise.allSettled([adapterClient.quit(), stateClient.quit()]);
    },
  };
}
