import { route } from '#functions/commons/route';
import { adjustmentReasonsResponse, reportPeriod } from '#functions/dayzero/dialect/adjustment';
import { dayzero } from '#functions/dayzero/dialect/errors';
import { adjustmentReasonsReport } from '#shared/domain/adjustment';
import { adjustmentStore } from '#shared/store/adjustment';
import { request } from './contract.ts';

/** GET /api/v1/inventory/reports/adjustment-reasons: DayZero (FastAPI). Any token of the business may read. */
export const handler = route({
  request,
  dialect: dayzero,
  permissions: [],
  async handle({ query, principal }) {
    return {
      statusCode: 200,
      body: adjustmentReasonsResponse(await adjustmentReasonsReport(adjustmentStore, principal.tenantId, reportPeriod(query))),
    };
  },
});
