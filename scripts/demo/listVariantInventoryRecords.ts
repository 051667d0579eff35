import type { RouteDemo } from '#scripts/demo/types';

/**
 * A mug stocked as variant-level and product-level OrderCloud inventory records: the
 * catalog every inventory record demo after this one acts on.
 */
export const demo: RouteDemo = {
  catalog: {
    products: [
      {
        id: 'prod_oc_mug',
        name: 'Enamel Mug',
        type: 'VARIABLE',
        variants: [{ id: 'var_oc_mug_white', name: 'White', sku: 'OC-MUG-WHT', attributes: { Color: 'White' } }],
        inventoryRecords: [
          { id: 'invrec-mug-main', variantId: 'var_oc_mug_white', addressId: 'wh_main', quantityAvailable: 40, notificationPoint: 10, xp: { Aisle: '1' } },
          { id: 'invrec-mug-abuja', variantId: 'var_oc_mug_white', addressId: 'wh_def456', quantityAvailable: 8 },
          { id: 'invrec-mug-save', variantId: 'var_oc_mug_white', addressId: 'wh_main', quantityAvailable: 5 },
          { id: 'invrec-mug-patch', variantId: 'var_oc_mug_white', addressId: 'wh_main', quantityAvailable: 30, xp: { Bin: { Row: 1, Shelf: 'A' } } },
          { id: 'invrec-mug-delete', variantId: 'var_oc_mug_white', addressId: 'wh_def456', quantityAvailable: 0 },
          { id: 'invrec-mug-product-main', addressId: 'wh_main', quantityAvailable: 100 },
          { id: 'invrec-mug-product-save', addressId: 'wh_main', quantityAvailable: 3 },
          { id: 'invrec-mug-product-patch', addressId: 'wh_def456', quantityAvailable: 15, xp: { Bin: { Row: 4 } } },
          { id: 'invrec-mug-product-delete', addressId: 'wh_def456', quantityAvailable: 1 },
        ],
      },
    ],
  },
  example: {
    path: '/products/prod_oc_mug/variants/var_oc_mug_white/inventoryrecords',
    query: 'QuantityAvailable=%3E5&sortBy=!ID&pageSize=10',
    note: '200 both times: the white mug records with more than 5 available, IDs descending',
    expect: { first: 200, repeat: 200 },
  },
};
