import type { RouteDemo } from '#functions/commons/demo';
import { DEMO_TENANT_ID } from '#functions/commons/demo';

/** Archiving a catalog variant: it keeps its SKU, and archiving it again answers the same. */
export const demo: RouteDemo = {
  catalog: {
    products: [
      {
        id: 'prod_dz_seasonal',
        name: 'Seasonal Blend',
        type: 'VARIABLE',
        variants: [{ id: 'var_dz_seasonal_1kg', name: '1 kg - Seasonal', sku: 'SB-1KG' }],
      },
    ],
  },
  example: {
    path: '/api/v1/inventory/products/variants/var_dz_seasonal_1kg',
    headers: { 'x-business-id': DEMO_TENANT_ID },
    note: '200 {"success": true, "code": "VARIANT_ARCHIVED"} the first time and when repeated',
    expect: { first: 200, repeat: 200 },
  },
};
