import { exampleRecord, merchantApiKeyHeader, recordErrors, shopsynchError } from '#functions/shopsynch/contracts';
import { ListQuery, StockRecordListResponse } from '#functions/shopsynch/dialect/stock';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

const { 401: unauthenticated, 500: unexpected, 503: unavailable } = recordErrors;

export const request = {
  headers: [merchantApiKeyHeader],
  query: ListQuery,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'ShopSynch',
  summary: 'List inventory records',
  description:
    'The tenant’s inventory records in product, SKU and warehouse order, optionally of one productId (and skuId, which needs productId) and/or one warehouseId. Every combination is one Query on an index (by product, or by warehouse), never a Scan. `limit` (1 to 100, default 50) and the opaque `cursor` of the previous page’s nextCursor page through it. Index reads are eventually consistent (typically well under a second).',
  responses: {
    200: {
      description: 'One page of records; nextCursor is null on the last page.',
      schema: StockRecordListResponse,
      example: { status: true, data: [exampleRecord], nextCursor: null },
    },
    400: shopsynchError(
      'A filter is not valid text, skuId comes without productId, limit is out of range, or the cursor is not one this list gave.',
      'skuId can only be filtered on together with productId',
    ),
    401: unauthenticated,
    500: unexpected,
    503: unavailable,
  },
});
