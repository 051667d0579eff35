import type { RouteDemo } from '#functions/commons/demo';
import { DEMO_TENANT_ID } from '#functions/commons/demo';

/** Two damaged bags written off at the default location (wh_main): each run removes two more. */
export const demo: RouteDemo = {
  catalog: {
    products: [
      {
        id: 'prod_dz_house',
        name: 'House Blend Ground',
        type: 'VARIABLE',
        variants: [
          {
            id: 'var_dz_house_500g',
            name: '500 g - Ground',
            sku: 'HB-500G',
            unitPrice: 1490,
            unitCost: 600,
            stock: [{ locationId: 'wh_main', onHand: 30 }],
          },
        ],
      },
    ],
  },
  example: {
    path: '/api/v1/inventory/adjustments',
    headers: { 'x-business-id': DEMO_TENANT_ID },
    body: { variant_id: 'var_dz_house_500g', quantity_change: -2, reason: 'damage', reason_code: 'DMG-01' },
    note: '201 each time: every run is a new adjustment (30 on hand, then 28, 26, ...)',
    expect: { first: 201, repeat: 201 },
  },
};
