import { espressoKitCatalog } from '#scripts/demo/catalogs';
import type { RouteDemo } from '#functions/commons/demo';

/** The Deluxe kit no longer comes with cups (its link is seeded by the link route's demo). */
export const demo: RouteDemo = {
  catalog: espressoKitCatalog,
  example: {
    path: '/admin/products/prod_medusa_espresso_kit/variants/variant_medusa_kit_deluxe/inventory-items/iitem_medusa_cup',
    note: '200 both times: the repeat finds no link and removes nothing, as Medusa answers',
    expect: { first: 200, repeat: 200 },
  },
};
