import { CONFLICT_MESSAGE, ErrorResponse, UnauthorizedResponse } from '#functions/medusa/dialect/errors';
import type { LocationLevel, Variant } from '#shared/domain/catalog';
import type { VariantInventory, VariantInventoryLink } from '#shared/domain/inventoryLink';

/** What the Medusa routes' contracts share: error examples and the demo's catalog, from which each route's mapper builds its examples. */
export const medusaError = (description: string, type: string, message: string, code?: string) => ({
  description,
  schema: ErrorResponse,
  example: { type, message, ...(code ? { code } : {}) },
});

/** The error answers every Medusa route can give; a route adds 404 and its own cases. */
export const medusaReadErrors = {
  400: medusaError(
    '`fields` or another query parameter breaks the contract; the message names the field.',
    'invalid_data',
    "Invalid request: Unrecognized fields: 'expand'",
  ),
  401: {
    description: 'Bearer token missing or not valid: Medusa answers a bare message.',
    schema: UnauthorizedResponse,
    example: { message: 'Unauthorized' },
  },
  500: medusaError('Unexpected failure; details are only in the logs.', 'unknown_error', 'An unknown error occurred.', 'unknown_error'),
  503: medusaError(
    'The database is unavailable; retry after the Retry-After header.',
    'database_error',
    'Service temporarily unavailable, please retry',
    'api_error',
  ),
};

export const medusaWriteErrors = {
  ...medusaReadErrors,
  403: medusaError('The token lacks the write permission.', 'not_allowed', 'Token lacks the permission for this operation'),
  409: medusaError('A request with the same Idempotency-Key is still running.', 'conflict', CONFLICT_MESSAGE, 'invalid_state_error'),
  422: medusaError(
    'The Idempotency-Key was used for a different request.',
    'duplicate_error',
    'Idempotency-Key was already used for a different request',
    'invalid_request_error',
  ),
};

const at = '2024-11-01T10:00:00Z';

export const sampleLevel = (
  inventoryItemId: string,
  locationId: string,
  stocked: number,
  reserved: number,
  incoming: number,
): LocationLevel => ({
  id: `ilev_${inventoryItemId}_${locationId}`,
  tenantId: 'tenant_demo',
  inventoryItemId,
  locationId,
  stockedQuantity: stocked,
  reservedQuantity: reserved,
  incomingQuantity: incoming,
  createdAt: at,
  updatedAt: at,
});

export const sampleVariant: Variant = {
  id: 'variant_medusa_kit_std',
  tenantId: 'tenant_demo',
  productId: 'prod_medusa_espresso_kit',
  name: 'Standard',
  sku: 'KIT-ESP-STD',
  attributes: { Edition: 'Standard' },
  prices: [{ id: 'price_01JBRZ5E4Q8M7X2V9K3N6P1T0A', amount: 249, currencyCode: 'usd', minQuantity: null, maxQuantity: null, rules: {} }],
  options: [{ id: 'optval_medusa_kit_standard', value: 'Standard', rank: 0, optionId: 'opt_medusa_kit_edition', optionTitle: 'Edition' }],
  createdAt: at,
  updatedAt: at,
};

export const sampleLink: VariantInventoryLink = {
  id: 'pvitem_01JBRZ5E4Q8M7X2V9K3N6P1T0W',
  tenantId: 'tenant_demo',
  productId: 'prod_medusa_espresso_kit',
  variantId: 'variant_medusa_kit_std',
  inventoryItemId: 'iitem_medusa_cup',
  requiredQuantity: 2,
  createdAt: at,
  updatedAt: at,
};

/** The demo variant with its link to the cup, stocked in both demo locations. */
export const sampleView: VariantInventory = {
  variant: sampleVariant,
  links: [
    {
      link: sampleLink,
      item: {
        id: 'iitem_medusa_cup',
        tenantId: 'tenant_demo',
        sku: 'CUP-ESP-90',
        title: 'Espresso cup',
        description: null,
        requiresShipping: true,
        createdAt: at,
        updatedAt: at,
      },
      levels: [sampleLevel('iitem_medusa_cup', 'wh_def456', 30, 0, 60), sampleLevel('iitem_medusa_cup', 'wh_main', 90, 10, 0)],
    },
  ],
};

/** The demo's cup with its two levels. */
export const sampleStockedItem = { item: sampleView.links[0]!.item!, levels: sampleView.links[0]!.levels };
