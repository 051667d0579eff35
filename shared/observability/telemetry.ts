import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { FUNCTION_DIMENSION, METRICS_NAMESPACE, SERVICE_NAME, type StreamMetric } from '#shared/observability/names';

/**
 * One logger and one metrics buffer per container (Powertools for AWS Lambda).
 * POWERTOOLS_LOG_LEVEL sets the level (INFO by default) and POWERTOOLS_LOGGER_SAMPLE_RATE
 * the share of requests logged at DEBUG; POWERTOOLS_DEV prints indented lines to the
 * global console (local server, tests).
 */
export const logger = new Logger({ serviceName: SERVICE_NAME, jsonReplacerFn: redactSecrets });
export const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: SERVICE_NAME });

/**
 * Second line of defence behind logging identifiers only: a string that still carries a
 * bearer token, a JWT or a Stripe key (Stripe quotes part of a refused key in its error
 * messages) has the secret replaced before the line is written.
 */
function redactSecrets(_key: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return value
    .replace(/\b(?:Bearer\s+)?eyJ[\w-]*\.[\w-]*\.[\w-]*/g, '[redacted token]')
    .replace(/\bBearer\s+\S+/gi, 'Bearer [redacted]')
    .replace(/\b(?:sk|rk)_(?:live|test)_[\w*]+/g, '[redacted Stripe key]');
}

/**
 * Publishes counts as one EMF record under one extra dimension, with `fields` carried beside
 * them as plain properties (EMF metadata: searchable in Logs Insights, not metrics). Adding and
 * publishing happen in one synchronous step, so requests served concurrently in one process
 * (the local server, the tests) never mix their dimensions, counts or fields.
 */
export function publishCounts(
  dimension: { name: string; value: string },
  counts: Readonly<Record<string, number>>,
  fields: Readonly<Record<string, unknown>> = {},
): void {
  metrics.addDimension(dimension.name, dimension.value);
  for (const [name, value] of Object.entries(counts)) metrics.addMetric(name, MetricUnit.Count, value);
  // EMF metadata may be any JSON value (numbers stay numbers for Logs Insights); the typings only say string.
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) metrics.addMetadata(name, value as string);
  metrics.publishStoredMetrics();
}

/** What a stream function did with one batch (Stripe syncs, low-stock events...), published under its own name. */
export function publishStreamCounts(functionName: string, counts: Partial<Record<StreamMetric, number>>): void {
  publishCounts({ name: FUNCTION_DIMENSION, value: functionName }, counts as Record<string, number>);
}
