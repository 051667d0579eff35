import type { RouteDemo } from '#functions/commons/demo';

/** A spare gasket, an item of no product stocked at the main warehouse. */
export const demo: RouteDemo = {
  catalog: {
    inventoryItems: [{ id: 'iitem_medusa_gasket', sku: 'GSKT-58', title: 'Spare gasket', levels: [{ locationId: 'wh_main', stocked: 5 }] }],
  },
  example: {
    path: '/admin/inventory-items/iitem_medusa_gasket',
    note: '200 both times: the item and its level are gone; a second delete answers the same, as Medusa does',
    expect: { first: 200, repeat: 200 },
  },
};
