import { CONFLICT_MESSAGE, ErrorResponse } from '#shared/dialects/medusa/errors';
import { DEFAULT_VARIANT_SELECTION, LinkInventoryItemRequest, VariantPath, VariantQuery, VariantResponse, variantResponse } from '#shared/dialects/medusa/variantInventory';
import type { VariantInventory } from '#shared/domain/inventoryLink';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

const error = (description: string, type: string, message: string, code?: string) => ({
  description,
  schema: ErrorResponse,
  example: { type, message, ...(code ? { code } : {}) },
});

const at = '2024-11-01T10:00:00Z';
const level = (locationId: string, stocked: number, reserved: number, incoming: number) => ({
  id: `ilev_iitem_medusa_cup_${locationId}`,
  tenantId: 'tenant_demo',
  inventoryItemId: 'iitem_medusa_cup',
  locationId,
  stockedQuantity: stocked,
  reservedQuantity: reserved,
  incomingQuantity: incoming,
  createdAt: at,
  updatedAt: at,
});

/** The demo's answer, produced by the route's own mapper so the example cannot drift from it. */
const sample = (): VariantInventory => ({
  variant: {
    id: 'variant_medusa_kit_std',
    tenantId: 'tenant_demo',
    productId: 'prod_medusa_espresso_kit',
    name: 'Standard',
    sku: 'KIT-ESP-STD',
    attributes: { Edition: 'Standard' },
    createdAt: at,
    updatedAt: at,
  },
  links: [
    {
      link: {
        id: 'pvitem_01JBRZ5E4Q8M7X2V9K3N6P1T0W',
        tenantId: 'tenant_demo',
        productId: 'prod_medusa_espresso_kit',
        variantId: 'variant_medusa_kit_std',
        inventoryItemId: 'iitem_medusa_cup',
        requiredQuantity: 2,
        createdAt: at,
        updatedAt: at,
      },
      item: { id: 'iitem_medusa_cup', tenantId: 'tenant_demo', sku: 'CUP-ESP-90', title: 'Espresso cup', description: null, requiresShipping: true, createdAt: at, updatedAt: at },
      levels: [level('wh_def456', 30, 0, 60), level('wh_main', 90, 10, 0)],
    },
  ],
  inventoryQuantity: 55,
});

export const request = {
  path: VariantPath,
  query: VariantQuery,
  body: LinkInventoryItemRequest,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'Medusa',
  summary: 'Link a variant to an inventory item',
  description:
    'Links an inventory item to a product variant with the units one variant needs (required_quantity), or updates that quantity if the pair is already linked (the link keeps its ID). ' +
    'Answers with the variant, all its inventory links, their items with location levels, and inventory_quantity: the variants that can be sold from available stock. ' +
    '`fields` shapes the variant as in Medusa: `+x` adds, `-x` removes, a list without prefixes replaces the defaults; `id` is always there.',
  bodyExamples: {
    link: { summary: 'Two cups per kit', value: { inventory_item_id: 'iitem_medusa_cup', required_quantity: 2 } },
  },
  responses: {
    200: {
      description: 'The link exists with this required_quantity; the variant as `fields` selects it.',
      schema: VariantResponse,
      example: variantResponse(sample(), DEFAULT_VARIANT_SELECTION),
    },
    400: error('The body, `fields` or another query parameter breaks the contract; the message names the field.', 'invalid_data', "Invalid request: Field 'required_quantity' is required"),
    401: error('Bearer token missing or not valid.', 'unauthorized', 'Invalid or expired token'),
    403: error('The token lacks the write permission.', 'not_allowed', 'Token lacks the permission for this operation'),
    404: error('Product, variant (of that product) or inventory item not found in the tenant.', 'not_found', 'Inventory item with id: iitem_nowhere was not found'),
    409: error('A request with the same Idempotency-Key is still running.', 'conflict', CONFLICT_MESSAGE, 'invalid_state_error'),
    422: error('The Idempotency-Key was used for a different request.', 'duplicate_error', 'Idempotency-Key was already used for a different request', 'invalid_request_error'),
    500: error('Unexpected failure; details are only in the logs.', 'unknown_error', 'An unknown error occurred.', 'unknown_error'),
    503: error('The database is unavailable; retry after the Retry-After header.', 'database_error', 'Service temporarily unavailable, please retry', 'api_error'),
  },
});
