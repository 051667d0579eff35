import { mugCatalog } from '#scripts/demo/catalogs';
import type { RouteDemo } from '#functions/commons/demo';

/** Changes a product-level record's quantity and merges into its xp. */
export const demo: RouteDemo = {
  catalog: mugCatalog,
  example: {
    path: '/products/prod_oc_coaster/inventoryrecords/invrec-coaster-patch',
    body: { QuantityAvailable: 9, xp: { Bin: { Shelf: 'C' } } },
    note: '200 both times: xp.Bin.Row is kept, xp.Bin.Shelf is added',
    expect: { first: 200, repeat: 200 },
  },
};
