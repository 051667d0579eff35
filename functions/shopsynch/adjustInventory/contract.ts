import { exampleRecord, merchantApiKeyHeader, movementErrors, recordErrors, shopsynchError } from '#functions/shopsynch/contracts';
import { AdjustmentRequest, RecordPath, StockRecordResponse } from '#functions/shopsynch/dialect/stock';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  headers: [merchantApiKeyHeader],
  path: RecordPath,
  body: AdjustmentRequest,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'ShopSynch',
  summary: 'Adjust on-hand stock',
  description:
    'Adds (qty > 0) or removes (qty < 0) on-hand units, with a reason (a count, a delivery, damage) and an optional reference; optionally sets reorderLevel, reorderQty and the shelf location at the same time. onHandQty never falls below reservedQty. Written like a reserve: one conditional transaction with its history entry and the Idempotency-Key’s answer; lastStockAdjusted becomes now.',
  bodyExamples: {
    damage: { summary: 'Two units found damaged', value: { qty: -2, reason: 'damaged', reference: 'count-2026-11' } },
    delivery: {
      summary: 'A delivery, with a new reorder level',
      value: { qty: 30, reason: 'delivery', reference: 'PO-5512', reorderLevel: 15, reorderQty: 40, location: 'A-02-1' },
    },
  },
  responses: {
    200: {
      description: 'The record after the adjustment.',
      schema: StockRecordResponse,
      example: {
        status: true,
        data: {
          ...exampleRecord,
          onHandQty: 18,
          availableQty: 6,
          lastStockAdjusted: '2026-11-02T15:00:00Z',
          updatedAt: '2026-11-02T15:00:00Z',
        },
      },
    },
    400: shopsynchError(
      'qty is 0 or not an integer, reason is missing, or the adjustment would take onHandQty below reservedQty.',
      'Cannot adjust by -20. onHandQty would be 0, below the 12 units reserved.',
    ),
    ...recordErrors,
    ...movementErrors,
  },
});
