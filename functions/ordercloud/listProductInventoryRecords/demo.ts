import { mugCatalog } from '#scripts/demo/catalogs';
import type { RouteDemo } from '#functions/commons/demo';

/** The mug's product-level records (never its variant records). */
export const demo: RouteDemo = {
  catalog: mugCatalog,
  example: {
    path: '/products/prod_oc_mug/inventoryrecords',
    query: 'includeAddress=true&search=main',
    note: '200 both times: product-level records whose ID or AddressID contains "main", with their addresses',
    expect: { first: 200, repeat: 200 },
  },
};
