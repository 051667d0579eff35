import { exampleRecord, merchantApiKeyHeader, recordErrors, shopsynchError } from '#functions/commons/shopsynch';
import { RecordPath, StockRecordResponse } from '#shared/dialects/shopsynch/stock';
import type { RouteContract } from '#shared/http/contract';

export const contract = {
  tag: 'ShopSynch',
  summary: 'Get an inventory record',
  description:
    'One inventory record by its ID, as the create answers it, plus lastStockAdjusted (its creation, or its latest adjustment). Records created by the DayZero variant endpoint (initial inventory) are included. One GetItem.',
  headers: [merchantApiKeyHeader],
  path: RecordPath,
  responses: {
    200: { description: 'The record.', schema: StockRecordResponse, example: { status: true, data: exampleRecord } },
    400: shopsynchError('The ID is not valid text.', 'id must not contain control or invisible characters'),
    ...recordErrors,
  },
} satisfies RouteContract;
