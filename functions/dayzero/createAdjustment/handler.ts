import { route } from '#functions/commons/route';
import { config } from '#shared/config';
import { adjustmentResponse, toNewAdjustment } from '#functions/dayzero/dialect/adjustment';
import { dayzero } from '#functions/dayzero/dialect/errors';
import { adjustStock, type StockAdjustment } from '#shared/domain/adjustment';
import { adjustmentStore } from '#shared/store/adjustment';
import { request } from './contract.ts';

const respond = (adjustment: StockAdjustment) => ({ statusCode: 201, body: adjustmentResponse(adjustment) });

/** POST /api/v1/inventory/adjustments: DayZero (FastAPI). */
export const handler = route({
  request,
  dialect: dayzero,
  permissions: [config().writeScope],
  async handle({ body, principal, attach }) {
    return respond(await adjustStock(adjustmentStore, principal, toNewAdjustment(body), attach(respond)));
  },
});
