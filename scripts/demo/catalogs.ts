import type { RouteDemo } from '#functions/commons/demo';

/**
 * Catalog pieces several demos act on. Each demo declares what it needs, so that it stands
 * alone (the robustness suite seeds one route's demo at a time); `npm start` loads a piece once.
 */
/**
 * What every inventory record demo acts on. A record names the stock of one variant (or of a
 * product without variants) at one address, so each record here has its own: a mug in three
 * colours stocked by variant, and a tote and a coaster (SIMPLE products) stocked at product level.
 */
export const mugCatalog: RouteDemo['catalog'] = {
  products: [
    {
      id: 'prod_oc_mug',
      name: 'Enamel Mug',
      type: 'VARIABLE',
      variants: [
        { id: 'var_oc_mug_white', name: 'White', sku: 'OC-MUG-WHT', attributes: { Color: 'White' } },
        { id: 'var_oc_mug_black', name: 'Black', sku: 'OC-MUG-BLK', attributes: { Color: 'Black' } },
        { id: 'var_oc_mug_blue', name: 'Blue', sku: 'OC-MUG-BLU', attributes: { Color: 'Blue' } },
      ],
      inventoryRecords: [
        {
          id: 'invrec-mug-main',
          variantId: 'var_oc_mug_white',
          addressId: 'wh_main',
          quantityAvailable: 40,
          notificationPoint: 10,
          xp: { Aisle: '1' },
        },
        { id: 'invrec-mug-abuja', variantId: 'var_oc_mug_white', addressId: 'wh_def456', quantityAvailable: 8 },
        { id: 'invrec-mug-save', variantId: 'var_oc_mug_black', addressId: 'wh_main', quantityAvailable: 5 },
        {
          id: 'invrec-mug-patch',
          variantId: 'var_oc_mug_black',
          addressId: 'wh_def456',
          quantityAvailable: 30,
          xp: { Bin: { Row: 1, Shelf: 'A' } },
        },
        { id: 'invrec-mug-delete', variantId: 'var_oc_mug_blue', addressId: 'wh_def456', quantityAvailable: 0 },
      ],
    },
    {
      id: 'prod_oc_tote',
      name: 'Canvas Tote',
      type: 'SIMPLE',
      inventoryRecords: [
        { id: 'invrec-tote-main', addressId: 'wh_main', quantityAvailable: 100 },
        { id: 'invrec-tote-save', addressId: 'wh_def456', quantityAvailable: 3 },
      ],
    },
    {
      id: 'prod_oc_coaster',
      name: 'Cork Coaster',
      type: 'SIMPLE',
      inventoryRecords: [
        { id: 'invrec-coaster-patch', addressId: 'wh_main', quantityAvailable: 15, xp: { Bin: { Row: 4 } } },
        { id: 'invrec-coaster-delete', addressId: 'wh_def456', quantityAvailable: 1 },
      ],
    },
  ],
};

/** An espresso kit in two editions, each with a price and an option value with IDs, assembled from
 * inventory items stocked in both demo locations. The Deluxe edition is already linked to both
 * items: the other Medusa routes' demos read, change and remove those links. */
export const espressoKitCatalog: RouteDemo['catalog'] = {
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
};

/** A tamper stocked only at the main warehouse. */
export const tamperCatalog: RouteDemo['catalog'] = {
  inventoryItems: [{ id: 'iitem_medusa_tamper', sku: 'TAMP-58', title: 'Tamper', levels: [{ locationId: 'wh_main', stocked: 15 }] }],
};

/** A filter basket stocked at the main warehouse and counted out at the satellite store, where its level holds nothing. */
export const basketCatalog: RouteDemo['catalog'] = {
  inventoryItems: [
    {
      id: 'iitem_medusa_basket',
      sku: 'BSKT-58',
      title: 'Filter basket',
      levels: [
        { locationId: 'wh_main', stocked: 20 },
        { locationId: 'wh_def456', stocked: 0 },
      ],
    },
  ],
};
