import { DEMO_STOCK_RECORD_ID, merchantHeaders, stockCatalog } from '#scripts/demo/stock';
import type { RouteDemo } from '#functions/commons/demo';

export const demo: RouteDemo = {
  catalog: stockCatalog,
  example: {
    path: `/v1/inventory/${DEMO_STOCK_RECORD_ID}/release`,
    headers: merchantHeaders,
    body: { qty: 1, reference: 'order-1001', notes: 'One lamp cancelled' },
    note: '200 both times: one reserved unit given back each time',
    expect: { first: 200, repeat: 200 },
  },
};
