import { DEMO_STOCK_RECORD_ID, merchantHeaders, stockCatalog } from '#scripts/demo/stock';
import type { RouteDemo } from '#functions/commons/demo';

export const demo: RouteDemo = {
  catalog: stockCatalog,
  example: {
    path: `/v1/inventory/${DEMO_STOCK_RECORD_ID}/adjust`,
    headers: merchantHeaders,
    body: { qty: -2, reason: 'damaged', reference: 'count-2026-11' },
    note: '200 both times: two damaged lamps written off each time (on hand never below reserved)',
    expect: { first: 200, repeat: 200 },
  },
};
