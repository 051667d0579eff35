import { espressoKitCatalog } from '#scripts/demo/catalogs';
import type { RouteDemo } from '#functions/commons/demo';

/** The Standard kit gains a grinder and the Deluxe kit needs two grinders, in one batch. */
export const demo: RouteDemo = {
  catalog: espressoKitCatalog,
  example: {
    path: '/admin/products/prod_medusa_espresso_kit/variants/inventory-items/batch',
    body: {
      create: [{ variant_id: 'variant_medusa_kit_std', inventory_item_id: 'iitem_medusa_grinder', required_quantity: 1 }],
      update: [{ variant_id: 'variant_medusa_kit_deluxe', inventory_item_id: 'iitem_medusa_grinder', required_quantity: 2 }],
    },
    note: '200 both times: the repeat gives the created pair a new link and sets the same quantity again',
    expect: { first: 200, repeat: 200 },
  },
};
