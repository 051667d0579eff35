import type { RouteDemo } from '#scripts/demo/types';

/**
 * An espresso kit in two editions, each with a price and an option value with IDs, assembled from
 * inventory items stocked in both demo locations. The Deluxe edition is already linked to both
 * items: the other Medusa routes' demos read, change and remove those links.
 */
export const demo: RouteDemo = {
  catalog: {
    products: [
      {
        id: 'prod_medusa_espresso_kit',
        name: 'Espresso Starter Kit',
        type: 'VARIABLE',
        options: [
          {
            id: 'opt_medusa_kit_edition',
            title: 'Edition',
            values: [
              { id: 'optval_medusa_kit_standard', value: 'Standard' },
              { id: 'optval_medusa_kit_deluxe', value: 'Deluxe' },
            ],
          },
        ],
        variants: [
          {
            id: 'variant_medusa_kit_std',
            name: 'Standard',
            sku: 'KIT-ESP-STD',
            attributes: { Edition: 'Standard' },
            prices: [{ id: 'price_01JBRZ5E4Q8M7X2V9K3N6P1T0A', amount: 249, currency: 'usd' }],
          },
          {
            id: 'variant_medusa_kit_deluxe',
            name: 'Deluxe',
            sku: 'KIT-ESP-DLX',
            attributes: { Edition: 'Deluxe' },
            prices: [
              { id: 'price_01JBRZ5E4Q8M7X2V9K3N6P1T0B', amount: 399, currency: 'usd' },
              { id: 'price_01JBRZ5E4Q8M7X2V9K3N6P1T0C', amount: 369, currency: 'eur', rules: { region_id: 'reg_eu' } },
            ],
            inventoryLinks: [
              { id: 'pvitem_01JBRZ5E4Q8M7X2V9K3N6P1T0D', inventoryItemId: 'iitem_medusa_grinder', requiredQuantity: 1 },
              { id: 'pvitem_01JBRZ5E4Q8M7X2V9K3N6P1T0E', inventoryItemId: 'iitem_medusa_cup', requiredQuantity: 4 },
            ],
          },
        ],
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
    note: '200 both times: the repeat replaces the link with a new pvitem_ one, as Medusa does',
    expect: { first: 200, repeat: 200 },
  },
};
