import { espressoKitCatalog } from '#scripts/demo/catalogs';
import type { RouteDemo } from '#functions/commons/demo';

/** The Standard edition of the espresso kit gets its first link. */
export const demo: RouteDemo = {
  catalog: espressoKitCatalog,
  example: {
    path: '/admin/products/prod_medusa_espresso_kit/variants/variant_medusa_kit_std/inventory-items',
    body: { inventory_item_id: 'iitem_medusa_cup', required_quantity: 2 },
    note: '200 both times: the repeat replaces the link with a new pvitem_ one, as Medusa does',
    expect: { first: 200, repeat: 200 },
  },
};
