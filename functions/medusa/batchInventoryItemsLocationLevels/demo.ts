import { espressoKitCatalog } from '#scripts/demo/catalogs';
import type { RouteDemo } from '#functions/commons/demo';

/** The kit's grinder and cup, recounted at the main warehouse in one batch. */
export const demo: RouteDemo = {
  catalog: espressoKitCatalog,
  example: {
    path: '/admin/inventory-items/location-levels/batch',
    body: {
      update: [
        { inventory_item_id: 'iitem_medusa_grinder', location_id: 'wh_main', stocked_quantity: 38 },
        { inventory_item_id: 'iitem_medusa_cup', location_id: 'wh_main', stocked_quantity: 88 },
      ],
    },
    note: '200 both times: {created, updated}, both levels moved in one transaction',
    expect: { first: 200, repeat: 200 },
  },
};
