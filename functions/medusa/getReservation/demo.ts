import { DEMO_RESERVATION_ID, scaleCatalog } from '#scripts/demo/reservationCatalog';
import type { RouteDemo } from '#functions/commons/demo';

/** Two scales held for line item …1042. */
export const demo: RouteDemo = {
  catalog: scaleCatalog,
  example: {
    path: `/admin/reservations/${DEMO_RESERVATION_ID}`,
    note: '200 both times: {reservation} with its inventory item',
    expect: { first: 200, repeat: 200 },
  },
};
