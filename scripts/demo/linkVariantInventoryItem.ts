import type { RouteDemo } from '#scripts/demo/types';

/** An espresso kit whose variant is assembled from two inventory items stocked in both demo locations. */
export const demo: RouteDemo = {
  catalog: {
    products: [
      {
        id: 'prod_medusa_espresso_kit',
        name: 'Espresso Starter Kit',
        type: 'VARIABLE',
        variants: [{ id: 'variant_medusa_kit_std', name: 'Standard', sku: 'KIT-ESP-STD', attributes: { Edition: 'Standard' } }],
      },
    ],
    inventoryItems: [
      {
        id: 'iitem_medusa_grinder',
        sku: 'GRND-BURR-01',
        title: 'Burr grinder',
        levels: [
          { locationId: 'wh_main', stocked: 40, reserved: 4 },
          { locationId: 'wh_def456', stocked: 12 },
        ],
      },
      {
        id: 'iitem_medusa_cup',
        sku: 'CUP-ESP-90',
        title: 'Espresso cup',
        levels: [
          { locationId: 'wh_main', stocked: 90, reserved: 10 },
          { locationId: 'wh_def456', stocked: 30, incoming: 60 },
        ],
      },
    ],
  },
  example: {
    path: '/admin/products/prod_medusa_espresso_kit/variants/variant_medusa_kit_std/inventory-items',
    body: { inventory_item_id: 'iitem_medusa_cup', required_quantity: 2 },
    note: '200 both times: the repeat updates required_quantity on the same pvitem_ link',
    expect: { first: 200, repeat: 200 },
  },
};
