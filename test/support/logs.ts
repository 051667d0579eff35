import { vi } from 'vitest';

const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

/**
 * Captures what the functions print while `work` runs: with POWERTOOLS_DEV (set for the
 * tests) Powertools writes logs and metrics to the global console, one call per record.
 */
export async function captureLogs(work: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const spies = METHODS.map((method) =>
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' '))),
  );
  try {
    await work();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return lines;
}

/** The JSON records among captured lines (Powertools indents them in dev mode). */
export const records = (lines: string[]): Record<string, any>[] =>
  lines.flatMap((line) => {
    try {
      const value: unknown = JSON.parse(line);
      return value !== null && typeof value === 'object' ? [value as Record<string, any>] : [];
    } catch {
      return [];
    }
  });

/** The structured request lines (one per request). */
export const requestLines = (lines: string[]) => records(lines).filter((record) => record.message === 'request');

/** The EMF metric records, as { metric name: value } with their dimensions. */
export const metricRecords = (lines: string[]) =>
  records(lines)
    .filter((record) => record._aws?.CloudWatchMetrics)
    .map((record) => {
      const [directive] = record._aws.CloudWatchMetrics;
      const values = Object.fromEntries(directive.Metrics.map((metric: { Name: string }) => [metric.Name, record[metric.Name]]));
      const dimensions = Object.fromEntries(directive.Dimensions[0].map((name: string) => [name, record[name]]));
      return { namespace: directive.Namespace as string, dimensions, values };
    });
