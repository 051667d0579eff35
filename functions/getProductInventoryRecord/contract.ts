import { errorDoc } from '#shared/dialects/ordercloud/errors';
import { InventoryRecordResponse, ProductInventoryRecordPath, RECORD_EXAMPLE } from '#shared/dialects/ordercloud/inventoryRecord';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  path: ProductInventoryRecordPath,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'OrderCloud',
  summary: 'Get an inventory record of a product (product-level records)',
  description:
    'The record with its Address, read in one round trip (a BatchGet of the product, the variant and the record, which carries a copy of its address). Any token of the tenant may read.',
  responses: {
    200: { description: 'The record.', schema: InventoryRecordResponse, example: RECORD_EXAMPLE },
    400: errorDoc(400, 'A path parameter is not a valid ID.', 'InvalidRequest', 'inventoryRecordID: must be 1 to 100 letters, digits, - or _', { Field: 'inventoryRecordID' }),
    401: errorDoc(401, 'Token missing, expired or not valid.', 'InvalidToken', 'Access token is invalid or expired.'),
    404: errorDoc(404, 'Product, or record at this level not found.', 'NotFound', 'InventoryRecord not found: invrec-nowhere', { ObjectType: 'InventoryRecord', ObjectID: 'invrec-nowhere' }),
    500: errorDoc(500, 'Unexpected failure; details are only in the logs.', 'InternalServerError', 'An unexpected error occurred.'),
    503: errorDoc(503, 'The database is unavailable; retry after the Retry-After header.', 'ServiceUnavailable', 'Service temporarily unavailable, please retry'),
  },
});
