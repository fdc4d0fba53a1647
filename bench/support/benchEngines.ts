/**
 * PostgreSQL and Redis for a run of bench/hub.bench.ts: the ones the flags name, or private ones started for the
 * run and removed after. Each measurement gets a PostgreSQL database of its own, created for it and dropped at
 * the end, so the benchmark never writes into the database it was pointed at.
 */
import pg from 'pg';
import { startPostgres } from '../../src/server/cluster/postgres';
import { startRedis } from '../../src/server/cluster/redis';
import { startedInOrder } from '../../scripts/support/stopInOrder';

export interface BenchEngines {
  /** For the header: which PostgreSQL and Redis, without passwords. */
  where: string;
  redisUrl: string;
  /** Creates an empty database and gives its URL. */
  freshDatabase(): Promise<string>;
  /** Drops the databases it created (or stops the private server), and stops a private Redis. */
  stop(): Promise<void>;
}

export async function benchEngines(o: { databaseUrl?: string; redisUrl?: string }): Promise<BenchEngines> {
  const started = startedInOrder((line) => console.warn(`bench: ${line}`));
  try {
    const server = o.databaseUrl ? null : await startPostgres({ name: 'bench' });
    const adminUrl = o.databaseUrl ?? server!.url;
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    const created: string[] = [];
    started.add(server ? 'the private PostgreSQL' : 'the databases made for the benchmark', async () => {
      if (server) return server.stop();
      for (const name of created) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    });
    const redis = o.redisUrl ? null : await startRedis();
    if (redis) started.add('the private Redis', redis.stop);
    const host = new URL(adminUrl).host;
    return {
      where: `PostgreSQL ${server ? `(private, ${host})` : host}, Redis ${redis ? `(private, ${new URL(redis.url).host})` : new URL(o.redisUrl!).host}`,
      redisUrl: redis?.url ?? o.redisUrl!,
      async freshDatabase() {
        const name = `bench_hub_${process.pid}_${created.length + 1}`;
        await admin(`CREATE DATABASE ${name}`).catch((err: Error) => {
          throw new Error(`cannot create a database for the benchmark on ${host} (${err.message}): the role of --database needs CREATEDB`);
        });
        created.push(name);
        const url = new URL(adminUrl);
        url.pathname = `/${name}`;
        return url.toString();
      },
      stop: started.stopAll,
    };
  } catch (err) {
    await started.stopAll();
    throw err;
  }
}
