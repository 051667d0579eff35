import { beforeEach } from 'vitest';

const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
/** The most lines a test keeps: the last ones, nearest the failure. */
const KEPT_LINES = 1_000;

/**
 * Every request writes its access line to the console (Powertools, in dev mode). Vitest would
 * carry each line to its main process and keep it there, to show a failing test's output: over a
 * run, hundreds of thousands of lines sent and kept for the few that fail. Here a test's lines stay
 * in its own process and are printed, through vitest, only if it fails. Tests that read the lines
 * spy on the console (logs.ts) over this. TEST_LOGS=all prints every line as it is written.
 */
if (process.env.TEST_LOGS !== 'all') {
  const original = Object.fromEntries(METHODS.map((method) => [method, console[method]])) as Pick<Console, (typeof METHODS)[number]>;
  let kept: { method: (typeof METHODS)[number]; args: unknown[] }[] = [];
  for (const method of METHODS) {
    console[method] = (...args: unknown[]) => {
      kept.push({ method, args });
      if (kept.length > KEPT_LINES * 2) kept = kept.slice(-KEPT_LINES);
    };
  }
  beforeEach((context) => {
    kept = [];
    context.onTestFailed(() => {
      for (const { method, args } of kept.slice(-KEPT_LINES)) original[method](...args);
    });
  });
}
