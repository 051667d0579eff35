import { merchantHeaders, stockCatalog } from '#scripts/demo/stock';
import type { RouteDemo } from '#functions/commons/demo';

export const demo: RouteDemo = {
  catalog: stockCatalog,
  example: {
    path: '/v1/inventory',
    query: 'warehouseId=wh_main&limit=20',
    headers: merchantHeaders,
    note: '200 both times: the main warehouse records, one Query on the warehouse index',
    expect: { first: 200, repeat: 200 },
  },
};
