import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** `npm run bench` with arguments: the entry point as npm runs it, in its own process. */
const bench = (...args: string[]) => spawnSync('npx', ['tsx', 'bench/run.ts', ...args], { encoding: 'utf8', timeout: 20_000 });

describe('npm run bench -- --help', () => {
  it.each(['--help', '-h'])('%s prints the usage, every knob with its default, and exits 0 without measuring', (flag) => {
    const run = bench(flag);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('BENCH_ROUTES');
    for (const knob of ['BENCH_REQUESTS=1000', 'BENCH_INIT_RUNS=20', 'BENCH_LOAD_SECONDS=20', 'BENCH_SCALE_ITEMS=100000']) {
      expect(run.stdout).toContain(knob);
    }
    // Nothing started: no progress line.
    expect(run.stderr).not.toContain('[bench]');
  });

  it('answers an unknown argument with the usage and exit code 2', () => {
    const run = bench('--routes');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('BENCH_ROUTES');
  });
});

describe('the benchmark workloads', () => {
  // A rule of the catalog that a workload's seed breaks would stop `npm run bench` halfway through its run.
  it('seed every route with a catalog the fixtures loader takes', async () => {
    const { ROUTES } = await import('#functions/routes');
    const { WORKLOADS } = await import('#bench/workloads');
    const { workloadFixtures } = await import('#bench/harness');
    const { parseFixtures } = await import('#shared/store/fixtures');
    for (const route of ROUTES) {
      const workload = WORKLOADS[route.name];
      expect(workload, route.name).toBeDefined();
      expect(() => parseFixtures(workloadFixtures(`bench_${route.name}`, workload!)), route.name).not.toThrow();
    }
  });
});
