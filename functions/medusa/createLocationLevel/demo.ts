import { tamperCatalog } from '#scripts/demo/catalogs';
import type { RouteDemo } from '#functions/commons/demo';

/** A tamper stocked only at the main warehouse, now also at the satellite store. */
export const demo: RouteDemo = {
  catalog: tamperCatalog,
  example: {
    path: '/admin/inventory-items/iitem_medusa_tamper/location-levels',
    body: { location_id: 'wh_def456', stocked_quantity: 6 },
    note: '200, then 400: the item already has a level at that location',
    expect: { first: 200, repeat: 400 },
  },
};
