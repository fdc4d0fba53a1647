import type { TestProject } from 'vitest/node';
import { startPostgres } from '../cluster/postgres';

/**
 * Starts the private PostgreSQL the hub tests run on when HUB_TEST_STORE=postgres (each test gets a database of
 * its own on it), and stops it when the run ends, whatever happened.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  if (process.env.HUB_TEST_STORE !== 'postgres') {
    project.provide('hubTestPostgres', null);
    return;
  }
  const server = await startPostgres({ name: 'hubtests' });
  project.provide('hubTestPostgres', server.url);
  return () => server.stop();
}
