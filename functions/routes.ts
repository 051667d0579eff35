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
    name: 'listVariantInventoryRecords',
    method: 'GET',
    paths: ['/products/{productID}/variants/{variantID}/inventoryrecords', '/v1/products/{productID}/variants/{variantID}/inventoryrecords'],
    // One Query of the product's partition; a BatchGet only for records stored without their address, and for the product on a 404.
    dynamoActions: ['dynamodb:Query', 'dynamodb:BatchGetItem'],
    handler: () => import('#functions/listVariantInventoryRecords/handler'),
    contract: () => import('#functions/listVariantInventoryRecords/contract'),
  },
  {
    name: 'getVariantInventoryRecord',
    method: 'GET',
    paths: ['/products/{productID}/variants/{variantID}/inventoryrecords/{inventoryRecordID}', '/v1/products/{productID}/variants/{variantID}/inventoryrecords/{inventoryRecordID}'],
    // One BatchGet of the product, the variant and the record.
    dynamoActions: ['dynamodb:BatchGetItem'],
    handler: () => import('#functions/getVariantInventoryRecord/handler'),
    contract: () => import('#functions/getVariantInventoryRecord/contract'),
  },
  {
    name: 'saveVariantInventoryRecord',
    method: 'PUT',
    paths: ['/products/{productID}/variants/{variantID}/inventoryrecords/{inventoryRecordID}', '/v1/products/{productID}/variants/{variantID}/inventoryrecords/{inventoryRecordID}'],
    // One BatchGet, then a conditional Put, or a TransactWriteItems of Puts and Deletes (a new record, or a renamed one with its ID guard).
    dynamoActions: ['dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'],
    handler: () => import('#functions/saveVariantInventoryRecord/handler'),
    contract: () => import('#functions/saveVariantInventoryRecord/contract'),
  },
  {
    name: 'patchVariantInventoryRecord',
    method: 'PATCH',
    paths: ['/products/{productID}/variants/{variantID}/inventoryrecords/{inventoryRecordID}', '/v1/products/{productID}/variants/{variantID}/inventoryrecords/{inventoryRecordID}'],
    // One BatchGet, then a conditional Put, or a TransactWriteItems of Puts and Deletes when the ID changes.
    dynamoActions: ['dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'],
    handler: () => import('#functions/patchVariantInventoryRecord/handler'),
    contract: () => import('#functions/patchVariantInventoryRecord/contract'),
  },
  {
    name: 'deleteVariantInventoryRecord',
    method: 'DELETE',
    paths: ['/products/{productID}/variants/{variantID}/inventoryrecords/{inventoryRecordID}', '/v1/products/{productID}/variants/{variantID}/inventoryrecords/{inventoryRecordID}'],
    // One TransactWriteItems deleting the record and its ID guard; a BatchGet only to name what a 404 misses.
    dynamoActions: ['dynamodb:DeleteItem', 'dynamodb:BatchGetItem'],
    handler: () => import('#functions/deleteVariantInventoryRecord/handler'),
    contract: () => import('#functions/deleteVariantInventoryRecord/contract'),
  },
  {
    name: 'listProductInventoryRecords',
    method: 'GET',
    paths: ['/products/{productID}/inventoryrecords', '/v1/products/{productID}/inventoryrecords'],
    // One Query of the product's partition; a BatchGet only for records stored without their address, and for the product on a 404.
    dynamoActions: ['dynamodb:Query', 'dynamodb:BatchGetItem'],
    handler: () => import('#functions/listProductInventoryRecords/handler'),
    contract: () => import('#functions/listProductInventoryRecords/contract'),
  },
  {
    name: 'createProductInventoryRecord',
    method: 'POST',
    paths: ['/products/{productID}/inventoryrecords', '/v1/products/{productID}/inventoryrecords'],
    // One BatchGet, then one TransactWriteItems of the record and its ID guard.
    dynamoActions: ['dynamodb:BatchGetItem', 'dynamodb:PutItem'],
    handler: () => import('#functions/createProductInventoryRecord/handler'),
    contract: () => import('#functions/createProductInventoryRecord/contract'),
  },
  {
    name: 'getProductInventoryRecord',
    method: 'GET',
    paths: ['/products/{productID}/inventoryrecords/{inventoryRecordID}', '/v1/products/{productID}/inventoryrecords/{inventoryRecordID}'],
    // One BatchGet of the product, the variant and the record.
    dynamoActions: ['dynamodb:BatchGetItem'],
    handler: () => import('#functions/getProductInventoryRecord/handler'),
    contract: () => import('#functions/getProductInventoryRecord/contract'),
  },
  {
    name: 'saveProductInventoryRecord',
    method: 'PUT',
    paths: ['/products/{productID}/inventoryrecords/{inventoryRecordID}', '/v1/products/{productID}/inventoryrecords/{inventoryRecordID}'],
    // One BatchGet, then a conditional Put, or a TransactWriteItems of Puts and Deletes (a new record, or a renamed one with its ID guard).
    dynamoActions: ['dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'],
    handler: () => import('#functions/saveProductInventoryRecord/handler'),
    contract: () => import('#functions/saveProductInventoryRecord/contract'),
  },
  {
    name: 'patchProductInventoryRecord',
    method: 'PATCH',
    paths: ['/products/{productID}/inventoryrecords/{inventoryRecordID}', '/v1/products/{productID}/inventoryrecords/{inventoryRecordID}'],
    // One BatchGet, then a conditional Put, or a TransactWriteItems of Puts and Deletes when the ID changes.
    dynamoActions: ['dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'],
    handler: () => import('#functions/patchProductInventoryRecord/handler'),
    contract: () => import('#functions/patchProductInventoryRecord/contract'),
  },
  {
    name: 'deleteProductInventoryRecord',
    method: 'DELETE',
    paths: ['/products/{productID}/inventoryrecords/{inventoryRecordID}', '/v1/products/{productID}/inventoryrecords/{inventoryRecordID}'],
    // One TransactWriteItems deleting the record and its ID guard; a BatchGet only to name what a 404 misses.
    dynamoActions: ['dynamodb:DeleteItem', 'dynamodb:BatchGetItem'],
    handler: () => import('#functions/deleteProductInventoryRecord/handler'),
    contract: () => import('#functions/deleteProductInventoryRecord/contract'),
  },
  {
    name: 'importCatalog',
    method: 'PUT',
    paths: ['/admin/catalog'],
    // All entries read at once (BatchGet; GetItem again on a retry), then per entry one conditional Update, or a transaction with its SKU guards (Put, Delete)
    // and, for a renamed variant that has a Stripe price, its Stripe change entry (Put);
    // merchant keys and stock records are conditional Puts.
    dynamoActions: ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:UpdateItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'],
    handler: () => import('#functions/importCatalog/handler'),
    contract: () => import('#functions/importCatalog/contract'),
  },
  {
    name: 'exportCatalog',
    method: 'GET',
    paths: ['/admin/catalog'],
    // The tenant (GetItem), its roots on the catalog index and each product's or item's partition (Query).
    dynamoActions: ['dynamodb:GetItem', 'dynamodb:Query'],
    indexes: ['catalog'],
    handler: () => import('#functions/exportCatalog/handler'),
    contract: () => import('#functions/exportCatalog/contract'),
  },
  {
    name: 'createMerchantApiKey',
    method: 'POST',
    paths: ['/admin/merchant-api-keys'],
    // One conditional Put of the key's digest.
    dynamoActions: ['dynamodb:PutItem'],
    handler: () => import('#functions/createMerchantApiKey/handler'),
    contract: () => import('#functions/createMerchantApiKey/contract'),
  },
  {
    name: 'listMerchantApiKeys',
    method: 'GET',
    paths: ['/admin/merchant-api-keys'],
    // The keys' range of the tenant's partition.
    dynamoActions: ['dynamodb:Query'],
    handler: () => import('#functions/listMerchantApiKeys/handler'),
    contract: () => import('#functions/listMerchantApiKeys/contract'),
  },
  {
    name: 'revokeMerchantApiKey',
    method: 'DELETE',
    paths: ['/admin/merchant-api-keys/{id}'],
    // The key by its ID's prefix (Query), then one conditional Update.
    dynamoActions: ['dynamodb:Query', 'dynamodb:UpdateItem'],
    handler: () => import('#functions/revokeMerchantApiKey/handler'),
    contract: () => import('#functions/revokeMerchantApiKey/contract'),
  },
  {
    name: 'getBusinessSettings',
    method: 'GET',
    paths: ['/admin/settings'],
    dynamoActions: ['dynamodb:GetItem'],
    handler: () => import('#functions/getBusinessSettings/handler'),
    contract: () => import('#functions/getBusinessSettings/contract'),
  },
  {
    name: 'updateBusinessSettings',
    method: 'PATCH',
    paths: ['/admin/settings'],
    // The tenant (GetItem), then its Update conditional on its revision, with a ConditionCheck of the default location.
    dynamoActions: ['dynamodb:GetItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'],
    handler: () => import('#functions/updateBusinessSettings/handler'),
    contract: () => import('#functions/updateBusinessSettings/contract'),
  },
  {
    name: 'getProductVariant',
    method: 'GET',
    paths: ['/admin/products/{id}/variants/{variant_id}'],
    // The variant (GetItem); with `*inventory_items` its partition range instead (Query), and the items' levels (Query) when shown.
    dynamoActions: ['dynamodb:GetItem', 'dynamodb:Query'],
    handler: () => import('#functions/getProductVariant/handler'),
    contract: () => import('#functions/getProductVariant/contract'),
  },
  {
    name: 'listProductVariants',
    method: 'GET',
    paths: ['/admin/products/{id}/variants'],
    // The product (GetItem) beside its variants and links (Query); the page's items' levels (Query) only for stock.
    dynamoActions: ['dynamodb:GetItem', 'dynamodb:Query'],
    handler: () => import('#functions/listProductVariants/handler'),
    contract: () => import('#functions/listProductVariants/contract'),
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
    name: 'listVariants',
    method: 'GET',
    paths: ['/api/v1/inventory/products/variants'],
    // One Query on the index of the list's scope and order; beside it, behind a cursor, a one-item Query
    // the other way, and with include_total_count the COUNT Queries over the same partition: one round trip.
    dynamoActions: ['dynamodb:Query'],
    indexes: ['productVariantsByCreated', 'productVariantsByName', 'variantsByCreated', 'variantsByName'],
    handler: () => import('#functions/listVariants/handler'),
    contract: () => import('#functions/listVariants/contract'),
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
