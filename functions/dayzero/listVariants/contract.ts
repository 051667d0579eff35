import { BUSINESS_HEADER, dayzeroError } from '#functions/dayzero/contracts';
import { VariantListQuery, VariantListResponse } from '#functions/dayzero/dialect/variant';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  headers: [BUSINESS_HEADER],
  query: VariantListQuery,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'DayZero',
  summary: 'List product variants',
  description:
    'The business’s variants, or one product’s (`product_id`), active (default) or archived (`archived=true`), by `sort_by` `created_at` (default) or `name` (by the name’s UTF-8 bytes: case-sensitive, accents after ASCII), each then by ID, `descending` (default true). ' +
    '`limit` 1 to 100 (default 20). `next_cursor` and `prev_cursor` (null when nothing lies that way) continue with `direction=next` (default) or `direction=prev`; a cursor only serves the list it came from (same business, product_id, archived, sort_by and descending). ' +
    '`direction=prev` without a cursor gives the last page. `has_next`/`has_prev` are exact. `total` is null unless `include_total_count=true`: then it counts every variant of the list, at a cost that grows with their number. ' +
    'Items carry the VariantResponse fields with `inventory` and `inventory_quantity` null: the live stock summary is read by GET /api/v1/inventory/products/variants/{id}. ' +
    'Every scope and order is one Query on a secondary index: a change is visible within a fraction of a second.',
  responses: {
    200: {
      description: 'One page of the list, in its order.',
      schema: VariantListResponse,
      example: {
        items: [
          {
            id: 'var_dz_cold_brew_1l',
            product_id: 'prod_dz_cold_brew',
            business_id: 'tenant_demo',
            created_at: '2026-11-01T09:00:00Z',
            updated_at: '2026-11-01T09:00:00Z',
            name: '1 l - Cold Brew',
            sku: 'CB-1L',
            manufacturer_sku: null,
            archived: false,
            price: 19.9,
            cost: 7.2,
            inventory_quantity: null,
            shopify_variant_id: null,
            stripe_price_id: null,
            stripe_product_id: null,
            unit_price: 1990,
            unit_cost: 720,
            unit_cost_precise: null,
            uom: 'EA',
            default_vendor_id: null,
            inventory: null,
            product_name: 'Cold Brew Concentrate',
            margin_cents: 1270,
            margin_percentage: 63.82,
          },
        ],
        total: 3,
        limit: 1,
        next_cursor:
          'eyJ2IjoxLCJ0ZW5hbnQiOiJ0ZW5hbnRfZGVtbyIsInByb2R1Y3RfaWQiOiJwcm9kX2R6X2NvbGRfYnJldyIsImFyY2hpdmVkIjpmYWxzZSwic29ydF9ieSI6Im5hbWUiLCJkZXNjZW5kaW5nIjpmYWxzZSwiYXQiOnsiaW5kZXgiOiJwcm9kdWN0VmFyaWFudHNCeU5hbWUiLCJwayI6IlRFTkFOVCN0ZW5hbnRfZGVtbyNQUk9EVUNUI3Byb2RfZHpfY29sZF9icmV3Iiwic2siOiJWQVJJQU5UI3Zhcl9kel9jb2xkX2JyZXdfMWwiLCJ2YXJpYW50c05hbWVTayI6IjEgbCAtIENvbGQgQnJld1x1MDAwMXZhcl9kel9jb2xkX2JyZXdfMWwifX0',
        prev_cursor: null,
        has_next: true,
        has_prev: false,
      },
    },
    401: dayzeroError('Token missing or not valid.', 'Not authenticated'),
    404: dayzeroError('x-business-id is not the token’s business.', 'Business not found'),
    422: dayzeroError('Validation error: a query parameter (a cursor of another list included) or the x-business-id header.', [
      {
        type: 'value_error',
        loc: ['query', 'cursor'],
        msg: 'Value error, cursor is not valid for this list; use the next_cursor or prev_cursor of one of its pages',
        input: 'bm90LWEtY3Vyc29y',
      },
    ]),
    500: dayzeroError('Unexpected failure; details are only in the logs.', 'Internal Server Error'),
    503: dayzeroError('The database is unavailable; retry after the Retry-After header.', 'Service temporarily unavailable, please retry'),
  },
});
