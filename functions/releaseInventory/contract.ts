import { merchantApiKeyHeader, movementErrors, recordErrors, shopsynchError } from '#functions/commons/shopsynch';
import { RecordPath, ReservationRequest, StockLevelsResponse } from '#shared/dialects/shopsynch/stock';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  headers: [merchantApiKeyHeader],
  path: RecordPath,
  body: ReservationRequest,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'ShopSynch',
  summary: 'Release reserved stock',
  description:
    "Gives back qty reserved units (an order cancelled or shipped elsewhere): reservedQty shrinks, availableQty grows. Never more than is reserved. Written like a reserve: one conditional transaction with its history entry and the Idempotency-Key's answer.",
  bodyExamples: { release: { summary: 'Release reserved stock', value: { qty: 1, reference: 'order-1001', notes: 'One item cancelled' } } },
  responses: {
    200: { description: 'The quantities after the movement.', schema: StockLevelsResponse, example: { status: true, data: { id: 'inv_5eed0000000000000000000000000001', onHandQty: 20, reservedQty: 5, availableQty: 15 } } },
    400: shopsynchError('qty is not a positive integer, or more than is reserved.', 'Cannot release 5 units. Only 3 units are currently reserved.'),
    ...recordErrors,
    ...movementErrors,
  },
});
