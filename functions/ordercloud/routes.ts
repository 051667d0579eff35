import type { RouteDefinition } from '#functions/commons/registry';

/** The routes of the OrderCloud: this vendor's slice of the registry (functions/routes.ts). */
export const ordercloudRoutes = [
  {
    name: 'createVariantInventoryRecord',
    vendor: 'ordercloud',
    method: 'POST',
    // The official OrderCloud SDK prefixes its API version.
    paths: [
      '/products/{productID}/variants/{variantID}/inventoryrecords',
      '/v1/products/{productID}/variants/{variantID}/inventoryrecords',
    ],
    dynamoActions: ['dynamodb:BatchGetItem', 'dynamodb:PutItem'],
    handler: () => import('./createVariantInventoryRecord/handler.ts'),
    contract: () => import('./createVariantInventoryRecord/contract.ts'),
    demo: () => import('./createVariantInventoryRecord/demo.ts'),
  },
  {
    name: 'listVariantInventoryRecords',
    vendor: 'ordercloud',
    method: 'GET',
    paths: [
      '/products/{productID}/variants/{variantID}/inventoryrecords',
      '/v1/products/{productID}/variants/{variantID}/inventoryrecords',
    ],
    // Unfiltered, in ID order: a Query of the page's record keys beside a BatchGet of the owner and its record count.
    // Otherwise one Query of the level. A BatchGet also for records stored without their address, and to name a 404.
    dynamoActions: ['dynamodb:Query', 'dynamodb:BatchGetItem'],
    handler: () => import('./listVariantInventoryRecords/handler.ts'),
    contract: () => import('./listVariantInventoryRecords/contract.ts'),
    demo: () => import('./listVariantInventoryRecords/demo.ts'),
  },
  {
    name: 'getVariantInventoryRecord',
    vendor: 'ordercloud',
    method: 'GET',
    paths: [
      '/products/{productID}/variants/{variantID}/inventoryrecords/{inventoryRecordID}',
      '/v1/products/{productID}/variants/{variantID}/inventoryrecords/{inventoryRecordID}',
    ],
    // One BatchGet of the product, the variant and the record.
    dynamoActions: ['dynamodb:BatchGetItem'],
    handler: () => import('./getVariantInventoryRecord/handler.ts'),
    contract: () => import('./getVariantInventoryRecord/contract.ts'),
    demo: () => import('./getVariantInventoryRecord/demo.ts'),
  },
  {
    name: 'saveVariantInventoryRecord',
    vendor: 'ordercloud',
    method: 'PUT',
    paths: [
      '/products/{productID}/variants/{variantID}/inventoryrecords/{inventoryRecordID}',
      '/v1/products/{productID}/variants/{variantID}/inventoryrecords/{inventoryRecordID}',
    ],
    // One BatchGet, then a conditional Put, or a TransactWriteItems of Puts and Deletes (a new record, or a renamed one with its ID guard).
    dynamoActions: ['dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'],
    handler: () => import('./saveVariantInventoryRecord/handler.ts'),
    contract: () => import('./saveVariantInventoryRecord/contract.ts'),
    demo: () => import('./saveVariantInventoryRecord/demo.ts'),
  },
  {
    name: 'patchVariantInventoryRecord',
    vendor: 'ordercloud',
    method: 'PATCH',
    paths: [
      '/products/{productID}/variants/{variantID}/inventoryrecords/{inventoryRecordID}',
      '/v1/products/{productID}/variants/{variantID}/inventoryrecords/{inventoryRecordID}',
    ],
    // One BatchGet, then a conditional Put, or a TransactWriteItems of Puts and Deletes when the ID changes.
    dynamoActions: ['dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'],
    handler: () => import('./patchVariantInventoryRecord/handler.ts'),
    contract: () => import('./patchVariantInventoryRecord/contract.ts'),
    demo: () => import('./patchVariantInventoryRecord/demo.ts'),
  },
  {
    name: 'deleteVariantInventoryRecord',
    vendor: 'ordercloud',
    method: 'DELETE',
    paths: [
      '/products/{productID}/variants/{variantID}/inventoryrecords/{inventoryRecordID}',
      '/v1/products/{productID}/variants/{variantID}/inventoryrecords/{inventoryRecordID}',
    ],
    // One TransactWriteItems deleting the record and its ID guard; a BatchGet only to name what a 404 misses.
    dynamoActions: ['dynamodb:DeleteItem', 'dynamodb:BatchGetItem'],
    handler: () => import('./deleteVariantInventoryRecord/handler.ts'),
    contract: () => import('./deleteVariantInventoryRecord/contract.ts'),
    demo: () => import('./deleteVariantInventoryRecord/demo.ts'),
  },
  {
    name: 'listProductInventoryRecords',
    vendor: 'ordercloud',
    method: 'GET',
    paths: ['/products/{productID}/inventoryrecords', '/v1/products/{productID}/inventoryrecords'],
    // Unfiltered, in ID order: a Query of the page's record keys beside a BatchGet of the owner and its record count.
    // Otherwise one Query of the level. A BatchGet also for records stored without their address, and to name a 404.
    dynamoActions: ['dynamodb:Query', 'dynamodb:BatchGetItem'],
    handler: () => import('./listProductInventoryRecords/handler.ts'),
    contract: () => import('./listProductInventoryRecords/contract.ts'),
    demo: () => import('./listProductInventoryRecords/demo.ts'),
  },
  {
    name: 'createProductInventoryRecord',
    vendor: 'ordercloud',
    method: 'POST',
    paths: ['/products/{productID}/inventoryrecords', '/v1/products/{productID}/inventoryrecords'],
    // One BatchGet, then one TransactWriteItems of the record and its ID guard.
    dynamoActions: ['dynamodb:BatchGetItem', 'dynamodb:PutItem'],
    handler: () => import('./createProductInventoryRecord/handler.ts'),
    contract: () => import('./createProductInventoryRecord/contract.ts'),
    demo: () => import('./createProductInventoryRecord/demo.ts'),
  },
  {
    name: 'getProductInventoryRecord',
    vendor: 'ordercloud',
    method: 'GET',
    paths: ['/products/{productID}/inventoryrecords/{inventoryRecordID}', '/v1/products/{productID}/inventoryrecords/{inventoryRecordID}'],
    // One BatchGet of the product, the variant and the record.
    dynamoActions: ['dynamodb:BatchGetItem'],
    handler: () => import('./getProductInventoryRecord/handler.ts'),
    contract: () => import('./getProductInventoryRecord/contract.ts'),
    demo: () => import('./getProductInventoryRecord/demo.ts'),
  },
  {
    name: 'saveProductInventoryRecord',
    vendor: 'ordercloud',
    method: 'PUT',
    paths: ['/products/{productID}/inventoryrecords/{inventoryRecordID}', '/v1/products/{productID}/inventoryrecords/{inventoryRecordID}'],
    // One BatchGet, then a conditional Put, or a TransactWriteItems of Puts and Deletes (a new record, or a renamed one with its ID guard).
    dynamoActions: ['dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'],
    handler: () => import('./saveProductInventoryRecord/handler.ts'),
    contract: () => import('./saveProductInventoryRecord/contract.ts'),
    demo: () => import('./saveProductInventoryRecord/demo.ts'),
  },
  {
    name: 'patchProductInventoryRecord',
    vendor: 'ordercloud',
    method: 'PATCH',
    paths: ['/products/{productID}/inventoryrecords/{inventoryRecordID}', '/v1/products/{productID}/inventoryrecords/{inventoryRecordID}'],
    // One BatchGet, then a conditional Put, or a TransactWriteItems of Puts and Deletes when the ID changes.
    dynamoActions: ['dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'],
    handler: () => import('./patchProductInventoryRecord/handler.ts'),
    contract: () => import('./patchProductInventoryRecord/contract.ts'),
    demo: () => import('./patchProductInventoryRecord/demo.ts'),
  },
  {
    name: 'deleteProductInventoryRecord',
    vendor: 'ordercloud',
    method: 'DELETE',
    paths: ['/products/{productID}/inventoryrecords/{inventoryRecordID}', '/v1/products/{productID}/inventoryrecords/{inventoryRecordID}'],
    // One TransactWriteItems deleting the record and its ID guard; a BatchGet only to name what a 404 misses.
    dynamoActions: ['dynamodb:DeleteItem', 'dynamodb:BatchGetItem'],
    handler: () => import('./deleteProductInventoryRecord/handler.ts'),
    contract: () => import('./deleteProductInventoryRecord/contract.ts'),
    demo: () => import('./deleteProductInventoryRecord/demo.ts'),
  },
] as const satisfies readonly RouteDefinition[];
