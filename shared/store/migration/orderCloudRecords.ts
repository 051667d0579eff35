import { createHash } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { nowIso, type StockRecord } from '#shared/domain/catalog';
import { ConcurrentChangeError, ConflictError, IDENTITY_RULES } from '#shared/domain/errors';
import type { InventoryRecord } from '#shared/domain/inventoryRecord';
import { newMedusaId } from '#shared/domain/inventoryLink';
import { ownItemFor, ownItemId } from '#shared/domain/ownItem';
import { movementOf, newStockRecord } from '#shared/domain/stock';
import { getMany } from '#shared/store/batch';
import { documentClient, tableName } from '#shared/store/client';
import { InventoryRecordItem, LocationItem, LocationLevelItem, ProductItem, StockRecordItem, VariantItem } from '#shared/store/entities';
import { fromItem } from '#shared/store/items';
import { keys, stockKeys, type Key } from '#shared/store/keys';
import type { MigrationStep, Outcome } from '#shared/store/migration/runner';
import { insertStockRecordWith } from '#shared/store/stock';
import { movementWrites } from '#shared/store/levelChanges';
import { ENTITY } from '#shared/store/table';
import { commit, type NamedWrite } from '#shared/store/transactions';

/**
 * OrderCloud records stored before the ledger become names of its levels: the level of their
 * owner's own item at their address. A record where no level is yet makes one holding its
 * QuantityAvailable; a record where one is (ShopSynch's record of the same product and warehouse,
 * or another OrderCloud record at that address) joins it, and its units are added by a movement:
 * the stock the APIs counted apart is counted once, in full. A negative QuantityAvailable (which
 * OrderCloud allowed) counts as 0, and its history entry says what it was.
 */
export const orderCloudRecordsToLevels: MigrationStep = {
  name: 'one-model-4-ordercloud-records',
  types: [ENTITY.InventoryRecord],
  async migrate(stored): Promise<Outcome> {
    let item: Record<string, unknown> | undefined = stored;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (!item) return 'already';
      try {
        return await migrateRecord(item);
      } catch (error) {
        // Another write of the level or of the owner (its first own item), or a level just made at the same place by a
        // record beside this one (which this one then joins): read again.
        const levelMadeMeanwhile = error instanceof ConflictError && error.is(IDENTITY_RULES.stockPerLocation);
        if (!(error instanceof ConcurrentChangeError) && !levelMadeMeanwhile) throw error;
        const record: InventoryRecord = fromItem(InventoryRecordItem, item);
        const key: Key =
          record.variantId === null
            ? keys.productInventoryRecord(record.tenantId, record.productId, record.id)
            : keys.variantInventoryRecord(record.tenantId, record.productId, record.variantId, record.id);
        item = (await documentClient().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }))).Item;
      }
    }
    throw new Error(`still changing after ${ATTEMPTS} attempts`);
  },
};

const ATTEMPTS = 5;

async function migrateRecord(stored: Record<string, unknown>): Promise<Outcome> {
  const record = fromItem(InventoryRecordItem, stored);
  if (record.stockRecordId !== undefined) return 'already';
  const t = record.tenantId;
  const [productItem, locationItem, variantItem] = await getMany(documentClient(), tableName(), [
    keys.product(t, record.productId),
    keys.location(t, record.addressId),
    ...(record.variantId === null ? [] : [keys.variant(t, record.productId, record.variantId)]),
  ]);
  if (!productItem || !locationItem || (record.variantId !== null && !variantItem)) {
    throw new Error('its product, variant or address no longer exists');
  }
  const now = nowIso();
  const own = ownItemFor(fromItem(ProductItem, productItem), variantItem ? fromItem(VariantItem, variantItem) : undefined, now);
  const units = Math.max(record.quantityAvailable, 0);
  const notes = record.quantityAvailable < 0 ? `QuantityAvailable was ${record.quantityAvailable}; the ledger holds no less than 0` : null;
  const existing = own.kind === 'existing' ? await levelAt(t, own.itemId, record.addressId) : undefined;
  const TableName = tableName();
  const named = (level: StockRecord): NamedWrite<'name'> => ({
    name: 'name',
    action: {
      Update: {
        TableName,
        Key:
          record.variantId === null
            ? keys.productInventoryRecord(t, record.productId, record.id)
            : keys.variantInventoryRecord(t, record.productId, record.variantId, record.id),
        UpdateExpression: 'SET stockRecordId = :level, version = :version, quantityAvailable = :available, ledger = :ledger',
        ConditionExpression: 'attribute_not_exists(stockRecordId) AND quantityAvailable = :read',
        ExpressionAttributeValues: {
          ':level': level.id,
          ':version': level.version,
          ':ledger': level,
          ':available': level.onHandQty - level.reservedQty,
          ':read': record.quantityAvailable,
        },
      },
    },
  });
  if (!existing) {
    const seed = `${t}\u0000${record.productId}\u0000${record.variantId ?? ''}\u0000${record.addressId}`;
    const level = newStockRecord({
      id: `inv_${createHash('sha256').update(seed).digest('hex').slice(0, 32)}`,
      tenantId: t,
      inventoryItemId: ownItemId(own),
      levelId: newMedusaId('ilev'),
      productId: record.productId,
      variantId: record.variantId,
      location: fromItem(LocationItem, locationItem),
      bin: null,
      onHandQty: units,
      reservedQty: 0,
      orderCloudRecordIds: [record.id],
      reorderLevel: record.notificationPoint,
      reorderQty: null,
      attributes: variantItem ? fromItem(VariantItem, variantItem).attributes : {},
      countedAt: null,
      at: now,
    });
    const created = movementOf(level, { kind: 'created', qty: units, reason: 'migration', reference: record.id, notes }, 'migration');
    const refused = await insertStockRecordWith(level, created, own, undefined, [named(level)], true);
    if (refused) throw new ConcurrentChangeError('The record changed while it was migrated');
    return 'migrated';
  }
  const next: StockRecord = {
    ...existing,
    onHandQty: existing.onHandQty + units,
    orderCloudRecordIds: [...existing.orderCloudRecordIds, record.id],
    version: existing.version + 1,
    updatedAt: now,
    lastAdjustedAt: now,
  };
  const movement = movementOf(next, { kind: 'adjusted', qty: units, reason: 'migration', reference: record.id, notes }, 'migration');
  const refused = await commit([named(next), ...movementWrites(TableName, next, movement, false, [record.id])]);
  if (refused) throw new ConcurrentChangeError(`The level or the record changed while it was migrated (${refused})`);
  return 'migrated';
}

/** The ledger entry at an item and location, through Medusa's name of it. */
async function levelAt(tenantId: string, itemId: string, locationId: string): Promise<StockRecord | undefined> {
  const { Item: view } = await documentClient().send(
    new GetCommand({ TableName: tableName(), Key: keys.locationLevel(tenantId, itemId, locationId), ConsistentRead: true }),
  );
  const entryId = view && fromItem(LocationLevelItem, view).stockRecordId;
  if (entryId === undefined) return undefined;
  const { Item } = await documentClient().send(
    new GetCommand({ TableName: tableName(), Key: stockKeys.record(tenantId, entryId), ConsistentRead: true }),
  );
  return Item ? fromItem(StockRecordItem, Item) : undefined;
}
