import { tamperCatalog } from '#scripts/demo/catalogs';
import type { RouteDemo } from '#functions/commons/demo';

/** The tamper, renamed. */
export const demo: RouteDemo = {
  catalog: tamperCatalog,
  example: {
    path: '/admin/inventory-items/iitem_medusa_tamper',
    body: { title: 'Tamper, 58 mm', requires_shipping: true },
    note: '200 both times: the item with its new title',
    expect: { first: 200, repeat: 200 },
  },
};
