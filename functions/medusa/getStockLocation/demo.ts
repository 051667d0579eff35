import type { RouteDemo } from '#functions/commons/demo';

/** The demo's main warehouse, with its address. */
export const demo: RouteDemo = {
  catalog: {},
  example: {
    path: '/admin/stock-locations/wh_main',
    note: '200 both times: {stock_location} with its address',
    expect: { first: 200, repeat: 200 },
  },
};
