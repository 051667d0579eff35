import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '#shared/store/client';
import { itemSkuGuard } from '#shared/store/itemSkus';
import { keys } from '#shared/store/keys';
import type { MigrationStep, Outcome } from '#shared/store/migration/runner';
import { ENTITY } from '#shared/store/table';
import { commit } from '#shared/store/transactions';

/**
 * Inventory items of no product stored before their SKUs were guarded get their guard (see
 * itemSkus.ts), written only over the item as read (its SKU and `updatedAt`: an update in between
 * moved the guard itself, and the item is read again). A second item with a SKU that another item
 * already holds (possible before) is left as it is and reported: which one keeps the SKU is the
 * operator's call (give the other a new SKU through Medusa's item update, then run the step again).
 * A variant's own item carries its variant's SKU, which the variant's guard holds: nothing to write.
 */
export const itemSkuGuards: MigrationStep = {
  name: 'medusa-item-sku-guards',
  types: [ENTITY.InventoryItem],
  async migrate(item): Promise<Outcome> {
    if (typeof item.sku !== 'string' || item.owner !== undefined) return 'already';
    const tenantId = String(item.tenantId);
    const holder = { tenantId, id: String(item.id), sku: item.sku };
    const refused = await commit<'item' | 'guard'>([
      {
        name: 'item',
        action: {
          ConditionCheck: {
            TableName: tableName(),
            Key: keys.inventoryItem(tenantId, holder.id),
            ConditionExpression: 'sku = :sku AND updatedAt = :at',
            ExpressionAttributeValues: { ':sku': holder.sku, ':at': item.updatedAt },
          },
        },
      },
      {
        name: 'guard',
        action: { Put: { TableName: tableName(), Item: itemSkuGuard(holder), ConditionExpression: 'attribute_not_exists(pk)' } },
      },
    ]);
    if (refused === undefined) return 'migrated';
    if (refused === 'item') {
      const { Item } = await documentClient().send(
        new GetCommand({ TableName: tableName(), Key: keys.inventoryItem(tenantId, holder.id), ConsistentRead: true }),
      );
      // Removed, or changed through a write of this version (which wrote its guard): or read again and guarded now.
      return Item ? itemSkuGuards.migrate(Item) : 'already';
    }
    const { Item: guard } = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: keys.itemSkuGuard(tenantId, holder.sku), ConsistentRead: true }),
    );
    if (guard?.itemId === holder.id) return 'already';
    throw new Error(`inventory item ${holder.id} has SKU ${holder.sku}, which item ${String(guard?.itemId)} also has`);
  },
};
