import { espressoKitCatalog } from '#scripts/demo/catalogs';
import type { RouteDemo } from '#functions/commons/demo';

/** The Deluxe kit now needs two grinders (its link is seeded by the link route's demo). */
export const demo: RouteDemo = {
  catalog: espressoKitCatalog,
  example: {
    path: '/admin/products/prod_medusa_espresso_kit/variants/variant_medusa_kit_deluxe/inventory-items/iitem_medusa_grinder',
    query: 'fields=id,*inventory_items',
    body: { required_quantity: 2 },
    note: '200 both times: the link keeps its ID and takes the new required_quantity',
    expect: { first: 200, repeat: 200 },
  },
};
