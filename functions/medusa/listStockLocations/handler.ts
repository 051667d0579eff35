import { route } from '#functions/commons/route';
import { medusaDialect } from '#functions/medusa/dialect/errors';
import { stockLocationListResponse, toStockLocationListQuery } from '#functions/medusa/dialect/stockLocations';
import { listStockLocations } from '#shared/domain/stockLocation';
import { stockLocationStore } from '#shared/store/stockLocation';
import { request } from './contract.ts';

/** GET /admin/stock-locations: Medusa v2 admin. */
export const handler = route({
  request,
  dialect: medusaDialect(),
  permissions: [],
  async handle({ query, principal }) {
    const page = await listStockLocations(stockLocationStore, principal.tenantId, toStockLocationListQuery(query));
    return { statusCode: 200, body: stockLocationListResponse(page, query) };
  },
});
