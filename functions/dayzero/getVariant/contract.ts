import { BUSINESS_HEADER, dayzeroError } from '#functions/dayzero/contracts';
import { VariantPath, VariantResponse } from '#functions/dayzero/dialect/variant';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  headers: [BUSINESS_HEADER],
  path: VariantPath,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'DayZero',
  summary: 'Get product variant',
  description:
    'A variant of the business by its ID, with the same fields as the create’s 201 and its current inventory at its home location (the business’s default location when it was created). Read from a secondary index: a change is visible within a fraction of a second.',
  responses: {
    200: {
      description: 'The variant.',
      schema: VariantResponse,
      example: {
        id: 'var_dz_espresso_1kg',
        product_id: 'prod_dz_espresso',
        business_id: 'tenant_demo',
        created_at: '2026-11-01T09:00:00Z',
        updated_at: '2026-11-01T09:00:00Z',
        name: '1 kg - Espresso Roast',
        sku: 'ES-1KG',
        manufacturer_sku: null,
        archived: false,
        price: 32.5,
        cost: 15,
        inventory_quantity: 24,
        shopify_variant_id: null,
        stripe_price_id: null,
        stripe_product_id: null,
        unit_price: 3250,
        unit_cost: 1500,
        unit_cost_precise: null,
        uom: 'EA',
        default_vendor_id: null,
        inventory: {
          on_hand: 24,
          reserved: 0,
          available: 24,
          location_id: 'wh_main',
          counted_at: '2026-11-01T09:00:00Z',
          in_transit: 0,
          ordered: 0,
        },
        product_name: 'Espresso Roast',
        margin_cents: 1750,
        margin_percentage: 53.85,
      },
    },
    401: dayzeroError('Token missing or not valid.', 'Not authenticated'),
    404: dayzeroError('Business or variant not found.', 'Variant not found'),
    422: dayzeroError('Validation error: the path ID or the x-business-id header.', [
      { type: 'missing', loc: ['header', 'x-business-id'], msg: 'Field required', input: null },
    ]),
    500: dayzeroError('Unexpected failure; details are only in the logs.', 'Internal Server Error'),
    503: dayzeroError('The database is unavailable; retry after the Retry-After header.', 'Service temporarily unavailable, please retry'),
  },
});
