import { tamperCatalog } from '#scripts/demo/catalogs';
import type { RouteDemo } from '#functions/commons/demo';

/** The tamper leaves the main warehouse; nothing is reserved there. */
export const demo: RouteDemo = {
  catalog: tamperCatalog,
  example: {
    path: '/admin/inventory-items/iitem_medusa_tamper/location-levels/wh_main',
    note: '200, then 404: the level is gone',
    expect: { first: 200, repeat: 404 },
  },
};
