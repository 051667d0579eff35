import { DEMO_RESERVATION_ID, scaleCatalog } from '#scripts/demo/reservationCatalog';
import type { RouteDemo } from '#functions/commons/demo';

/** The order line now takes four scales instead of two. */
export const demo: RouteDemo = {
  catalog: scaleCatalog,
  example: {
    path: `/admin/reservations/${DEMO_RESERVATION_ID}`,
    body: { quantity: 4, description: 'Order #1042, four scales' },
    note: '200 both times: the first reserves 2 more units, the repeat moves nothing',
    expect: { first: 200, repeat: 200 },
  },
};
