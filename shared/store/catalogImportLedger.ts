import { asUnavailable } from '#shared/store/faults';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ImportLedgerStore } from '#shared/domain/catalogImportEntries';
import { documentClient, tableName } from '#shared/store/client';
import { VariantInventoryLinkItem } from '#shared/store/entities';
import { inventoryRecordStore } from '#shared/store/inventoryRecord';
import { fromItem } from '#shared/store/items';
import { keys, type Key } from '#shared/store/keys';
import { itemLinked, linkPuts } from '#shared/store/linkCopies';
import { recordLevelStore } from '#shared/store/ledgerRecords';
import { locationLevelStore } from '#shared/store/locationLevel';
import { stockRecords } from '#shared/store/stock';
import { commit, type NamedWrite } from '#shared/store/transactions';

/**
 * The storage of the import's stock quantities, item levels, OrderCloud records and links: the
 * ledger's own writes (a level's create and movements, with every view of the level in their
 * transaction), Medusa's level store, OrderCloud's record store, and Medusa's link as its create writes it.
 */
export const importLedgerStore: ImportLedgerStore = {
  transient: (error) => asUnavailable(error) !== undefined,
  async readOwnerLevel(tenantId, wanted) {
    const context = await stockRecords.readStockContext(tenantId, wanted);
    const itemId = wanted.variantId === null ? context.product?.inventoryItemId : context.variant?.inventoryItemId;
    // The level is named by its guard (product, variant, location) and by Medusa's view of it (item, location).
    const level =
      context.product && context.location
        ? await recordLevelStore.readLevelAt(
            tenantId,
            { productId: wanted.productId, variantId: wanted.variantId },
            itemId,
            wanted.locationId,
          )
        : undefined;
    return { ...context, ...(level ? { level } : {}) };
  },

  stock: stockRecords,
  levels: locationLevelStore,
  records: inventoryRecordStore,

  async readLink(link) {
    const { Item } = await documentClient().send(
      new GetCommand({
        TableName: tableName(),
        Key: keys.variantInventoryLink(link.tenantId, link.productId, link.variantId, link.inventoryItemId),
        ConsistentRead: true,
      }),
    );
    return Item && fromItem(VariantInventoryLinkItem, Item);
  },

  async putLink(link, read) {
    const TableName = tableName();
    const exists = (name: 'product' | 'variant', Key: Key): NamedWrite<typeof name> => ({
      name,
      action: { ConditionCheck: { TableName, Key, ConditionExpression: 'attribute_exists(pk)' } },
    });
    // As Medusa's create writes it (product, variant and item there; one link per pair, held by its key), over the pair's link as read.
    return commit([
      exists('product', keys.product(link.tenantId, link.productId)),
      exists('variant', keys.variant(link.tenantId, link.productId, link.variantId)),
      // The item exists and its link version moves (see linkCopies): its delete never leaves this link behind.
      itemLinked(TableName, link.tenantId, link.inventoryItemId, 1, 'item'),
      ...linkPuts(
        TableName,
        'changed',
        link,
        read
          ? {
              ConditionExpression: '#id = :read AND requiredQuantity = :quantity',
              ExpressionAttributeNames: { '#id': 'id' },
              ExpressionAttributeValues: { ':read': read.id, ':quantity': read.requiredQuantity },
            }
          : { ConditionExpression: 'attribute_not_exists(pk)' },
      ),
    ]);
  },
};
