import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { nowIso } from '#shared/domain/catalog';
import { newLevelId, ownItemFor } from '#shared/domain/ownItem';
import { getMany } from '#shared/store/batch';
import { documentClient, tableName } from '#shared/store/client';
import { ProductItem, StockRecordItem, VariantItem } from '#shared/store/entities';
import { fromItem } from '#shared/store/items';
import { keys, stockKeys } from '#shared/store/keys';
import type { MigrationStep, Outcome } from '#shared/store/migration/runner';
import { ownItemWrites } from '#shared/store/levelChanges';
import { ENTITY } from '#shared/store/table';
import { commit } from '#shared/store/transactions';

const ATTEMPTS = 5;

/**
 * Stock records written before inventory items were shared become levels of their owner's own
 * item: the owner (variant, or SIMPLE/DIGITAL product) gets its item and link if it has none,
 * Medusa's level is written at the item and location, and the record takes the item's and the
 * level's IDs. Conditional on the record's version, so a movement in between makes it read again.
 */
export const stockRecordsToLevels: MigrationStep = {
  name: 'one-model-1-stock-records',
  types: [ENTITY.StockRecord],
  async migrate(stored): Promise<Outcome> {
    // Already an entry of the ledger (written by this version, or by an earlier step of this run).
    if (stored.inventoryItemId !== undefined) return 'already';
    let item = stored;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const record = fromItem(StockRecordItem, item);
      if (record.inventoryItemId !== undefined) return 'already';
      const [productItem, variantItem] = await getMany(documentClient(), tableName(), [
        keys.product(record.tenantId, record.productId),
        ...(record.variantId === null ? [] : [keys.variant(record.tenantId, record.productId, record.variantId)]),
      ]);
      if (!productItem || (record.variantId !== null && !variantItem)) throw new Error('its product or variant no longer exists');
      const own = ownItemFor(fromItem(ProductItem, productItem), variantItem ? fromItem(VariantItem, variantItem) : undefined, nowIso());
      const level = { ...record, inventoryItemId: own.kind === 'existing' ? own.itemId : own.item.id, levelId: newLevelId() };
      const TableName = tableName();
      const refused = await commit([
        {
          name: 'record' as const,
          action: {
            Update: {
              TableName,
              Key: stockKeys.record(record.tenantId, record.id),
              UpdateExpression:
                'SET inventoryItemId = :item, levelId = :level, incomingQty = if_not_exists(incomingQty, :zero), orderCloudRecordIds = if_not_exists(orderCloudRecordIds, :none)',
              ConditionExpression: 'version = :version AND attribute_not_exists(inventoryItemId)',
              ExpressionAttributeValues: {
                ':item': level.inventoryItemId,
                ':level': level.levelId,
                ':zero': 0,
                ':none': [],
                ':version': record.version,
              },
            },
          },
        },
        ...ownItemWrites(TableName, level, own, false, true),
      ]);
      if (refused === undefined) return 'migrated';
      if (refused === 'stock') throw new Error(`Medusa already has a level for item ${level.inventoryItemId} at ${record.locationId}`);
      // The record moved, or its owner got an item meanwhile: read it again.
      const { Item } = await documentClient().send(
        new GetCommand({
          TableName,
          Key: stockKeys.record(record.tenantId, record.id),
          ConsistentRead: true,
        }),
      );
      if (!Item) return 'already';
      item = Item;
    }
    throw new Error(`still changing after ${ATTEMPTS} attempts`);
  },
};
