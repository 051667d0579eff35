import { merchantApiKeyHeader, recordErrors, shopsynchError } from '#functions/shopsynch/contracts';
import { MovementsResponse, PageQuery, RecordPath } from '#functions/shopsynch/dialect/stock';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  headers: [merchantApiKeyHeader],
  path: RecordPath,
  query: PageQuery,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'ShopSynch',
  summary: 'Movement history of an inventory record',
  description:
    'The record’s history, newest first: its creation and every reserve, release and adjustment, with the quantity moved, reason, reference, notes, the quantities right after it, the token subject that made it and when. Append-only: onHandQty of the newest entry is the created quantity plus every adjustment. One Query on the record’s partition; `limit` (1 to 100, default 50) and the opaque `cursor` page through it.',
  responses: {
    200: {
      description: 'One page of movements; nextCursor is null on the last page.',
      schema: MovementsResponse,
      example: {
        status: true,
        data: [
          {
            version: 2,
            type: 'reserved',
            qty: 6,
            reason: null,
            reference: 'order-1001',
            notes: null,
            onHandQty: 20,
            reservedQty: 6,
            availableQty: 14,
            by: 'user-7',
            at: '2026-11-02T14:30:00Z',
          },
          {
            version: 1,
            type: 'created',
            qty: 20,
            reason: null,
            reference: null,
            notes: null,
            onHandQty: 20,
            reservedQty: 0,
            availableQty: 20,
            by: 'user-7',
            at: '2026-11-01T09:00:00Z',
          },
        ],
        nextCursor: null,
      },
    },
    400: shopsynchError(
      'The ID is not valid text, limit is out of range, or the cursor is not one this history gave.',
      'cursor is not valid; use the nextCursor of a previous page of this list',
    ),
    ...recordErrors,
  },
});
