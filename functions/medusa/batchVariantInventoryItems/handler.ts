import { route } from '#functions/commons/route';
import { config } from '#shared/config';
import { medusaDialect } from '#functions/medusa/dialect/errors';
import { LinkBatchRequest, linkBatchResponse, toLinkBatch } from '#functions/medusa/dialect/linkBatch';
import { batchVariantInventoryItems, type LinkBatchResult } from '#shared/domain/inventoryLinkBatch';
import { inventoryLinkStore } from '#shared/store/inventoryLink';
import { request } from './contract.ts';

const respond = (result: LinkBatchResult) => ({ statusCode: 200, body: linkBatchResponse(result) });

/** POST /admin/products/{id}/variants/inventory-items/batch: Medusa v2 admin. */
export const handler = route({
  request,
  dialect: medusaDialect({ body: LinkBatchRequest }),
  permissions: [config().writeScope],
  async handle({ body, path, principal, attach }) {
    return respond(await batchVariantInventoryItems(inventoryLinkStore, principal.tenantId, toLinkBatch(path.id, body), attach(respond)));
  },
});
