import { BUSINESS_HEADER, dayzeroError } from '#functions/dayzero/contracts';
import { VariantCreateRequest, VariantResponse } from '#functions/dayzero/dialect/variant';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  headers: [BUSINESS_HEADER],
  body: VariantCreateRequest,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'DayZero',
  summary: 'Create product variant',
  description:
    'Creates a variant of a product of the business, with its initial inventory at the business’s default location. The SKU is unique per business.',
  bodyExamples: {
    full: {
      summary: 'Every field',
      value: {
        product_id: 'prod_dz_coffee',
        name: '1 kg - Whole Bean',
        sku: 'HB-1KG-WB',
        manufacturer_sku: 'LR-HB-1000',
        unit_price: 2999,
        unit_cost: 1450,
        unit_cost_precise: 14.5,
        uom: 'KG',
        default_vendor_id: 'vendor_dz_roaster',
        initial_inventory_quantity: 40,
        initial_inventory_quantity_date: '2026-11-01T09:00:00Z',
      },
    },
    minimal: { summary: 'Only the required fields', value: { product_id: 'prod_dz_coffee', name: '250 g - Ground' } },
  },
  responses: {
    201: {
      description: 'The variant was created.',
      schema: VariantResponse,
      example: {
        id: '3f1c2b9e-8a4d-4c7e-9b2a-1d5e6f7a8b9c',
        product_id: 'prod_dz_coffee',
        business_id: 'tenant_demo',
        created_at: '2026-11-01T09:00:00Z',
        updated_at: '2026-11-01T09:00:00Z',
        name: '1 kg - Whole Bean',
        sku: 'HB-1KG-WB',
        manufacturer_sku: 'LR-HB-1000',
        archived: false,
        price: 29.99,
        cost: 14.5,
        inventory_quantity: 40,
        shopify_variant_id: null,
        stripe_price_id: null,
        stripe_product_id: null,
        unit_price: 2999,
        unit_cost: 1450,
        unit_cost_precise: 14.5,
        uom: 'KG',
        default_vendor_id: 'vendor_dz_roaster',
        inventory: {
          on_hand: 40,
          reserved: 0,
          available: 40,
          location_id: 'wh_main',
          counted_at: '2026-11-01T09:00:00Z',
          in_transit: 0,
          ordered: 0,
        },
        product_name: 'House Blend Coffee',
        margin_cents: 1549,
        margin_percentage: 51.65,
      },
    },
    400: dayzeroError(
      'Initial inventory for a business without a default location, or a business that requires Stripe sync without a Stripe account.',
      'Business has no Stripe account connected; connect one before creating variants',
    ),
    401: dayzeroError('Token missing or not valid.', 'Not authenticated'),
    403: dayzeroError('The token lacks the write permission.', 'Not enough permissions'),
    404: dayzeroError('Business, product or vendor not found.', 'Product not found'),
    409: dayzeroError('The SKU is taken in this business, or the Idempotency-Key is in use.', 'Variant with same SKU already exists'),
    422: dayzeroError('Validation error: every failing field with its loc, msg and type.', [
      { type: 'missing', loc: ['body', 'name'], msg: 'Field required', input: null },
    ]),
    500: dayzeroError('Unexpected failure; details are only in the logs.', 'Internal Server Error'),
    503: dayzeroError('The database is unavailable; retry after the Retry-After header.', 'Service temporarily unavailable, please retry'),
  },
});
