import type { RouteDemo } from '#functions/commons/demo';
import { DEMO_MERCHANT_API_KEY } from '#functions/commons/demo';

/**
 * The stock lifecycle demos share one record with a fixed ID: 20 lamps in the main
 * warehouse, 4 already reserved, reorder level 8. Printed in registry order, the two
 * runs of the reserve curl take it to 16 reserved, 4 available: into the low-stock report.
 */
export const DEMO_STOCK_RECORD_ID = 'inv_5eed0000000000000000000000000001';

export const stockCatalog: RouteDemo['catalog'] = {
  products: [{ id: 'prod_lamp_01', name: 'Desk Lamp', type: 'SIMPLE' }],
  stockRecords: [
    {
      id: DEMO_STOCK_RECORD_ID,
      productId: 'prod_lamp_01',
      warehouseId: 'wh_main',
      location: 'A-01-4',
      onHandQty: 20,
      reservedQty: 4,
      reorderLevel: 8,
      reorderQty: 25,
    },
  ],
};

export const merchantHeaders = { 'X-MerchantApiKey': DEMO_MERCHANT_API_KEY };
