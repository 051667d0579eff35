import { route } from '#functions/commons/sealingRoute';
import { shopsynch } from '#functions/shopsynch/dialect/errors';
import { lowStockResponse, toPageRequest } from '#functions/shopsynch/dialect/stock';
import { listLowStock } from '#shared/domain/stock';
import { stockStore } from '#shared/store/stock';
import { request } from './contract.ts';

/** GET /v1/inventory/low-stock: ShopSynch merchant API ("Low Stock"). */
export const handler = route({
  request,
  dialect: shopsynch,
  permissions: [],
  async handle({ query, principal }) {
    return {
      statusCode: 200,
      body: lowStockResponse(await listLowStock(stockStore, principal.tenantId, { locationId: query.warehouseId }, toPageRequest(query))),
    };
  },
});
