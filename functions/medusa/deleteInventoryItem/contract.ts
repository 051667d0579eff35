import { medusaError, medusaWriteErrors } from '#functions/medusa/contracts';
import { InventoryItemDeletedResponse } from '#functions/medusa/dialect/inventoryItems';
import { InventoryItemPath } from '#functions/medusa/dialect/inventoryLevels';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  path: InventoryItemPath,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'Medusa',
  summary: 'Delete an inventory item',
  description:
    'Removes an item of no product with its levels (each ledger level with its view and history), in one transaction over the levels as read, as Medusa removes it even with units on hand. ' +
    "Refused while a level holds reservations (Medusa's 400), and for a variant's or product's own item (ours: it holds their stock for every API). " +
    'An item that is not there is answered as removed, as Medusa answers it. Links of variants to the item stay, showing no item.',
  responses: {
    200: {
      description: 'The item is gone.',
      schema: InventoryItemDeletedResponse,
      example: { id: 'iitem_medusa_tamper', object: 'inventory_item', deleted: true },
    },
    ...medusaWriteErrors,
    400: medusaError(
      "A level holds reservations, or the item is a variant's or product's own.",
      'invalid_data',
      'Cannot remove following inventory item(s) since they have reservations: [iitem_medusa_cup].',
    ),
  },
});
