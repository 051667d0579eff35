import { exampleRecord, merchantApiKeyHeader, recordErrors, shopsynchError } from '#functions/shopsynch/contracts';
import { LowStockQuery, LowStockResponse } from '#functions/shopsynch/dialect/stock';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

const { 401: unauthenticated, 500: unexpected, 503: unavailable } = recordErrors;
const { tenantId: _tenant, location: _bin, createdAt: _created, updatedAt: _updated, ...lowEntry } = exampleRecord;

export const request = {
  headers: [merchantApiKeyHeader],
  query: LowStockQuery,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'ShopSynch',
  summary: 'Low-stock report',
  description:
    'Every inventory record of the tenant whose availableQty is at or below its reorderLevel, in warehouse order; records without a reorderLevel never appear. It reads a sparse index that holds a record exactly while it is low, kept by the same write that changes the quantities, so its cost grows with the number of low records only. The index is eventually consistent: a record that just became low (or stopped being low) may take a moment to appear in (or leave) the report, while a read of the record itself is always current. Ours on top of ShopSynch’s: a `warehouseId` filter, `limit` (1 to 100, default 50) and an opaque `cursor`.',
  responses: {
    200: {
      description: 'One page of low records; nextCursor is null on the last page.',
      schema: LowStockResponse,
      example: { status: true, data: [lowEntry], nextCursor: null },
    },
    400: shopsynchError(
      'warehouseId is not valid text, limit is out of range, or the cursor is not one this report gave.',
      'limit must be an integer from 1 to 100',
    ),
    401: unauthenticated,
    500: unexpected,
    503: unavailable,
  },
});
