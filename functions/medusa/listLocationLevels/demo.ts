import { espressoKitCatalog } from '#scripts/demo/catalogs';
import type { RouteDemo } from '#functions/commons/demo';

/** The grinder's stock in both demo locations. */
export const demo: RouteDemo = {
  catalog: espressoKitCatalog,
  example: {
    path: '/admin/inventory-items/iitem_medusa_grinder/location-levels',
    note: '200 both times: {inventory_levels, count, offset, limit}',
    expect: { first: 200, repeat: 200 },
  },
};
