import type { RouteDemo } from '#functions/commons/demo';
import { DEMO_MERCHANT_API_KEY } from '#functions/commons/demo';

export const demo: RouteDemo = {
  catalog: {
    products: [
      { id: 'prod_abc123', name: 'Canvas Tote Bag', type: 'SIMPLE' },
      {
        id: 'prod_phone_789',
        name: 'Aurora Phone',
        type: 'VARIABLE',
        variants: [{ id: 'sku_red_256gb', name: 'Red / 256GB', sku: 'AUR-RED-256', attributes: { Color: 'Red', Storage: '256GB' } }],
      },
    ],
  },
  example: {
    path: '/v1/inventory',
    headers: { 'X-MerchantApiKey': DEMO_MERCHANT_API_KEY },
    body: { productId: 'prod_abc123', warehouseId: 'wh_def456', initialQty: 50, location: 'B-02-1', reorderLevel: 10, reorderQty: 30 },
    note: '200 the first time; 409 (one record per product and warehouse) when repeated',
    expect: { first: 200, repeat: 409 },
  },
};
