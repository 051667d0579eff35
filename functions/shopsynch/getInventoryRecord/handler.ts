import { route } from '#functions/commons/sealingRoute';
import { shopsynch } from '#functions/shopsynch/dialect/errors';
import { stockRecordResponse } from '#functions/shopsynch/dialect/stock';
import { getStockRecord } from '#shared/domain/stock';
import { stockStore } from '#shared/store/stock';
import { request } from './contract.ts';

/** GET /v1/inventory/{id}: ShopSynch merchant API. */
export const handler = route({
  request,
  dialect: shopsynch,
  permissions: [],
  async handle({ path, principal }) {
    return { statusCode: 200, body: stockRecordResponse(await getStockRecord(stockStore, principal.tenantId, path.id)) };
  },
});
