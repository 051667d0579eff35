import { exampleRecord, merchantApiKeyHeader, recordErrors, shopsynchError } from '#functions/shopsynch/contracts';
import { RecordPath, StockRecordResponse } from '#functions/shopsynch/dialect/stock';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  headers: [merchantApiKeyHeader],
  path: RecordPath,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'ShopSynch',
  summary: 'Get an inventory record',
  description:
    'One inventory record by its ID, as the create answers it, plus lastStockAdjusted (its creation, or its latest adjustment). Records created by the DayZero variant endpoint (initial inventory) are included. One GetItem.',
  responses: {
    200: { description: 'The record.', schema: StockRecordResponse, example: { status: true, data: exampleRecord } },
    400: shopsynchError('The ID is not valid text.', 'id must not contain control or invisible characters'),
    ...recordErrors,
  },
});
