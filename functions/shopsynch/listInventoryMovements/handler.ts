import { route } from '#functions/commons/sealingRoute';
import { shopsynch } from '#functions/shopsynch/dialect/errors';
import { movementsResponse, toPageRequest } from '#functions/shopsynch/dialect/stock';
import { listStockMovements } from '#shared/domain/stock';
import { stockStore } from '#shared/store/stock';
import { request } from './contract.ts';

/** GET /v1/inventory/{id}/movements: ShopSynch merchant API (ours). */
export const handler = route({
  request,
  dialect: shopsynch,
  permissions: [],
  async handle({ path, query, principal }) {
    return {
      statusCode: 200,
      body: movementsResponse(await listStockMovements(stockStore, principal.tenantId, path.id, toPageRequest(query))),
    };
  },
});
