import { basketCatalog } from '#scripts/demo/catalogs';
import type { RouteDemo } from '#functions/commons/demo';

/** The basket leaves the satellite store, where nothing of it is left (a level holding units stays). */
export const demo: RouteDemo = {
  catalog: basketCatalog,
  example: {
    path: '/admin/inventory-items/iitem_medusa_basket/location-levels/wh_def456',
    note: '200, then 404: the level is gone',
    expect: { first: 200, repeat: 404 },
  },
};
