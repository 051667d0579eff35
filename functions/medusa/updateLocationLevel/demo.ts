import { espressoKitCatalog } from '#scripts/demo/catalogs';
import type { RouteDemo } from '#functions/commons/demo';

/** A recount of grinders at the main warehouse. */
export const demo: RouteDemo = {
  catalog: espressoKitCatalog,
  example: {
    path: '/admin/inventory-items/iitem_medusa_grinder/location-levels/wh_main',
    body: { stocked_quantity: 45 },
    note: '200 both times: the level holds the new stocked quantity',
    expect: { first: 200, repeat: 200 },
  },
};
