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
    // Three files at a time on two cores: each file spends much of its time waiting on DynamoDB
    // Local (its own instance or a shared one) and on its races' pauses, which leaves the CPU to the
    // others. A full run here took 577 s with two workers and 476 s with three. Vitest's default on
    // two cores is one.
    maxWorkers: 3,
    sequence: { sequencer: LongestFirst },
    // A hang guard, not a speed goal: beside other files, a test that runs a migration or a race
    // can take several times its time alone (a 5 s test took 30 s in one CI run).
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
