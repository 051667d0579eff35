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
  summary: 'Reserve stock',
  description:
    "Holds qty units of the record for an order: reservedQty grows, availableQty shrinks. Never more than is available (400 with ShopSynch's wording). One transaction writes the next version of the record (conditional on the version read; a concurrent movement makes it read again and retry) with its history entry, the Idempotency-Key's answer, and, when this takes the record into low stock, the InventoryLowStock outbox entry.",
  bodyExamples: { reserve: { summary: 'Reserve stock', value: { qty: 6, reference: 'order-1001', notes: 'Web checkout' } } },
  responses: {
    200: { description: 'The quantities after the movement.', schema: StockLevelsResponse, example: { status: true, data: { id: 'inv_5eed0000000000000000000000000001', onHandQty: 20, reservedQty: 6, availableQty: 14 } } },
    400: shopsynchError('qty is not a positive integer, or more than is available.', 'Cannot reserve 5 units. Only 3 units are currently available.'),
    ...recordErrors,
    ...movementErrors,
  },
});
