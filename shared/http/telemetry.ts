import type { MiddlewareObj, Request } from '@middy/core';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { Principal } from '#shared/auth/principal';
import { ConflictError, UnavailableError } from '#shared/domain/errors';
import { ROUTE_DIMENSION, ROUTE_METRICS } from '#shared/observability/names';
import { logger, publishCounts } from '#shared/observability/telemetry';
import type { HttpEvent } from '#shared/http/response';

/** What the telemetry needs from outside HTTP (given by the composition root). */
export interface TelemetryPorts {
  /** The DynamoDB commands sent so far for the current request, one per attempt. */
  roundTrips(): readonly string[];
  asUnavailable(error: unknown): UnavailableError | undefined;
}

type TelemetryContext = Context & { principal?: Principal };
type TelemetryRequest = Request<HttpEvent, APIGatewayProxyStructuredResultV2, Error, TelemetryContext>;

/**
 * One structured line per request, whatever its outcome: the route's metrics (EMF) and the
 * access-log fields in one record. Used as
 * the outermost middleware, so it sees the final response, the error envelope included.
 * Only identifiers, the route, the status and counts are logged: never headers, tokens,
 * keys or bodies.
 */
export function requestTelemetry(
  ports: TelemetryPorts,
): MiddlewareObj<HttpEvent, APIGatewayProxyStructuredResultV2, Error, TelemetryContext> {
  const started = new WeakMap<object, number>();
  const record = (request: TelemetryRequest) => {
    const status = request.response?.statusCode ?? 500;
    const error = request.error ?? undefined;
    const route = request.event.routeKey;
    const commands = ports.roundTrips();
    const replayed = request.response?.headers?.['idempotent-replayed'] === 'true';
    const durationMs = Math.round((performance.now() - (started.get(request.context) ?? performance.now())) * 10) / 10;
    // Only sampled requests log at DEBUG: the others skip building a line Powertools would drop.
    if (logger.getLevelName() === 'DEBUG') logger.debug('dynamodb calls', { function_request_id: request.context.awsRequestId, commands });
    // The access line and the route's metrics are one record: one write to the log per request.
    publishCounts(
      { name: ROUTE_DIMENSION, value: route },
      {
        [ROUTE_METRICS.requests]: 1,
        [statusClassMetric(status)]: 1,
        ...(error instanceof ConflictError ? { [ROUTE_METRICS.identityConflicts]: 1 } : {}),
        ...(replayed ? { [ROUTE_METRICS.idempotentReplays]: 1 } : {}),
        ...(error instanceof UnavailableError || ports.asUnavailable(error) ? { [ROUTE_METRICS.dynamoDbUnavailable]: 1 } : {}),
      },
      {
        level: 'INFO',
        message: 'request',
        timestamp: new Date().toISOString(),
        function_request_id: request.context.awsRequestId,
        correlation_id: request.event.requestContext.requestId,
        xray_trace_id: process.env._X_AMZN_TRACE_ID,
        tenant_id: request.context.principal?.tenantId,
        status,
        duration_ms: durationMs,
        dynamodb_round_trips: commands.length,
        ...(replayed ? { idempotent_replayed: true } : {}),
      },
    );
  };
  return {
    before: (request) => {
      // Debug logging is sampled per request (POWERTOOLS_LOGGER_SAMPLE_RATE).
      logger.refreshSampleRateCalculation();
      started.set(request.context, performance.now());
    },
    after: record,
    onError: record,
  };
}

function statusClassMetric(status: number): string {
  if (status >= 500) return ROUTE_METRICS.status5xx;
  if (status >= 400) return ROUTE_METRICS.status4xx;
  return ROUTE_METRICS.status2xx;
}
