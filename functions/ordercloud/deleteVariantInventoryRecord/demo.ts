import { mugCatalog } from '#scripts/demo/catalogs';
import type { RouteDemo } from '#functions/commons/demo';

/** Deletes a variant record: OrderCloud's name of the stock, which stays for the other APIs. */
export const demo: RouteDemo = {
  catalog: mugCatalog,
  example: {
    path: '/products/prod_oc_mug/variants/var_oc_mug_blue/inventoryrecords/invrec-mug-delete',
    note: '204 the first time; 404 NotFound when repeated',
    expect: { first: 204, repeat: 404 },
  },
};
