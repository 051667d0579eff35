import { DEMO_STOCK_RECORD_ID, merchantHeaders, stockCatalog } from '#scripts/demo/stock';
import type { RouteDemo } from '#functions/commons/demo';

export const demo: RouteDemo = {
  catalog: stockCatalog,
  example: {
    path: `/v1/inventory/${DEMO_STOCK_RECORD_ID}/reserve`,
    headers: merchantHeaders,
    body: { qty: 6, reference: 'order-1001', notes: 'Web checkout' },
    note: '200 both times: 10 then 16 reserved; the second leaves 4 available, below the reorder level of 8: low stock',
    expect: { first: 200, repeat: 200 },
  },
};
