import { mugCatalog } from '#scripts/demo/catalogs';
import type { RouteDemo } from '#functions/commons/demo';

/** A product-level record of the mug at the Abuja address. */
export const demo: RouteDemo = {
  catalog: mugCatalog,
  example: {
    path: '/products/prod_oc_mug/inventoryrecords',
    body: { ID: 'invrec-mug-product-abuja', AddressID: 'wh_def456', QuantityAvailable: 12 },
    note: '201 the first time; 409 IdExists (record IDs are unique within the product, at both levels) when repeated',
    expect: { first: 201, repeat: 409 },
  },
};
