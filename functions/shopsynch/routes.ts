import type { RouteDefinition } from '#functions/commons/registry';

/** The routes of the ShopSynch merchant API: this vendor's slice of the registry (functions/routes.ts). */
export const shopsynchRoutes = [
  {
    name: 'createInventoryRecord',
    vendor: 'shopsynch',
    method: 'POST',
    paths: ['/v1/inventory'],
    // The merchant key (GetItem), then product, variant and warehouse (BatchGet), then one TransactWriteItems: Puts of guard,
    // record, first movement and Medusa level, with the owner's own item (ConditionCheck of the owner, or Puts of a new item
    // and link with the owner's Update).
    dynamoActions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'],
    handler: () => import('./createInventoryRecord/handler.ts'),
    contract: () => import('./createInventoryRecord/contract.ts'),
    demo: () => import('./createInventoryRecord/demo.ts'),
  },
  {
    name: 'getInventoryRecord',
    vendor: 'shopsynch',
    method: 'GET',
    paths: ['/v1/inventory/{id}'],
    // The merchant key and the record: two GetItems side by side, one round trip.
    dynamoActions: ['dynamodb:GetItem'],
    handler: () => import('./getInventoryRecord/handler.ts'),
    contract: () => import('./getInventoryRecord/contract.ts'),
    demo: () => import('./getInventoryRecord/demo.ts'),
  },
  {
    name: 'listInventoryRecords',
    sealsCursors: true,
    vendor: 'shopsynch',
    method: 'GET',
    paths: ['/v1/inventory'],
    // The merchant key (GetItem) beside one Query on a stock index.
    dynamoActions: ['dynamodb:GetItem', 'dynamodb:Query'],
    indexes: ['stockByProduct', 'stockByWarehouse'],
    handler: () => import('./listInventoryRecords/handler.ts'),
    contract: () => import('./listInventoryRecords/contract.ts'),
    demo: () => import('./listInventoryRecords/demo.ts'),
  },
  {
    name: 'reserveInventory',
    vendor: 'shopsynch',
    method: 'PATCH',
    paths: ['/v1/inventory/{id}/reserve'],
    // The merchant key and the record (GetItem), then one TransactWriteItems of Puts (record, movement, low-stock outbox entry).
    dynamoActions: ['dynamodb:GetItem', 'dynamodb:PutItem'],
    handler: () => import('./reserveInventory/handler.ts'),
    contract: () => import('./reserveInventory/contract.ts'),
    demo: () => import('./reserveInventory/demo.ts'),
  },
  {
    name: 'releaseInventory',
    vendor: 'shopsynch',
    method: 'PATCH',
    paths: ['/v1/inventory/{id}/release'],
    dynamoActions: ['dynamodb:GetItem', 'dynamodb:PutItem'],
    handler: () => import('./releaseInventory/handler.ts'),
    contract: () => import('./releaseInventory/contract.ts'),
    demo: () => import('./releaseInventory/demo.ts'),
  },
  {
    name: 'adjustInventory',
    vendor: 'shopsynch',
    method: 'PATCH',
    paths: ['/v1/inventory/{id}/adjust'],
    dynamoActions: ['dynamodb:GetItem', 'dynamodb:PutItem'],
    handler: () => import('./adjustInventory/handler.ts'),
    contract: () => import('./adjustInventory/contract.ts'),
    demo: () => import('./adjustInventory/demo.ts'),
  },
  {
    name: 'listInventoryMovements',
    sealsCursors: true,
    vendor: 'shopsynch',
    method: 'GET',
    paths: ['/v1/inventory/{id}/movements'],
    // The merchant key (GetItem) beside one Query on the record's partition.
    dynamoActions: ['dynamodb:GetItem', 'dynamodb:Query'],
    handler: () => import('./listInventoryMovements/handler.ts'),
    contract: () => import('./listInventoryMovements/contract.ts'),
    demo: () => import('./listInventoryMovements/demo.ts'),
  },
  {
    name: 'listLowStockInventory',
    sealsCursors: true,
    vendor: 'shopsynch',
    method: 'GET',
    paths: ['/v1/inventory/low-stock'],
    // The merchant key (GetItem) beside one Query on the sparse low-stock index.
    dynamoActions: ['dynamodb:GetItem', 'dynamodb:Query'],
    indexes: ['lowStock'],
    handler: () => import('./listLowStockInventory/handler.ts'),
    contract: () => import('./listLowStockInventory/contract.ts'),
    demo: () => import('./listLowStockInventory/demo.ts'),
  },
] as const satisfies readonly RouteDefinition[];
