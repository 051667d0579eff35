import { espressoKitCatalog } from '#scripts/demo/catalogs';
import type { RouteDemo } from '#functions/commons/demo';

/** The kit's grinder and cup, found by their SKU text. */
export const demo: RouteDemo = {
  catalog: espressoKitCatalog,
  example: {
    path: '/admin/inventory-items',
    query: 'q=grnd&order=sku',
    note: '200 both times: {inventory_items, count, offset, limit}, each item with its levels',
    expect: { first: 200, repeat: 200 },
  },
};
