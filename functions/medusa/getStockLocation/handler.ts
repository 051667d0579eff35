import { route } from '#functions/commons/route';
import { medusaDialect } from '#functions/medusa/dialect/errors';
import { stockLocationNotFound, stockLocationResponse } from '#functions/medusa/dialect/stockLocations';
import { NotFoundError } from '#shared/domain/errors';
import { getStockLocation } from '#shared/domain/stockLocation';
import { stockLocationStore } from '#shared/store/stockLocation';
import { request } from './contract.ts';

/** GET /admin/stock-locations/{id}: Medusa v2 admin. */
export const handler = route({
  request,
  dialect: medusaDialect(),
  permissions: [],
  async handle({ path, query, principal }) {
    try {
      return {
        statusCode: 200,
        body: stockLocationResponse(await getStockLocation(stockLocationStore, principal.tenantId, path.id), query.fields),
      };
    } catch (error) {
      // Medusa words one location's absence in the singular, unlike the bulk look-up of its level routes.
      if (error instanceof NotFoundError) return { statusCode: 404, body: stockLocationNotFound(path.id) };
      throw error;
    }
  },
});
