import type { RouteDemo } from '#functions/commons/demo';

/** The demo's two locations, by name. */
export const demo: RouteDemo = {
  catalog: {},
  example: {
    path: '/admin/stock-locations',
    query: 'order=name',
    note: '200 both times: {stock_locations, count, offset, limit}',
    expect: { first: 200, repeat: 200 },
  },
};
