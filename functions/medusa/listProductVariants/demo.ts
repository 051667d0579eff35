import { espressoKitCatalog } from '#scripts/demo/catalogs';
import type { RouteDemo } from '#functions/commons/demo';

/** The kit's variants, with the units each can sell. */
export const demo: RouteDemo = {
  catalog: espressoKitCatalog,
  example: {
    path: '/admin/products/prod_medusa_espresso_kit/variants',
    query: 'fields=%2Binventory_quantity&order=-title&limit=10',
    note: '200 both times: the variants with inventory_quantity, count, offset and limit',
    expect: { first: 200, repeat: 200 },
  },
};
