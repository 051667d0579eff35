import type { RouteDefinition } from '#functions/commons/registry';

/** The routes of the Medusa v2 admin: this vendor's slice of the registry (functions/routes.ts). */
export const medusaRoutes = [
  {
    name: 'linkVariantInventoryItem',
    vendor: 'medusa',
    method: 'POST',
    paths: ['/admin/products/{id}/variants/{variant_id}/inventory-items'],
    // The product (GetItem) beside the variant's and the items' partitions (Query), then one TransactWriteItems of ConditionChecks and a Put.
    dynamoActions: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem', 'dynamodb:PutItem'],
    handler: () => import('./linkVariantInventoryItem/handler.ts'),
    contract: () => import('./linkVariantInventoryItem/contract.ts'),
    demo: () => import('./linkVariantInventoryItem/demo.ts'),
  },
  {
    name: 'getProductVariant',
    vendor: 'medusa',
    method: 'GET',
    paths: ['/admin/products/{id}/variants/{variant_id}'],
    // The variant (GetItem); with `*inventory_items` its partition range instead (Query), and the items' levels (Query) when shown.
    dynamoActions: ['dynamodb:GetItem', 'dynamodb:Query'],
    handler: () => import('./getProductVariant/handler.ts'),
    contract: () => import('./getProductVariant/contract.ts'),
    demo: () => import('./getProductVariant/demo.ts'),
  },
  {
    name: 'listProductVariants',
    vendor: 'medusa',
    method: 'GET',
    paths: ['/admin/products/{id}/variants'],
    // The product (GetItem) beside its variants and links (Query); the page's items' levels (Query) only for stock.
    dynamoActions: ['dynamodb:GetItem', 'dynamodb:Query'],
    handler: () => import('./listProductVariants/handler.ts'),
    contract: () => import('./listProductVariants/contract.ts'),
    demo: () => import('./listProductVariants/demo.ts'),
  },
  {
    name: 'updateVariantInventoryItem',
    vendor: 'medusa',
    method: 'POST',
    paths: ['/admin/products/{id}/variants/{variant_id}/inventory-items/{inventory_item_id}'],
    // The variant with its links (Query; levels too when shown), then the conditional Update.
    dynamoActions: ['dynamodb:Query', 'dynamodb:UpdateItem'],
    handler: () => import('./updateVariantInventoryItem/handler.ts'),
    contract: () => import('./updateVariantInventoryItem/contract.ts'),
    demo: () => import('./updateVariantInventoryItem/demo.ts'),
  },
  {
    name: 'deleteVariantInventoryItem',
    vendor: 'medusa',
    method: 'DELETE',
    paths: ['/admin/products/{id}/variants/{variant_id}/inventory-items/{inventory_item_id}'],
    // The variant with its links (Query; levels too when shown), then the conditional Delete.
    dynamoActions: ['dynamodb:Query', 'dynamodb:DeleteItem'],
    handler: () => import('./deleteVariantInventoryItem/handler.ts'),
    contract: () => import('./deleteVariantInventoryItem/contract.ts'),
    demo: () => import('./deleteVariantInventoryItem/demo.ts'),
  },
  {
    name: 'listLocationLevels',
    vendor: 'medusa',
    method: 'GET',
    paths: ['/admin/inventory-items/{id}/location-levels'],
    // The item's partition: the item and its levels (Query).
    dynamoActions: ['dynamodb:Query'],
    handler: () => import('./listLocationLevels/handler.ts'),
    contract: () => import('./listLocationLevels/contract.ts'),
    demo: () => import('./listLocationLevels/demo.ts'),
  },
  {
    name: 'createLocationLevel',
    vendor: 'medusa',
    method: 'POST',
    paths: ['/admin/inventory-items/{id}/location-levels'],
    // The item's partition (Query), then ConditionChecks on item and location with the conditional Put.
    dynamoActions: ['dynamodb:Query', 'dynamodb:ConditionCheckItem', 'dynamodb:PutItem'],
    handler: () => import('./createLocationLevel/handler.ts'),
    contract: () => import('./createLocationLevel/contract.ts'),
    demo: () => import('./createLocationLevel/demo.ts'),
  },
  {
    name: 'updateLocationLevel',
    vendor: 'medusa',
    method: 'POST',
    paths: ['/admin/inventory-items/{id}/location-levels/{location_id}'],
    // The item's partition (Query), then the Update conditional on what the answer shows.
    dynamoActions: ['dynamodb:Query', 'dynamodb:UpdateItem'],
    handler: () => import('./updateLocationLevel/handler.ts'),
    contract: () => import('./updateLocationLevel/contract.ts'),
    demo: () => import('./updateLocationLevel/demo.ts'),
  },
  {
    name: 'deleteLocationLevel',
    vendor: 'medusa',
    method: 'DELETE',
    paths: ['/admin/inventory-items/{id}/location-levels/{location_id}'],
    // The item's partition (Query), then the Delete conditional on the level as read.
    dynamoActions: ['dynamodb:Query', 'dynamodb:DeleteItem'],
    handler: () => import('./deleteLocationLevel/handler.ts'),
    contract: () => import('./deleteLocationLevel/contract.ts'),
    demo: () => import('./deleteLocationLevel/demo.ts'),
  },
  {
    name: 'batchVariantInventoryItems',
    vendor: 'medusa',
    method: 'POST',
    paths: ['/admin/products/{id}/variants/inventory-items/batch'],
    // The product (GetItem), each variant's range (Query) and the items to link (BatchGet), then one TransactWriteItems.
    dynamoActions: [
      'dynamodb:GetItem',
      'dynamodb:Query',
      'dynamodb:BatchGetItem',
      'dynamodb:ConditionCheckItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
    ],
    handler: () => import('./batchVariantInventoryItems/handler.ts'),
    contract: () => import('./batchVariantInventoryItems/contract.ts'),
    demo: () => import('./batchVariantInventoryItems/demo.ts'),
  },
  {
    name: 'listReservations',
    vendor: 'medusa',
    method: 'GET',
    paths: ['/admin/reservations'],
    // The tenant's reservations (Query, with a COUNT Query beside it), then the page's items' partitions (Query), side by side.
    dynamoActions: ['dynamodb:Query'],
    handler: () => import('./listReservations/handler.ts'),
    contract: () => import('./listReservations/contract.ts'),
    demo: () => import('./listReservations/demo.ts'),
  },
  {
    name: 'createReservation',
    vendor: 'medusa',
    method: 'POST',
    paths: ['/admin/reservations'],
    // The item's partition (Query; GetItem of a level whose view carries no copy), then the reservation's Put with the level's movement.
    dynamoActions: ['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
    handler: () => import('./createReservation/handler.ts'),
    contract: () => import('./createReservation/contract.ts'),
    demo: () => import('./createReservation/demo.ts'),
  },
  {
    name: 'getReservation',
    vendor: 'medusa',
    method: 'GET',
    paths: ['/admin/reservations/{id}'],
    // The reservation (GetItem), then its item's partition (Query).
    dynamoActions: ['dynamodb:GetItem', 'dynamodb:Query'],
    handler: () => import('./getReservation/handler.ts'),
    contract: () => import('./getReservation/contract.ts'),
    demo: () => import('./getReservation/demo.ts'),
  },
  {
    name: 'updateReservation',
    vendor: 'medusa',
    method: 'POST',
    paths: ['/admin/reservations/{id}'],
    // The reservation (GetItem), its item's partition (Query), then the reservation's Put with its levels' movements.
    dynamoActions: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
    handler: () => import('./updateReservation/handler.ts'),
    contract: () => import('./updateReservation/contract.ts'),
    demo: () => import('./updateReservation/demo.ts'),
  },
  {
    name: 'deleteReservation',
    vendor: 'medusa',
    method: 'DELETE',
    paths: ['/admin/reservations/{id}'],
    // The reservation (GetItem), its item's partition (Query), then the reservation's Delete with its level's movement.
    dynamoActions: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
    handler: () => import('./deleteReservation/handler.ts'),
    contract: () => import('./deleteReservation/contract.ts'),
    demo: () => import('./deleteReservation/demo.ts'),
  },
] as const satisfies readonly RouteDefinition[];
