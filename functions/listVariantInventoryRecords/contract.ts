import { errorDoc } from '#shared/dialects/ordercloud/errors';
import { InventoryRecordListResponse, InventoryRecordPath, LIST_EXAMPLE } from '#shared/dialects/ordercloud/inventoryRecord';
import { RecordListQueryParameters } from '#shared/dialects/ordercloud/listOptions';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  path: InventoryRecordPath,
  query: RecordListQueryParameters,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'OrderCloud',
  summary: 'List the inventory records of a variant',
  description:
    'An OrderCloud ListPage of the records, read with one Query of the product\'s partition and filtered, searched, sorted and paged in memory, so TotalCount is exact. page (from 1), pageSize (1 to 100, default 20), search with searchOn (ID, AddressID), sortBy (ID, AddressID, !ID, !AddressID), includeAddress, and filters as parameters on ID, AddressID, QuantityAvailable, OrderCanExceed, AllowAllBuyers and xp.* with OrderCloud\'s operators (* wildcard, ! not, <, >, <=, >=, | or, !* no value). Any other parameter is a 400 naming it. Any token of the tenant may read.',
  responses: {
    200: { description: 'One page of records; Address is null unless includeAddress=true.', schema: InventoryRecordListResponse, example: LIST_EXAMPLE },
    400: errorDoc(400, 'A list option or filter is not valid, or not a known parameter; the error names it.', 'InvalidRequest', 'pageSize: must be an integer from 1 to 100', { Field: 'pageSize' }),
    401: errorDoc(401, 'Token missing, expired or not valid.', 'InvalidToken', 'Access token is invalid or expired.'),
    404: errorDoc(404, 'Product, variant of that product not found.', 'NotFound', 'Product not found: prod_nowhere', { ObjectType: 'Product', ObjectID: 'prod_nowhere' }),
    500: errorDoc(500, 'Unexpected failure; details are only in the logs.', 'InternalServerError', 'An unexpected error occurred.'),
    503: errorDoc(503, 'The database is unavailable; retry after the Retry-After header.', 'ServiceUnavailable', 'Service temporarily unavailable, please retry'),
  },
});
