import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/support/globalSetup.ts'],
    setupFiles: ['test/support/handlerEnv.ts'],
    include: ['test/**/*.test.ts'],
    // Every request logs a line and publishes metrics: show them for failing tests only.
    silent: 'passed-only',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
