import { BUSINESS_HEADER, dayzeroError } from '#functions/dayzero/contracts';
import { VariantPath, VariantResponse, VariantUpdateRequest } from '#functions/dayzero/dialect/variant';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  headers: [BUSINESS_HEADER],
  path: VariantPath,
  body: VariantUpdateRequest,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'DayZero',
  summary: 'Update product variant',
  description:
    'Changes the fields the body names (null clears a nullable field). A new SKU is claimed and the old one released in the same transaction; a new product_id moves the variant and its stock records to that product. Margins are recomputed.',
  bodyExamples: {
    price: { summary: 'A new price and SKU', value: { unit_price: 1890, sku: 'ES-250G-V2' } },
    move: { summary: 'Move to another product', value: { product_id: 'prod_dz_espresso' } },
  },
  responses: {
    200: {
      description: 'The variant as updated.',
      schema: VariantResponse,
      example: {
        id: 'var_dz_espresso_250g',
        product_id: 'prod_dz_espresso',
        business_id: 'tenant_demo',
        created_at: '2026-11-01T09:00:00Z',
        updated_at: '2026-11-02T10:30:00Z',
        name: '250 g - Espresso Roast',
        sku: 'ES-250G-V2',
        manufacturer_sku: null,
        archived: false,
        price: 18.9,
        cost: 4.5,
        inventory_quantity: 0,
        shopify_variant_id: null,
        stripe_price_id: null,
        stripe_product_id: null,
        unit_price: 1890,
        unit_cost: 450,
        unit_cost_precise: null,
        uom: 'EA',
        default_vendor_id: null,
        inventory: { on_hand: 0, reserved: 0, available: 0, location_id: 'wh_main', counted_at: null, in_transit: 0, ordered: 0 },
        product_name: 'Espresso Roast',
        margin_cents: 1440,
        margin_percentage: 76.19,
      },
    },
    400: dayzeroError(
      'Moving the variant with its stock records, inventory item links and OrderCloud inventory records needs more writes than one transaction holds (100); nothing changed.',
      'Variant has too many stock records, inventory item links and inventory records to move in one transaction (104 writes, at most 100); remove some before moving it to another product',
    ),
    401: dayzeroError('Token missing or not valid.', 'Not authenticated'),
    403: dayzeroError('The token lacks the write permission.', 'Not enough permissions'),
    404: dayzeroError('Business, variant, product or vendor not found.', 'Variant not found'),
    409: dayzeroError(
      "The new SKU is taken in this business, or a moved OrderCloud inventory record's ID in the new product (nothing changed); or the Idempotency-Key is in use.",
      'Variant with same SKU already exists',
    ),
    422: dayzeroError('Validation error: every failing field with its loc, msg and type.', [
      { type: 'string_too_short', loc: ['body', 'name'], msg: 'String should have at least 1 character', input: '' },
    ]),
    500: dayzeroError('Unexpected failure; details are only in the logs.', 'Internal Server Error'),
    503: dayzeroError(
      'The database is unavailable or the variant kept changing; retry after the Retry-After header.',
      'Service temporarily unavailable, please retry',
    ),
  },
});
