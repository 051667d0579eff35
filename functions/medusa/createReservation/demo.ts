import { scaleCatalog } from '#scripts/demo/reservationCatalog';
import type { RouteDemo } from '#functions/commons/demo';

/** Three scales reserved for an order line: 35 are available at the main warehouse. */
export const demo: RouteDemo = {
  catalog: scaleCatalog,
  example: {
    path: '/admin/reservations',
    body: {
      inventory_item_id: 'iitem_medusa_scale',
      location_id: 'wh_main',
      quantity: 3,
      line_item_id: 'ordli_demo_1043',
      description: 'Order #1043',
    },
    note: '200 both times: each call reserves 3 more units (a new reservation)',
    expect: { first: 200, repeat: 200 },
  },
};
