import type { RouteDemo } from '#functions/commons/demo';
import { DEMO_TENANT_ID } from '#functions/commons/demo';

/** A catalog variant with stock at the default location, read back by its ID. */
export const demo: RouteDemo = {
  catalog: {
    products: [
      {
        id: 'prod_dz_espresso',
        name: 'Espresso Roast',
        type: 'VARIABLE',
        variants: [
          {
            id: 'var_dz_espresso_1kg',
            name: '1 kg - Espresso Roast',
            sku: 'ES-1KG',
            unitPrice: 3250,
            unitCost: 1500,
            stock: [{ locationId: 'wh_main', onHand: 24 }],
          },
        ],
      },
    ],
  },
  example: {
    path: '/api/v1/inventory/products/variants/var_dz_espresso_1kg',
    headers: { 'x-business-id': DEMO_TENANT_ID },
    note: '200 with the variant and its inventory, every time',
    expect: { first: 200, repeat: 200 },
  },
};
