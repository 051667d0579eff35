import { createHash } from 'node:crypto';
import { nowIso } from '#shared/domain/catalog';
import { newItemLevel } from '#shared/domain/locationLevel';
import { movementOf } from '#shared/domain/stock';
import { getMany } from '#shared/store/batch';
import { documentClient, tableName } from '#shared/store/client';
import { InventoryItemItem, LocationItem, LocationLevelItem } from '#shared/store/entities';
import { fromItem } from '#shared/store/items';
import { keys } from '#shared/store/keys';
import { newLevelItems } from '#shared/store/ledgerLevel';
import type { MigrationStep, Outcome } from '#shared/store/migration/runner';
import { ENTITY, TABLE } from '#shared/store/table';
import { commit } from '#shared/store/transactions';

/**
 * Medusa levels stored before the ledger become ledger entries: the entry (with a history entry
 * #1 of reason `migration` holding the quantities), and the level turns into its view. Its ID,
 * quantities and item stay. The entry's ID derives from the item and location, so a retried or
 * repeated run writes the same entry; the view is updated only while it still has no entry and
 * its quantities are as read (a Medusa update meanwhile makes it read again).
 */
export const medusaLevelsToLedger: MigrationStep = {
  name: 'one-model-3-medusa-levels',
  types: [ENTITY.LocationLevel],
  async migrate(stored): Promise<Outcome> {
    const view = fromItem(LocationLevelItem, stored);
    if (view.stockRecordId !== undefined) return 'already';
    const [itemStored, locationStored] = await getMany(documentClient(), tableName(), [
      keys.inventoryItem(view.tenantId, view.inventoryItemId),
      keys.location(view.tenantId, view.locationId),
    ]);
    if (!itemStored || !locationStored) throw new Error('its inventory item or location no longer exists');
    const item = fromItem(InventoryItemItem, itemStored);
    const location = fromItem(LocationItem, locationStored);
    const level = newItemLevel({
      id: `inv_${createHash('sha256').update(`INVITEM\u0000${item.id}\u0000${view.locationId}`).digest('hex').slice(0, 32)}`,
      levelId: view.id,
      item,
      location,
      onHandQty: view.stockedQuantity,
      reservedQty: view.reservedQuantity,
      incomingQty: view.incomingQuantity,
      attributes: {},
      at: nowIso(),
    });
    const created = movementOf(
      level,
      { kind: 'created', qty: level.onHandQty, reason: 'migration', reference: null, notes: null },
      'migration',
    );
    const TableName = tableName();
    const items = newLevelItems(level, created, view).filter(({ item: written }) => written[TABLE.typeAttribute] !== ENTITY.LocationLevel);
    const refused = await commit([
      ...items.map(({ item: written }) => ({
        name: 'entry' as const,
        action: { Put: { TableName, Item: written, ConditionExpression: 'attribute_not_exists(pk)' } },
      })),
      {
        name: 'view' as const,
        action: {
          Update: {
            TableName,
            Key: keys.locationLevel(view.tenantId, view.inventoryItemId, view.locationId),
            UpdateExpression: 'SET stockRecordId = :entry, version = :version, ledger = :ledger',
            ConditionExpression:
              'attribute_not_exists(stockRecordId) AND stockedQuantity = :stocked AND reservedQuantity = :reserved AND incomingQuantity = :incoming',
            ExpressionAttributeValues: {
              ':entry': level.id,
              ':version': level.version,
              ':ledger': level,
              ':stocked': view.stockedQuantity,
              ':reserved': view.reservedQuantity,
              ':incoming': view.incomingQuantity,
            },
          },
        },
      },
    ]);
    if (refused === undefined) return 'migrated';
    throw new Error(`changed while it was migrated (${refused}); run the migration again`);
  },
};
