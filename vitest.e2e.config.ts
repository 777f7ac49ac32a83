import { defineConfig } from 'vitest/config';

/** Browser tests: each file starts its own server on a fresh PGlite data directory (no globalSetup). */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
