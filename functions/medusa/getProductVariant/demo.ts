import { espressoKitCatalog } from '#scripts/demo/catalogs';
import type { RouteDemo } from '#functions/commons/demo';

/** The Deluxe kit with its links and their items' stock. */
export const demo: RouteDemo = {
  catalog: espressoKitCatalog,
  example: {
    path: '/admin/products/prod_medusa_espresso_kit/variants/variant_medusa_kit_deluxe',
    query: 'fields=%2B*inventory_items.inventory.location_levels',
    note: "200 both times: Medusa's default fields plus the links, their items and levels",
    expect: { first: 200, repeat: 200 },
  },
};
