import { mugCatalog } from '#scripts/demo/catalogs';
import type { RouteDemo } from '#functions/commons/demo';

/** Deletes a variant record. */
export const demo: RouteDemo = {
  catalog: mugCatalog,
  example: {
    path: '/products/prod_oc_mug/variants/var_oc_mug_white/inventoryrecords/invrec-mug-delete',
    note: '204 the first time; 404 NotFound when repeated',
    expect: { first: 204, repeat: 404 },
  },
};
