/**
 * The names operators see: the service, the CloudWatch namespace and every metric the
 * functions publish. The stack builds its alarms and dashboard from these, so a metric
 * cannot be renamed in the code without its alarm following.
 */
export const SERVICE_NAME = 'inventory-api';
export const METRICS_NAMESPACE = 'InventoryApi';

/** Per HTTP route, dimensioned by `service` and `route` (the route's name in functions/routes.ts). */
export const ROUTE_METRICS = {
  requests: 'Requests',
  status2xx: 'Status2xx',
  status4xx: 'Status4xx',
  status5xx: 'Status5xx',
  /** A 409 from an identity rule (the conditional write that refused a duplicate). */
  identityConflicts: 'IdentityConflicts',
  /** A write answered from its Idempotency-Key's stored answer (`idempotent-replayed: true`). */
  idempotentReplays: 'IdempotentReplays',
  /** A 503 because DynamoDB could not serve the request (throttled, unreachable, conflicting). */
  dynamoDbUnavailable: 'DynamoDbUnavailable',
} as const;

/** Per stream function, dimensioned by `service` and `function`. */
export const STREAM_METRICS = {
  stripeSyncsDone: 'StripeSyncsDone',
  stripeSyncsFailed: 'StripeSyncsFailed',
  lowStockEventsEmitted: 'LowStockEventsEmitted',
} as const;
export type StreamMetric = (typeof STREAM_METRICS)[keyof typeof STREAM_METRICS];

export const ROUTE_DIMENSION = 'route';
export const FUNCTION_DIMENSION = 'function';
