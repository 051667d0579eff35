import { defineConfig } from 'vitest/config';
import LongestFirst from './test/support/sequencer.ts';

export default defineConfig({
  test: {
    globalSetup: ['test/support/globalSetup.ts'],
    setupFiles: ['test/support/testLogs.ts', 'test/support/handlerEnv.ts'],
    include: ['test/**/*.test.ts'],
    // A test's own log lines are kept in its process (test/support/testLogs.ts); whatever else
    // is printed shows for failing tests only.
    silent: 'passed-only',
    pool: 'forks',
    // Two files at a time: one file's waits on DynamoDB Local (its own instance or the shared one)
    // leave the CPU to the other. Vitest's default on two cores is one.
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
    // A hang guard, not a speed goal: beside other files, a test that runs a migration or a race
    // can take several times its time alone (a 5 s test took 30 s in one CI run).
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
