import { CreateInventoryRequest, ErrorResponse, InventoryRecordResponse } from '#functions/shopsynch/dialect/inventory';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

const error = (description: string, message: string) => ({ description, schema: ErrorResponse, example: { status: false, message } });

export const request = {
  headers: [
    {
      name: 'X-MerchantApiKey',
      required: true,
      description: 'An active merchant API key of the token’s tenant.',
      example: 'mk_live_xxxxxxxxxxxx',
      check: 'merchantApiKey',
      missing: 'unauthenticated',
    },
  ],
  body: CreateInventoryRequest,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'ShopSynch',
  summary: 'Create an inventory record',
  description:
    'Creates the inventory record of a product, or of one SKU of a VARIABLE product, in a warehouse. One record per product (and SKU) per warehouse.',
  bodyExamples: {
    simple: {
      summary: 'A SIMPLE product in a second warehouse',
      value: { productId: 'prod_abc123', warehouseId: 'wh_def456', initialQty: 50, location: 'B-02-1', reorderLevel: 10, reorderQty: 30 },
    },
    sku: {
      summary: 'One SKU of a VARIABLE product',
      value: {
        productId: 'prod_phone_789',
        skuId: 'sku_red_256gb',
        warehouseId: 'wh_abc123',
        initialQty: 20,
        location: 'C-05-3',
        reorderLevel: 5,
        reorderQty: 15,
        variantAttributes: { Color: 'Red', Storage: '256GB' },
      },
    },
  },
  responses: {
    200: {
      description: 'The record was created.',
      schema: InventoryRecordResponse,
      example: {
        status: true,
        data: {
          id: 'inv_9abfbc6d98804812872ae82a39a859d5',
          productId: 'prod_abc123',
          skuId: null,
          tenantId: 'tenant_demo',
          warehouseId: 'wh_def456',
          warehouseName: 'Abuja Satellite Store',
          location: 'B-02-1',
          onHandQty: 50,
          reservedQty: 0,
          availableQty: 50,
          reorderLevel: 10,
          reorderQty: 30,
          variantAttributes: {},
          createdAt: '2024-11-01T10:00:00Z',
          updatedAt: '2024-11-01T10:00:00Z',
        },
      },
    },
    400: error('The body is missing, not JSON, or breaks a rule; the message names the field.', 'initialQty must be 0 or greater'),
    401: error('Token or merchant API key missing or not valid.', 'X-MerchantApiKey is not valid'),
    403: error('The token lacks the write permission.', 'Token lacks the permission for this operation'),
    404: error('Product, SKU or warehouse not found in the tenant.', "Warehouse 'wh_nowhere' not found"),
    409: error(
      'A record already exists for this product (and SKU) in this warehouse, or the Idempotency-Key is in use.',
      'An inventory record for this product already exists in the specified warehouse.',
    ),
    422: error('The Idempotency-Key was used for a different request.', 'Idempotency-Key was already used for a different request'),
    500: error('Unexpected failure; details are only in the logs.', 'Internal server error'),
    503: error('The database is unavailable; retry after the Retry-After header.', 'Service temporarily unavailable, please retry'),
  },
});
