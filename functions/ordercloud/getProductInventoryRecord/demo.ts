import { mugCatalog } from '#scripts/demo/catalogs';
import type { RouteDemo } from '#functions/commons/demo';

/** One product-level record with its address. */
export const demo: RouteDemo = {
  catalog: mugCatalog,
  example: {
    path: '/products/prod_oc_tote/inventoryrecords/invrec-tote-main',
    note: '200 both times',
    expect: { first: 200, repeat: 200 },
  },
};
