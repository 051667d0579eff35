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
  handler(): Promise<{ handler: LambdaHandler }>;
  contract(): Promise<{ contract: RouteContract }>;
}

const DEFINITIONS = [
  {
    name: 'createInventoryRecord',
    method: 'POST',
    paths: ['/v1/inventory'],
    // The merchant key (GetItem), then product, variant and warehouse (BatchGet), then the conditional Put.
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
    // One BatchGet, then one TransactWriteItems of Puts (variant, SKU guard, stock record, Stripe outbox entry).
    dynamoActions: ['dynamodb:BatchGetItem', 'dynamodb:PutItem'],
    handler: () => import('#functions/createVariant/handler'),
    contract: () => import('#functions/createVariant/contract'),
  },
  {
    name: 'getVariant',
    method: 'GET',
    paths: ['/admin/products/{id}/variants/{variant_id}'],
    // The variant (GetItem); with `*inventory_items` its partition range instead (Query), and the items' levels (Query) when shown.
    dynamoActions: ['dynamodb:GetItem', 'dynamodb:Query'],
    handler: () => import('#functions/getVariant/handler'),
    contract: () => import('#functions/getVariant/contract'),
  },
  {
    name: 'listVariants',
    method: 'GET',
    paths: ['/admin/products/{id}/variants'],
    // The product (GetItem) beside its variants and links (Query); the page's items' levels (Query) only for stock.
    dynamoActions: ['dynamodb:GetItem', 'dynamodb:Query'],
    handler: () => import('#functions/listVariants/handler'),
    contract: () => import('#functions/listVariants/contract'),
  },
  {
    name: 'updateVariantInventoryItem',
    method: 'POST',
    paths: ['/admin/products/{id}/variants/{variant_id}/inventory-items/{inventory_item_id}'],
    // The variant with its links (Query; levels too when shown), then the conditional Update.
    dynamoActions: ['dynamodb:Query', 'dynamodb:UpdateItem'],
    handler: () => import('#functions/updateVariantInventoryItem/handler'),
    contract: () => import('#functions/updateVariantInventoryItem/contract'),
  },
  {
    name: 'deleteVariantInventoryItem',
    method: 'DELETE',
    paths: ['/admin/products/{id}/variants/{variant_id}/inventory-items/{inventory_item_id}'],
    // The variant with its links (Query; levels too when shown), then the conditional Delete.
    dynamoActions: ['dynamodb:Query', 'dynamodb:DeleteItem'],
    handler: () => import('#functions/deleteVariantInventoryItem/handler'),
    contract: () => import('#functions/deleteVariantInventoryItem/contract'),
  },
  {
    name: 'listLocationLevels',
    method: 'GET',
    paths: ['/admin/inventory-items/{id}/location-levels'],
    // The item's partition: the item and its levels (Query).
    dynamoActions: ['dynamodb:Query'],
    handler: () => import('#functions/listLocationLevels/handler'),
    contract: () => import('#functions/listLocationLevels/contract'),
  },
  {
    name: 'createLocationLevel',
    method: 'POST',
    paths: ['/admin/inventory-items/{id}/location-levels'],
    // The item's partition (Query), then ConditionChecks on item and location with the conditional Put.
    dynamoActions: ['dynamodb:Query', 'dynamodb:ConditionCheckItem', 'dynamodb:PutItem'],
    handler: () => import('#functions/createLocationLevel/handler'),
    contract: () => import('#functions/createLocationLevel/contract'),
  },
  {
    name: 'updateLocationLevel',
    method: 'POST',
    paths: ['/admin/inventory-items/{id}/location-levels/{location_id}'],
    // The item's partition (Query), then the Update conditional on what the answer shows.
    dynamoActions: ['dynamodb:Query', 'dynamodb:UpdateItem'],
    handler: () => import('#functions/updateLocationLevel/handler'),
    contract: () => import('#functions/updateLocationLevel/contract'),
  },
  {
    name: 'deleteLocationLevel',
    method: 'DELETE',
    paths: ['/admin/inventory-items/{id}/location-levels/{location_id}'],
    // The item's partition (Query), then the Delete conditional on the level as read.
    dynamoActions: ['dynamodb:Query', 'dynamodb:DeleteItem'],
    handler: () => import('#functions/deleteLocationLevel/handler'),
    contract: () => import('#functions/deleteLocationLevel/contract'),
  },
  {
    name: 'batchVariantInventoryItems',
    method: 'POST',
    paths: ['/admin/products/{id}/variants/inventory-items/batch'],
    // The product (GetItem), each variant's range (Query) and the items to link (BatchGet), then one TransactWriteItems.
    dynamoActions: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
    handler: () => import('#functions/batchVariantInventoryItems/handler'),
    contract: () => import('#functions/batchVariantInventoryItems/contract'),
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
