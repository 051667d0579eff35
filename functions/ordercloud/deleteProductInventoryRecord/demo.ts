import { mugCatalog } from '#scripts/demo/catalogs';
import type { RouteDemo } from '#functions/commons/demo';

/** Deletes a product-level record. */
export const demo: RouteDemo = {
  catalog: mugCatalog,
  example: {
    path: '/products/prod_oc_coaster/inventoryrecords/invrec-coaster-delete',
    note: '204 the first time; 404 NotFound when repeated',
    expect: { first: 204, repeat: 404 },
  },
};
