import { mugCatalog } from '#scripts/demo/catalogs';
import type { RouteDemo } from '#functions/commons/demo';

/** Replaces a variant record: its own fields left out take their defaults; QuantityAvailable moves the shared stock. */
export const demo: RouteDemo = {
  catalog: mugCatalog,
  example: {
    path: '/products/prod_oc_mug/variants/var_oc_mug_black/inventoryrecords/invrec-mug-save',
    body: { AddressID: 'wh_main', QuantityAvailable: 80, NotificationPoint: 10, xp: { Aisle: '5' } },
    note: '200 both times: the record is replaced (201 when the ID did not exist yet)',
    expect: { first: 200, repeat: 200 },
  },
};
