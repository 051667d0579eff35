import type { RouteDemo } from '#functions/commons/demo';
import { DEMO_TENANT_ID } from '#functions/commons/demo';

/** A new price and SKU for a catalog variant: the old SKU is released, the new one claimed. */
export const demo: RouteDemo = {
  catalog: {
    products: [
      {
        id: 'prod_dz_decaf',
        name: 'Decaf Roast',
        type: 'VARIABLE',
        variants: [{ id: 'var_dz_decaf_250g', name: '250 g - Decaf', sku: 'DC-250G', unitPrice: 1590, unitCost: 450 }],
      },
    ],
  },
  example: {
    path: '/api/v1/inventory/products/variants/var_dz_decaf_250g',
    headers: { 'x-business-id': DEMO_TENANT_ID },
    body: { unit_price: 1890, sku: 'DC-250G-V2', name: '250 g - Decaf Roast' },
    note: '200 with the new price, SKU and margins; 200 again when repeated (the same values)',
    expect: { first: 200, repeat: 200 },
  },
};
