import type { RouteDefinition } from '#functions/commons/registry';

/** The routes of the DayZero (FastAPI): this vendor's slice of the registry (functions/routes.ts). */
export const dayzeroRoutes = [
  {
    name: 'createVariant',
    vendor: 'dayzero',
    method: 'POST',
    paths: ['/api/v1/inventory/products/variants'],
    // One BatchGet and the default location (GetItem), then one TransactWriteItems of Puts (variant naming its own item, SKU guard,
    // stock guard, record and first movement, its Medusa level, the own item and its link, Stripe outbox entry).
    dynamoActions: ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:PutItem'],
    handler: () => import('./createVariant/handler.ts'),
    contract: () => import('./createVariant/contract.ts'),
    demo: () => import('./createVariant/demo.ts'),
  },
  {
    name: 'getVariant',
    vendor: 'dayzero',
    method: 'GET',
    paths: ['/api/v1/inventory/products/variants/{id}'],
    // One Query on the variantById index: the variant and its stock records.
    dynamoActions: ['dynamodb:Query'],
    indexes: ['variantById'],
    handler: () => import('./getVariant/handler.ts'),
    contract: () => import('./getVariant/contract.ts'),
    demo: () => import('./getVariant/demo.ts'),
  },
  {
    name: 'listVariants',
    needsSealingSecret: true,
    vendor: 'dayzero',
    method: 'GET',
    paths: ['/api/v1/inventory/products/variants'],
    // One Query on the index of the list's scope and order; beside it, behind a cursor, a one-item Query
    // the other way, and with include_total_count the COUNT Queries over the same partition: one round trip.
    dynamoActions: ['dynamodb:Query'],
    indexes: ['productVariantsByCreated', 'productVariantsByName', 'variantsByCreated', 'variantsByName'],
    handler: () => import('./listVariants/handler.ts'),
    contract: () => import('./listVariants/contract.ts'),
    demo: () => import('./listVariants/demo.ts'),
  },
  {
    name: 'updateVariant',
    vendor: 'dayzero',
    method: 'PUT',
    paths: ['/api/v1/inventory/products/variants/{id}'],
    // The variant's product from the variantById index (Query), then business, variant, product and vendor (BatchGet)
    // beside its stock guards and links (Query), then its stock records (BatchGet); then one TransactWriteItems: variant
    // Put (or Delete + Put to move), SKU guards Delete + Put, and when moving stock guards Delete + Put, records Put, the own
    // item's link Delete + Put and the item's owner Update.
    dynamoActions: ['dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem', 'dynamodb:UpdateItem'],
    indexes: ['variantById'],
    handler: () => import('./updateVariant/handler.ts'),
    contract: () => import('./updateVariant/contract.ts'),
    demo: () => import('./updateVariant/demo.ts'),
  },
  {
    name: 'createAdjustment',
    vendor: 'dayzero',
    method: 'POST',
    paths: ['/api/v1/inventory/adjustments'],
    // The variant from the variantById index (Query) beside business and location (BatchGet), then location, stock
    // guard, product and variant (BatchGet) and the record (GetItem); then one TransactWriteItems: the record's next version,
    // its history entry, the low-stock outbox entry and the adjustment (Puts) with its Medusa and OrderCloud names (Updates);
    // or, for a new level, guard, record, history, Medusa level (Puts) and the variant's own item (ConditionCheck of the
    // variant, or Puts of a new item and link with the variant's Update).
    dynamoActions: [
      'dynamodb:Query',
      'dynamodb:BatchGetItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:ConditionCheckItem',
    ],
    indexes: ['variantById'],
    handler: () => import('./createAdjustment/handler.ts'),
    contract: () => import('./createAdjustment/contract.ts'),
    demo: () => import('./createAdjustment/demo.ts'),
  },
  {
    name: 'adjustmentReasonsReport',
    vendor: 'dayzero',
    method: 'GET',
    paths: ['/api/v1/inventory/reports/adjustment-reasons'],
    // One Query per calendar month of the period, all at once.
    dynamoActions: ['dynamodb:Query'],
    handler: () => import('./adjustmentReasonsReport/handler.ts'),
    contract: () => import('./adjustmentReasonsReport/contract.ts'),
    demo: () => import('./adjustmentReasonsReport/demo.ts'),
  },
  {
    name: 'deleteVariant',
    vendor: 'dayzero',
    method: 'DELETE',
    paths: ['/api/v1/inventory/products/variants/{id}'],
    // As an update (index Query, BatchGets, partition Queries), then a Put (archive) or one TransactWriteItems of Deletes
    // (variant, SKU guard, stock records with their guards, history and Medusa levels, own item and link, pending Stripe task).
    dynamoActions: ['dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'],
    indexes: ['variantById'],
    handler: () => import('./deleteVariant/handler.ts'),
    contract: () => import('./deleteVariant/contract.ts'),
    demo: () => import('./deleteVariant/demo.ts'),
  },
] as const satisfies readonly RouteDefinition[];
