import { defineConfig } from 'vitest/config';

// Unit and integration tests sit beside their files as *.test.ts(x); e2e/*.spec.ts belong to Playwright.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration tests start real hubs on port 0 with their own SQLite files; two workers fit 2 cores.
    maxWorkers: 2,
    // A private PostgreSQL for the hub tests when HUB_TEST_STORE=postgres (nothing otherwise).
    globalSetup: ['src/server/testing/engines.globalSetup.ts'],
  },
});
