import type { RouteDefinition } from '#functions/commons/registry';

/** The routes of the our own operator (admin) API: this vendor's slice of the registry (functions/routes.ts). */
export const adminRoutes = [
  {
    name: 'importCatalog',
    needsSealingSecret: true,
    vendor: 'admin',
    method: 'PUT',
    paths: ['/admin/catalog'],
    // All entries read at once (BatchGet; GetItem again on a retry), then per entry one conditional Update, or a transaction with its SKU guards (Put, Delete)
    // and, for a renamed variant that has a Stripe price, its Stripe change entry (Put);
    // merchant keys are conditional Puts (with ConditionChecks of the places a key stored by SHA-256 holds); each stock record a transaction as ShopSynch's create writes it (Puts, the owner's
    // Update or ConditionCheck), its owner read again (BatchGet) only when another request gave it its own item meanwhile.
    dynamoActions: [
      'dynamodb:BatchGetItem',
      'dynamodb:GetItem',
      'dynamodb:UpdateItem',
      'dynamodb:PutItem',
      'dynamodb:DeleteItem',
      'dynamodb:ConditionCheckItem',
    ],
    handler: () => import('./importCatalog/handler.ts'),
    contract: () => import('./importCatalog/contract.ts'),
    demo: () => import('./importCatalog/demo.ts'),
  },
  {
    name: 'exportCatalog',
    needsSealingSecret: true,
    vendor: 'admin',
    method: 'GET',
    paths: ['/admin/catalog'],
    // The tenant (GetItem), its roots on the catalog index and each product's or item's partition (Query).
    dynamoActions: ['dynamodb:GetItem', 'dynamodb:Query'],
    indexes: ['catalog'],
    handler: () => import('./exportCatalog/handler.ts'),
    contract: () => import('./exportCatalog/contract.ts'),
    demo: () => import('./exportCatalog/demo.ts'),
  },
  {
    name: 'createMerchantApiKey',
    needsSealingSecret: true,
    vendor: 'admin',
    method: 'POST',
    paths: ['/admin/merchant-api-keys'],
    // One conditional Put of the key's digest.
    dynamoActions: ['dynamodb:PutItem'],
    handler: () => import('./createMerchantApiKey/handler.ts'),
    contract: () => import('./createMerchantApiKey/contract.ts'),
    demo: () => import('./createMerchantApiKey/demo.ts'),
  },
  {
    name: 'listMerchantApiKeys',
    needsSealingSecret: true,
    vendor: 'admin',
    method: 'GET',
    paths: ['/admin/merchant-api-keys'],
    // The keys' range of the tenant's partition.
    dynamoActions: ['dynamodb:Query'],
    handler: () => import('./listMerchantApiKeys/handler.ts'),
    contract: () => import('./listMerchantApiKeys/contract.ts'),
    demo: () => import('./listMerchantApiKeys/demo.ts'),
  },
  {
    name: 'revokeMerchantApiKey',
    needsSealingSecret: true,
    vendor: 'admin',
    method: 'DELETE',
    paths: ['/admin/merchant-api-keys/{id}'],
    // The key by its ID's prefix (Query), then one conditional Update.
    // The key by ID: a Query on its digest's start beside a GetItem of a migrated key's ID tag; then its Update.
    dynamoActions: ['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:UpdateItem'],
    handler: () => import('./revokeMerchantApiKey/handler.ts'),
    contract: () => import('./revokeMerchantApiKey/contract.ts'),
    demo: () => import('./revokeMerchantApiKey/demo.ts'),
  },
  {
    name: 'getBusinessSettings',
    vendor: 'admin',
    method: 'GET',
    paths: ['/admin/settings'],
    dynamoActions: ['dynamodb:GetItem'],
    handler: () => import('./getBusinessSettings/handler.ts'),
    contract: () => import('./getBusinessSettings/contract.ts'),
    demo: () => import('./getBusinessSettings/demo.ts'),
  },
  {
    name: 'updateBusinessSettings',
    vendor: 'admin',
    method: 'PATCH',
    paths: ['/admin/settings'],
    // The tenant (GetItem), then its Update conditional on its revision, with a ConditionCheck of the default location.
    dynamoActions: ['dynamodb:GetItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'],
    handler: () => import('./updateBusinessSettings/handler.ts'),
    contract: () => import('./updateBusinessSettings/contract.ts'),
    demo: () => import('./updateBusinessSettings/demo.ts'),
  },
] as const satisfies readonly RouteDefinition[];
