import { scaleCatalog } from '#scripts/demo/reservationCatalog';
import type { RouteDemo } from '#functions/commons/demo';

/** The scale's reservations. */
export const demo: RouteDemo = {
  catalog: scaleCatalog,
  example: {
    path: '/admin/reservations',
    query: 'inventory_item_id=iitem_medusa_scale',
    note: '200 both times: {reservations, count, offset, limit}',
    expect: { first: 200, repeat: 200 },
  },
};
