import { mugCatalog } from '#scripts/demo/catalogs';
import type { RouteDemo } from '#functions/commons/demo';

/** The tote's product-level records (a SIMPLE product's). */
export const demo: RouteDemo = {
  catalog: mugCatalog,
  example: {
    path: '/products/prod_oc_tote/inventoryrecords',
    query: 'includeAddress=true&search=main',
    note: '200 both times: product-level records whose ID or AddressID contains "main", with their addresses',
    expect: { first: 200, repeat: 200 },
  },
};
