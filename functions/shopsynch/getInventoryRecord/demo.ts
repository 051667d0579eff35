import { DEMO_STOCK_RECORD_ID, merchantHeaders, stockCatalog } from '#scripts/demo/stock';
import type { RouteDemo } from '#functions/commons/demo';

/** The shared demo record. */
export const demo: RouteDemo = {
  catalog: stockCatalog,
  example: {
    path: `/v1/inventory/${DEMO_STOCK_RECORD_ID}`,
    headers: merchantHeaders,
    note: '200 both times: the record with lastStockAdjusted',
    expect: { first: 200, repeat: 200 },
  },
};
