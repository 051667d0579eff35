import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { RouteContract } from '#shared/http/contract';
import type { RouteDemo } from '#functions/commons/demo';

/**
 * The product's routes: one Lambda per route, with the paths it answers and the DynamoDB
 * actions it issues. The CDK stack grants exactly these actions; the local server, the
 * OpenAPI generator, the demo, the tests and the benchmarks all read this registry. Each
 * route's folder holds its handler and its contract; they are loaded on demand, so
 * reading the registry (as CDK does) loads no handler.
 */
export type DynamoAction =
  | 'dynamodb:GetItem'
  | 'dynamodb:BatchGetItem'
  | 'dynamodb:Query'
  | 'dynamodb:PutItem'
  | 'dynamodb:UpdateItem'
  | 'dynamodb:DeleteItem'
  | 'dynamodb:BatchWriteItem'
  | 'dynamodb:ConditionCheckItem';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type LambdaHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

export type Vendor = 'shopsynch' | 'medusa' | 'ordercloud' | 'dayzero' | 'admin';

export interface RouteDefinition {
  /** Lambda name, also the route's folder under functions/<vendor>/. */
  name: string;
  /** The API whose conventions it answers in, also its folder under functions/. */
  vendor: Vendor;
  method: HttpMethod;
  /** API Gateway path templates. */
  paths: readonly string[];
  /** Exactly what the route calls on the table; with the Idempotency-Key step's actions on a write, its IAM policy grants these and nothing else. */
  dynamoActions: readonly DynamoAction[];
  /** The secondary indexes it queries (names from INDEXES): its policy allows Query on exactly these. */
  indexes?: readonly string[];
  /**
   * The route needs the stack's sealing secret: it seals or opens list cursors, or digests a
   * merchant API key (checks one, creates, imports, lists or revokes them; the digest is keyed
   * with a key derived from the secret). Its function, and only such, gets the secret, and its
   * handler builds its pipeline with functions/commons/sealingRoute.ts, the only way a bundle holds
   * the Secrets Manager client (test/bundle.test.ts holds the flag and the bundles together).
   */
  needsSealingSecret?: true;
  handler(): Promise<{ handler: LambdaHandler }>;
  /** The contract module: `contract()` builds the route's documentation (OpenAPI). */
  contract(): Promise<{ contract: () => RouteContract }>;
  /** The example `npm start` prints and the tests replay: dev-only, never bundled. */
  demo(): Promise<{ demo: RouteDemo }>;
}

/** What the shared Idempotency-Key step issues on every write (claim, complete or attach, release). */
export const IDEMPOTENCY_ACTIONS: readonly DynamoAction[] = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'];

/** Every DynamoDB action a route's function may call: its own, and on a write the Idempotency-Key step's. */
export const grantedActions = (route: RouteDefinition): DynamoAction[] =>
  [...new Set([...route.dynamoActions, ...(route.method === 'GET' ? [] : IDEMPOTENCY_ACTIONS)])].sort();

export const handlerEntry = (route: Pick<RouteDefinition, 'name' | 'vendor'>) => `functions/${route.vendor}/${route.name}/handler.ts`;

export const routeKey = (route: Pick<RouteDefinition, 'method'>, path: string) => `${route.method} ${path}`;
