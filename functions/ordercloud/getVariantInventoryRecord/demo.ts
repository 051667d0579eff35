import { mugCatalog } from '#scripts/demo/catalogs';
import type { RouteDemo } from '#functions/commons/demo';

/** One variant record with its address. */
export const demo: RouteDemo = {
  catalog: mugCatalog,
  example: {
    path: '/products/prod_oc_mug/variants/var_oc_mug_white/inventoryrecords/invrec-mug-main',
    note: '200 both times',
    expect: { first: 200, repeat: 200 },
  },
};
