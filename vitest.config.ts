import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/support/globalSetup.ts'],
    setupFiles: ['test/support/handlerEnv.ts'],
    include: ['test/**/*.test.ts'],
    // Every request logs a line and publishes metrics: show them for failing tests only.
    silent: 'passed-only',
    pool: 'forks',
    // DynamoDB Local, a process of its own, does most of the work: two files at a time keep
    // both cores of a small machine busy (the default leaves one core to the rest).
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
