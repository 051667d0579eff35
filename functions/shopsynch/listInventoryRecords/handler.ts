import { route } from '#functions/commons/sealingRoute';
import { shopsynch } from '#functions/shopsynch/dialect/errors';
import { stockRecordListResponse, toFilter, toPageRequest } from '#functions/shopsynch/dialect/stock';
import { listStockRecords } from '#shared/domain/stock';
import { stockStore } from '#shared/store/stock';
import { request } from './contract.ts';

/** GET /v1/inventory: ShopSynch merchant API (ours: the vendor documents only the create). */
export const handler = route({
  request,
  dialect: shopsynch,
  permissions: [],
  async handle({ query, principal }) {
    return {
      statusCode: 200,
      body: stockRecordListResponse(await listStockRecords(stockStore, principal.tenantId, toFilter(query), toPageRequest(query))),
    };
  },
});
