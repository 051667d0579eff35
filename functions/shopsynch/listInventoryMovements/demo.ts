import { DEMO_STOCK_RECORD_ID, merchantHeaders, stockCatalog } from '#scripts/demo/stock';
import type { RouteDemo } from '#functions/commons/demo';

export const demo: RouteDemo = {
  catalog: stockCatalog,
  example: {
    path: `/v1/inventory/${DEMO_STOCK_RECORD_ID}/movements`,
    query: 'limit=10',
    headers: merchantHeaders,
    note: '200 both times: the record history, newest first',
    expect: { first: 200, repeat: 200 },
  },
};
