import { espressoKitCatalog } from '#scripts/demo/catalogs';
import type { RouteDemo } from '#functions/commons/demo';

/** The kit's grinder with its two levels. */
export const demo: RouteDemo = {
  catalog: espressoKitCatalog,
  example: {
    path: '/admin/inventory-items/iitem_medusa_grinder',
    note: '200 both times: {inventory_item} with its location_levels',
    expect: { first: 200, repeat: 200 },
  },
};
