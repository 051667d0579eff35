import { mugCatalog } from '#scripts/demo/catalogs';
import type { RouteDemo } from '#functions/commons/demo';

/** The mug's variant-level records with more than 5 available. */
export const demo: RouteDemo = {
  catalog: mugCatalog,
  example: {
    path: '/products/prod_oc_mug/variants/var_oc_mug_white/inventoryrecords',
    query: 'QuantityAvailable=%3E5&sortBy=!ID&pageSize=10',
    note: '200 both times: the white mug records with more than 5 available, IDs descending',
    expect: { first: 200, repeat: 200 },
  },
};
