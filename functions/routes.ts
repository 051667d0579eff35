import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { RouteContract } from '#shared/http/contract';

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
  | 'dynamodb:ConditionCheckItem';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type LambdaHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

export interface RouteDefinition {
  /** Lambda name, also the folder under functions/. */
  name: string;
  method: HttpMethod;
  /** API Gateway path templates. */
  paths: readonly string[];
  /** Exactly what the route calls on the table; with the Idempotency-Key step's actions on a write, its IAM policy grants these and nothing else. */
  dynamoActions: readonly DynamoAction[];
  /** The secondary indexes it queries (names from INDEXES): its policy allows Query on exactly these. */
  indexes?: readonly string[];
  handler(): Promise<{ handler: LambdaHandler }>;
  /** The contract module: `contract()` builds the route's documentation (OpenAPI). */
  contract(): Promise<{ contract: () => RouteContract }>;
}

const DEFINITIONS = [
  {
    name: 'createInventoryRecord',
    method: 'POST',
    paths: ['/v1/inventory'],
    // The merchant key (GetItem), then product, variant and warehouse (BatchGet), then one TransactWriteItems of Puts (guard, record, first movement).
    dynamoActions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:PutItem'],
    handler: () => import('#functions/createInventoryRecord/handler'),
    contract: () => import('#functions/createInventoryRecord/contract'),
  },
  {
    name: 'linkVariantInventoryItem',
    method: 'POST',
    paths: ['/admin/products/{id}/variants/{variant_id}/inventory-items'],
    // The product (GetItem) beside the variant's and the items' partitions (Query), then one TransactWriteItems of ConditionChecks and a Put.
    dynamoActions: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem', 'dynamodb:PutItem'],
    handler: () => import('#functions/linkVariantInventoryItem/handler'),
    contract: () => import('#functions/linkVariantInventoryItem/contract'),
  },
  {
    name: 'createVariantInventoryRecord',
    method: 'POST',
    // The official OrderCloud SDK prefixes its API version.
    paths: ['/products/{productID}/variants/{variantID}/inventoryrecords', '/v1/products/{productID}/variants/{variantID}/inventoryrecords'],
    dynamoActions: ['dynamodb:BatchGetItem', 'dynamodb:PutItem'],
    handler: () => import('#functions/createVariantInventoryRecord/handler'),
    contract: () => import('#functions/createVariantInventoryRecord/contract'),
  },
  {
    name: 'createVariant',
    method: 'POST',
    paths: ['/api/v1/inventory/products/variants'],
    // One BatchGet and the default location (GetItem), then one TransactWriteItems of Puts (variant, SKU guard, stock guard, record and first movement, Stripe outbox entry).
    dynamoActions: ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:PutItem'],
    handler: () => import('#functions/createVariant/handler'),
    contract: () => import('#functions/createVariant/contract'),
  },
  {
    name: 'getInventoryRecord',
    method: 'GET',
    paths: ['/v1/inventory/{id}'],
    // The merchant key and the record: two GetItems side by side, one round trip.
    dynamoActions: ['dynamodb:GetItem'],
    handler: () => import('#functions/getInventoryRecord/handler'),
    contract: () => import('#functions/getInventoryRecord/contract'),
  },
  {
    name: 'listInventoryRecords',
    method: 'GET',
    paths: ['/v1/inventory'],
    // The merchant key (GetItem) beside one Query on a stock index.
    dynamoActions: ['dynamodb:GetItem', 'dynamodb:Query'],
    indexes: ['stockByProduct', 'stockByWarehouse'],
    handler: () => import('#functions/listInventoryRecords/handler'),
    contract: () => import('#functions/listInventoryRecords/contract'),
  },
  {
    name: 'reserveInventory',
    method: 'PATCH',
    paths: ['/v1/inventory/{id}/reserve'],
    // The merchant key and the record (GetItem), then one TransactWriteItems of Puts (record, movement, low-stock outbox entry).
    dynamoActions: ['dynamodb:GetItem', 'dynamodb:PutItem'],
    handler: () => import('#functions/reserveInventory/handler'),
    contract: () => import('#functions/reserveInventory/contract'),
  },
  {
    name: 'releaseInventory',
    method: 'PATCH',
    paths: ['/v1/inventory/{id}/release'],
    dynamoActions: ['dynamodb:GetItem', 'dynamodb:PutItem'],
    handler: () => import('#functions/releaseInventory/handler'),
    contract: () => import('#functions/releaseInventory/contract'),
  },
  {
    name: 'adjustInventory',
    method: 'PATCH',
    paths: ['/v1/inventory/{id}/adjust'],
    dynamoActions: ['dynamodb:GetItem', 'dynamodb:PutItem'],
    handler: () => import('#functions/adjustInventory/handler'),
    contract: () => import('#functions/adjustInventory/contract'),
  },
  {
    name: 'listInventoryMovements',
    method: 'GET',
    paths: ['/v1/inventory/{id}/movements'],
    // The merchant key (GetItem) beside one Query on the record's partition.
    dynamoActions: ['dynamodb:GetItem', 'dynamodb:Query'],
    handler: () => import('#functions/listInventoryMovements/handler'),
    contract: () => import('#functions/listInventoryMovements/contract'),
  },
  {
    name: 'listLowStockInventory',
    method: 'GET',
    paths: ['/v1/inventory/low-stock'],
    // The merchant key (GetItem) beside one Query on the sparse low-stock index.
    dynamoActions: ['dynamodb:GetItem', 'dynamodb:Query'],
    indexes: ['lowStock'],
    handler: () => import('#functions/listLowStockInventory/handler'),
    contract: () => import('#functions/listLowStockInventory/contract'),
  },
  {
    name: 'getVariant',
    method: 'GET',
    paths: ['/api/v1/inventory/products/variants/{id}'],
    // One Query on the variantById index: the variant and its stock records.
    dynamoActions: ['dynamodb:Query'],
    indexes: ['variantById'],
    handler: () => import('#functions/getVariant/handler'),
    contract: () => import('#functions/getVariant/contract'),
  },
  {
    name: 'updateVariant',
    method: 'PUT',
    paths: ['/api/v1/inventory/products/variants/{id}'],
    // The variant's product from the variantById index (Query), then business, variant, product and vendor (BatchGet)
    // beside its stock guards and links (Query), then its stock records (BatchGet); then one TransactWriteItems: variant
    // Put (or Delete + Put to move), SKU guards Delete + Put, and when moving stock guards Delete + Put and records Put.
    dynamoActions: ['dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'],
    indexes: ['variantById'],
    handler: () => import('#functions/updateVariant/handler'),
    contract: () => import('#functions/updateVariant/contract'),
  },
  {
    name: 'createAdjustment',
    method: 'POST',
    paths: ['/api/v1/inventory/adjustments'],
    // The variant from the variantById index (Query) beside business and location (BatchGet), then location and stock
    // guard (BatchGet) and the record (GetItem); then one TransactWriteItems of Puts: the record's next version, its
    // history entry, the low-stock outbox entry and the adjustment (or, for a new record, guard, record and history).
    dynamoActions: ['dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:PutItem'],
    indexes: ['variantById'],
    handler: () => import('#functions/createAdjustment/handler'),
    contract: () => import('#functions/createAdjustment/contract'),
  },
  {
    name: 'adjustmentReasonsReport',
    method: 'GET',
    paths: ['/api/v1/inventory/reports/adjustment-reasons'],
    // One Query per calendar month of the period, all at once.
    dynamoActions: ['dynamodb:Query'],
    handler: () => import('#functions/adjustmentReasonsReport/handler'),
    contract: () => import('#functions/adjustmentReasonsReport/contract'),
  },
  {
    name: 'deleteVariant',
    method: 'DELETE',
    paths: ['/api/v1/inventory/products/variants/{id}'],
    // As an update (index Query, BatchGets, partition Queries), then a Put (archive) or one TransactWriteItems of Deletes
    // (variant, SKU guard, stock records with their guards and history, pending Stripe task).
    dynamoActions: ['dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'],
    indexes: ['variantById'],
    handler: () => import('#functions/deleteVariant/handler'),
    contract: () => import('#functions/deleteVariant/contract'),
  },
] as const satisfies readonly RouteDefinition[];

export type RouteName = (typeof DEFINITIONS)[number]['name'];
export const ROUTES: readonly (RouteDefinition & { name: RouteName })[] = DEFINITIONS;

/** What the shared Idempotency-Key step issues on every write (claim, complete or attach, release). */
export const IDEMPOTENCY_ACTIONS: readonly DynamoAction[] = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'];

/** Every DynamoDB action a route's function may call: its own, and on a write the Idempotency-Key step's. */
export const grantedActions = (route: RouteDefinition): DynamoAction[] =>
  [...new Set([...route.dynamoActions, ...(route.method === 'GET' ? [] : IDEMPOTENCY_ACTIONS)])].sort();

export const handlerEntry = (route: Pick<RouteDefinition, 'name'>) => `functions/${route.name}/handler.ts`;

export const routeKey = (route: Pick<RouteDefinition, 'method'>, path: string) => `${route.method} ${path}`;
