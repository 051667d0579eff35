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
    'An item that is not there is answered as removed, as Medusa answers it. The links of variants to the item go with it, as in Medusa, found by their copies in its partition (an item stored before the copies answers 503 until the migration has copied them). ' +
    'More levels and links than one transaction holds are refused (400).',
  responses: {
    200: {
      description: 'The item is gone.',
      schema: InventoryItemDeletedResponse,
      example: { id: 'iitem_medusa_tamper', object: 'inventory_item', deleted: true },
    },
    ...medusaWriteErrors,
    400: medusaError(
      "A level holds reservations, the item is a variant's or product's own, or its levels and links take more writes than one transaction holds.",
      'invalid_data',
      'Cannot remove following inventory item(s) since they have reservations: [iitem_medusa_cup].',
    ),
  },
});
