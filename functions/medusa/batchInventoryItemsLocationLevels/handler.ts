import { route } from '#functions/commons/route';
import { config } from '#shared/config';
import { medusaDialect } from '#functions/medusa/dialect/errors';
import { batchNotFound, BulkLevelBatchRequest, levelBatchResponse, toBulkLevelBatch } from '#functions/medusa/dialect/levelBatches';
import { batchLevels, type LevelBatchResult } from '#shared/domain/levelBatch';
import { levelBatchStore } from '#shared/store/levelBatch';
import { request } from './contract.ts';

/** POST /admin/inventory-items/location-levels/batch: Medusa v2 admin. */
export const handler = route({
  request,
  dialect: medusaDialect({ body: BulkLevelBatchRequest, notFound: batchNotFound }),
  permissions: [config().writeScope],
  async handle({ body, principal, attach }) {
    const respond = (result: LevelBatchResult) => ({ statusCode: 200, body: levelBatchResponse(result, body.delete !== undefined) });
    return respond(await batchLevels(levelBatchStore, principal, toBulkLevelBatch(body), attach(respond)));
  },
});
