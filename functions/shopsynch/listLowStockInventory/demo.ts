import { merchantHeaders, stockCatalog } from '#scripts/demo/stock';
import type { RouteDemo } from '#functions/commons/demo';

export const demo: RouteDemo = {
  catalog: stockCatalog,
  example: {
    path: '/v1/inventory/low-stock',
    headers: merchantHeaders,
    note: '200 both times: the lamp record, taken low by the reserves above',
    expect: { first: 200, repeat: 200 },
  },
};
