import { route } from '#functions/commons/route';
import { config } from '#shared/config';
import { medusaDialect } from '#functions/medusa/dialect/errors';
import { inventoryItemDeletedResponse } from '#functions/medusa/dialect/inventoryItems';
import { deleteInventoryItem } from '#shared/domain/inventoryItemWrites';
import { inventoryItemStore } from '#shared/store/inventoryItem';
import { request } from './contract.ts';

/** DELETE /admin/inventory-items/{id}: Medusa v2 admin. */
export const handler = route({
  request,
  dialect: medusaDialect(),
  permissions: [config().writeScope],
  async handle({ path, principal, attach }) {
    const respond = (result: { id: string }) => ({ statusCode: 200, body: inventoryItemDeletedResponse(result) });
    return respond(await deleteInventoryItem(inventoryItemStore, principal, path.id, attach(respond)));
  },
});
