import type { DynamoAction, RouteDefinition } from '#functions/commons/registry';

/**
 * What every ShopSynch route's merchant key check may call (merchantApiKeyCheck.ts): one BatchGet
 * of the key's three places; the hourly note of its use (Update); the one-time re-storing of a key
 * stored by SHA-256 under its keyed digest (a transaction: Delete and Put).
 */
const MERCHANT_KEY_CHECK: DynamoAction[] = ['dynamodb:BatchGetItem', 'dynamodb:UpdateItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'];

/** The routes of the ShopSynch merchant API: this vendor's slice of the registry (functions/routes.ts). */
export const shopsynchRoutes = [
  {
    name: 'createInventoryRecord',
    needsSealingSecret: true,
    vendor: 'shopsynch',
    method: 'POST',
    paths: ['/v1/inventory'],
    // The merchant key (BatchGet), then product, variant and warehouse (BatchGet), then one TransactWriteItems: Puts of guard,
    // record, first movement and Medusa level, with the owner's own item (ConditionCheck of the owner, or Puts of a new item
    // and link with the owner's Update).
    dynamoActions: [
      ...MERCHANT_KEY_CHECK,
      'dynamodb:GetItem',
      'dynamodb:BatchGetItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:ConditionCheckItem',
    ],
    handler: () => import('./createInventoryRecord/handler.ts'),
    contract: () => import('./createInventoryRecord/contract.ts'),
    demo: () => import('./createInventoryRecord/demo.ts'),
  },
  {
    name: 'getInventoryRecord',
    needsSealingSecret: true,
    vendor: 'shopsynch',
    method: 'GET',
    paths: ['/v1/inventory/{id}'],
    // The merchant key (BatchGet) and the record (GetItem) side by side, one round trip.
    dynamoActions: [...MERCHANT_KEY_CHECK, 'dynamodb:GetItem'],
    handler: () => import('./getInventoryRecord/handler.ts'),
    contract: () => import('./getInventoryRecord/contract.ts'),
    demo: () => import('./getInventoryRecord/demo.ts'),
  },
  {
    name: 'listInventoryRecords',
    needsSealingSecret: true,
    vendor: 'shopsynch',
    method: 'GET',
    paths: ['/v1/inventory'],
    // The merchant key (BatchGet) beside one Query on a stock index.
    dynamoActions: [...MERCHANT_KEY_CHECK, 'dynamodb:GetItem', 'dynamodb:Query'],
    indexes: ['stockByProduct', 'stockByWarehouse'],
    handler: () => import('./listInventoryRecords/handler.ts'),
    contract: () => import('./listInventoryRecords/contract.ts'),
    demo: () => import('./listInventoryRecords/demo.ts'),
  },
  {
    name: 'reserveInventory',
    needsSealingSecret: true,
    vendor: 'shopsynch',
    method: 'PATCH',
    paths: ['/v1/inventory/{id}/reserve'],
    // The merchant key (BatchGet) and the record (GetItem), then one TransactWriteItems of Puts (record, movement, low-stock outbox entry).
    dynamoActions: [...MERCHANT_KEY_CHECK, 'dynamodb:GetItem', 'dynamodb:PutItem'],
    handler: () => import('./reserveInventory/handler.ts'),
    contract: () => import('./reserveInventory/contract.ts'),
    demo: () => import('./reserveInventory/demo.ts'),
  },
  {
    name: 'releaseInventory',
    needsSealingSecret: true,
    vendor: 'shopsynch',
    method: 'PATCH',
    paths: ['/v1/inventory/{id}/release'],
    dynamoActions: [...MERCHANT_KEY_CHECK, 'dynamodb:GetItem', 'dynamodb:PutItem'],
    handler: () => import('./releaseInventory/handler.ts'),
    contract: () => import('./releaseInventory/contract.ts'),
    demo: () => import('./releaseInventory/demo.ts'),
  },
  {
    name: 'adjustInventory',
    needsSealingSecret: true,
    vendor: 'shopsynch',
    method: 'PATCH',
    paths: ['/v1/inventory/{id}/adjust'],
    dynamoActions: [...MERCHANT_KEY_CHECK, 'dynamodb:GetItem', 'dynamodb:PutItem'],
    handler: () => import('./adjustInventory/handler.ts'),
    contract: () => import('./adjustInventory/contract.ts'),
    demo: () => import('./adjustInventory/demo.ts'),
  },
  {
    name: 'listInventoryMovements',
    needsSealingSecret: true,
    vendor: 'shopsynch',
    method: 'GET',
    paths: ['/v1/inventory/{id}/movements'],
    // The merchant key (BatchGet) beside one Query on the record's partition.
    dynamoActions: [...MERCHANT_KEY_CHECK, 'dynamodb:GetItem', 'dynamodb:Query'],
    handler: () => import('./listInventoryMovements/handler.ts'),
    contract: () => import('./listInventoryMovements/contract.ts'),
    demo: () => import('./listInventoryMovements/demo.ts'),
  },
  {
    name: 'listLowStockInventory',
    needsSealingSecret: true,
    vendor: 'shopsynch',
    method: 'GET',
    paths: ['/v1/inventory/low-stock'],
    // The merchant key (BatchGet) beside one Query on the sparse low-stock index.
    dynamoActions: [...MERCHANT_KEY_CHECK, 'dynamodb:GetItem', 'dynamodb:Query'],
    indexes: ['lowStock'],
    handler: () => import('./listLowStockInventory/handler.ts'),
    contract: () => import('./listLowStockInventory/contract.ts'),
    demo: () => import('./listLowStockInventory/demo.ts'),
  },
] as const satisfies readonly RouteDefinition[];
