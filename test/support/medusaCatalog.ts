/**
 * A Medusa catalog for the variant routes' tests: a kit with three variants (prices, options with
 * IDs), two of them linked to items stocked at two locations.
 * Available: grinder (40 − 4) + 12 = 48; cup (9 − 2) + 5 = 12; empty 0.
 */
export function medusaCatalog() {
  return {
    name: 'Medusa variants store',
    locations: [
      { id: 'sloc_east', name: 'East' },
      { id: 'sloc_west', name: 'West' },
    ],
    products: [
      {
        id: 'prod_kit',
        name: 'Espresso kit',
        type: 'VARIABLE' as const,
        options: [
          {
            id: 'opt_edition',
            title: 'Edition',
            values: [
              { id: 'optval_std', value: 'Standard' },
              { id: 'optval_pro', value: 'Pro' },
              { id: 'optval_mini', value: 'Mini' },
            ],
          },
        ],
        variants: [
          {
            id: 'variant_std',
            name: 'Standard',
            sku: 'KIT-STD',
            attributes: { Edition: 'Standard' },
            prices: [{ id: 'price_std_usd', amount: 120, currency: 'usd' }],
            inventoryLinks: [
              { id: 'pvitem_01JBRZ5E4Q8M7X2V9K3N6P1T01', inventoryItemId: 'iitem_grinder', requiredQuantity: 5 },
              { id: 'pvitem_01JBRZ5E4Q8M7X2V9K3N6P1T02', inventoryItemId: 'iitem_cup', requiredQuantity: 2 },
            ],
          },
          {
            id: 'variant_pro',
            name: 'Pro',
            sku: 'KIT-PRO',
            attributes: { Edition: 'Pro' },
            inventoryLinks: [
              { id: 'pvitem_01JBRZ5E4Q8M7X2V9K3N6P1T03', inventoryItemId: 'iitem_grinder', requiredQuantity: 1 },
              { id: 'pvitem_01JBRZ5E4Q8M7X2V9K3N6P1T04', inventoryItemId: 'iitem_empty', requiredQuantity: 1 },
            ],
          },
          { id: 'variant_mini', name: 'Mini', sku: 'KIT-MINI', attributes: { Edition: 'Mini' } },
        ],
      },
      { id: 'prod_other', name: 'Other', type: 'VARIABLE' as const, variants: [{ id: 'variant_other', name: 'Other' }] },
    ],
    inventoryItems: [
      {
        id: 'iitem_grinder',
        sku: 'GRND-1',
        title: 'Grinder',
        levels: [
          { locationId: 'sloc_east', stocked: 40, reserved: 4, incoming: 5 },
          { locationId: 'sloc_west', stocked: 12 },
        ],
      },
      {
        id: 'iitem_cup',
        sku: 'CUP-1',
        title: 'Cup',
        levels: [
          { locationId: 'sloc_east', stocked: 9, reserved: 2 },
          { locationId: 'sloc_west', stocked: 5 },
        ],
      },
      { id: 'iitem_empty', title: 'Out of stock' },
      { id: 'iitem_over', title: 'Over-reserved', levels: [{ locationId: 'sloc_east', stocked: 2, reserved: 5 }] },
    ],
  };
}

/** Medusa's default fields of a variant (query-config.ts), in our entity's order. */
export const DEFAULT_VARIANT_KEYS = [
  'prices',
  'id',
  'title',
  'sku',
  'barcode',
  'ean',
  'upc',
  'allow_backorder',
  'manage_inventory',
  'hs_code',
  'origin_country',
  'mid_code',
  'material',
  'weight',
  'length',
  'height',
  'width',
  'options',
  'created_at',
  'updated_at',
  'deleted_at',
  'thumbnail',
  'variant_rank',
  'product_id',
  'metadata',
];
