import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/support/globalSetup.ts'],
    setupFiles: ['test/support/handlerEnv.ts'],
    include: ['test/**/*.test.ts'],
    // Every request logs a line and publishes metrics: show them for failing tests only.
    silent: 'passed-only',
    pool: 'forks',
    // Three files at a time on two cores: a file's waits on DynamoDB Local (its own instance or the
    // shared one) and its retry pauses leave the CPU to the others. With two, a quarter of the
    // run's CPU time stood idle. Vitest's default on two cores is one.
    maxWorkers: 3,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
