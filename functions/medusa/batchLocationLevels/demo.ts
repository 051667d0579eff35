import { basketCatalog } from '#scripts/demo/catalogs';
import type { RouteDemo } from '#functions/commons/demo';

/** The filter basket: a recount at the main warehouse and new stock on the way to the satellite store. */
export const demo: RouteDemo = {
  catalog: basketCatalog,
  example: {
    path: '/admin/inventory-items/iitem_medusa_basket/location-levels/batch',
    body: {
      update: [
        { location_id: 'wh_main', stocked_quantity: 18 },
        { location_id: 'wh_def456', incoming_quantity: 10 },
      ],
    },
    note: '200 both times: {created, updated, deleted}; the recount is a movement every API sees',
    expect: { first: 200, repeat: 200 },
  },
};
