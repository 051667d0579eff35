import { mugCatalog } from '#scripts/demo/catalogs';
import type { RouteDemo } from '#functions/commons/demo';

/** Changes the quantity of a variant record and merges into its xp. */
export const demo: RouteDemo = {
  catalog: mugCatalog,
  example: {
    path: '/products/prod_oc_mug/variants/var_oc_mug_black/inventoryrecords/invrec-mug-patch',
    body: { QuantityAvailable: 25, xp: { Bin: { Row: 2 } } },
    note: '200 both times: xp.Bin.Shelf is kept, xp.Bin.Row becomes 2',
    expect: { first: 200, repeat: 200 },
  },
};
