import { route } from '#functions/commons/route';
import { config } from '#shared/config';
import { medusaDialect } from '#functions/medusa/dialect/errors';
import { batchNotFound, ItemLevelBatchRequest, levelBatchResponse, toItemLevelBatch } from '#functions/medusa/dialect/levelBatches';
import { batchLevels, type LevelBatchResult } from '#shared/domain/levelBatch';
import { levelBatchStore } from '#shared/store/levelBatch';
import { request } from './contract.ts';

/** POST /admin/inventory-items/{id}/location-levels/batch: Medusa v2 admin. */
export const handler = route({
  request,
  dialect: medusaDialect({ body: ItemLevelBatchRequest, notFound: batchNotFound }),
  permissions: [config().writeScope],
  async handle({ body, path, principal, attach }) {
    const respond = (result: LevelBatchResult) => ({ statusCode: 200, body: levelBatchResponse(result) });
    return respond(await batchLevels(levelBatchStore, principal, toItemLevelBatch(path.id, body), attach(respond)));
  },
});
