import { mugCatalog } from '#scripts/demo/catalogs';
import type { RouteDemo } from '#functions/commons/demo';

/** Replaces a product-level record. */
export const demo: RouteDemo = {
  catalog: mugCatalog,
  example: {
    path: '/products/prod_oc_tote/inventoryrecords/invrec-tote-save',
    body: { AddressID: 'wh_def456', QuantityAvailable: 60, OrderCanExceed: true },
    note: '200 both times: the record is replaced (201 when the ID did not exist yet)',
    expect: { first: 200, repeat: 200 },
  },
};
