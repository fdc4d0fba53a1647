import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * `npm run test:hub:postgres`: the hub's tests again on PostgreSQL (HUB_TEST_STORE=postgres), which are the server
 * tests that open a hub store through the test harness (src/server/testing: hubHarness, adminHub, testData,
 * hubNodeProcess, floodProcess). Tests that never open one (parsers, flags, the connector, the CLI's own SQLite
 * folder) would only run the same code twice. The cluster and store tests start their own PostgreSQL and run in
 * the main suite.
 */
const OPENS_A_HUB_STORE = /from '(?:\.\.?\/)+testing\/(?:hubHarness|adminHub|testData|hubNodeProcess|floodProcess)'/;

const hubStoreTests = readdirSync('src/server', { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.test.ts') && !file.startsWith('cluster') && !file.startsWith('store/'))
  .map((file) => `src/server/${file}`)
  .filter((file) => OPENS_A_HUB_STORE.test(readFileSync(file, 'utf8')));

// Replaced, not merged: mergeConfig would add these to the main suite's include.
export default defineConfig({ ...base, test: { ...base.test, include: hubStoreTests } });
