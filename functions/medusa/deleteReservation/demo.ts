import { DEMO_RESERVATION_ID, scaleCatalog } from '#scripts/demo/reservationCatalog';
import type { RouteDemo } from '#functions/commons/demo';

/** The order line is cancelled: its two scales go back to the main warehouse's available stock. */
export const demo: RouteDemo = {
  catalog: scaleCatalog,
  example: {
    path: `/admin/reservations/${DEMO_RESERVATION_ID}`,
    note: '200 both times: Medusa answers a reservation that is gone as deleted',
    expect: { first: 200, repeat: 200 },
  },
};
