import type { Attachment } from '#shared/domain/attachment';
import type { Level, LocationLevel } from '#shared/domain/catalog';
import { BusinessRuleError, ConcurrentChangeError, NotFoundError } from '#shared/domain/errors';
import { levelExists } from '#shared/domain/locationLevel';
import type { StockMovement } from '#shared/domain/stock';
import { deleteMany } from '#shared/store/batch';
import { removedLevelWrites } from '#shared/store/levelRemoval';
import { catalogItem } from '#shared/store/catalogItems';
import { documentClient, tableName } from '#shared/store/client';
import { keys, type Key } from '#shared/store/keys';
import { notVariable } from '#shared/store/productCounters';
import { guardItem, movementItem, stockRecordItem } from '#shared/store/levelItems';
import { commit, type NamedWrite, type WriteAction } from '#shared/store/transactions';

type Item = Record<string, unknown>;

/** Most actions one TransactWriteItems takes. */
const MAX_ACTIONS = 100;

const putNew = (TableName: string, Item: Item): WriteAction => ({
  Put: { TableName, Item, ConditionExpression: 'attribute_not_exists(pk)' },
});

/**
 * The items of a new level made through its item (Medusa's create, fixtures): the ledger entry
 * (ShopSynch's stock record, in the product's lists only when the item has an owner), its first
 * history entry, its Medusa view and, for an owner's item, the guard of one record per product,
 * variant and location.
 */
export function newLevelItems(
  level: Level,
  created: StockMovement,
  view: LocationLevel,
): { name: 'level' | 'record' | 'movement'; item: Item }[] {
  const { productId } = level;
  return [
    ...(productId === null ? [] : [{ name: 'level' as const, item: guardItem({ ...level, productId }) }]),
    { name: 'record', item: stockRecordItem(level) },
    { name: 'movement', item: movementItem(created) },
    // Medusa's view is also the rule of one level per item and location.
    { name: 'level', item: catalogItem.locationLevel(view) },
  ];
}

/**
 * Writes a new level in one transaction: its items (newLevelItems) only where nothing is, the
 * item still there with the owner read (none, or the same), the location still there, and the
 * owner still holding the item as its own, counting one level more.
 */
export async function insertLevel(level: Level, created: StockMovement, view: LocationLevel, attachment?: Attachment): Promise<void> {
  const refused = await commit(insertLevelWrites(tableName(), level, created, view), attachment);
  const error = insertLevelRefusal(level, view, refused);
  if (error) throw error;
}

/** The writes of a new level (see insertLevel), each named for what its refusal means (insertLevelRefusal). */
export function insertLevelWrites(
  TableName: string,
  level: Level,
  created: StockMovement,
  view: LocationLevel,
): NamedWrite<'item' | 'location' | 'owner' | 'level' | 'record' | 'movement'>[] {
  const { tenantId, productId, variantId } = level;
  const exists = (Key: Key): WriteAction => ({ ConditionCheck: { TableName, Key, ConditionExpression: 'attribute_exists(pk)' } });
  const ownerKey =
    productId === null ? undefined : variantId === null ? keys.product(tenantId, productId) : keys.variant(tenantId, productId, variantId);
  return [
    {
      name: 'item',
      action:
        productId === null
          ? {
              // An item of no product counts its levels' creations: its delete is conditional on the count it read.
              Update: {
                TableName,
                Key: keys.inventoryItem(tenantId, view.inventoryItemId),
                UpdateExpression: 'ADD levelsVersion :one',
                ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#owner)',
                ExpressionAttributeNames: { '#owner': 'owner' },
                ExpressionAttributeValues: { ':one': 1 },
              },
            }
          : {
              ConditionCheck: {
                TableName,
                Key: keys.inventoryItem(tenantId, view.inventoryItemId),
                // The level is its owner's stock: the item must still be as read.
                ConditionExpression: 'attribute_exists(pk) AND attribute_exists(#owner)',
                ExpressionAttributeNames: { '#owner': 'owner' },
              },
            },
    },
    { name: 'location', action: exists(keys.location(tenantId, level.locationId)) },
    // The owner still holds the item as its own and counts the level (removeLevel counts it down); a
    // product's own stock is a SIMPLE or DIGITAL product's only (see productCounters).
    ...(ownerKey
      ? [
          {
            name: 'owner' as const,
            // Every level counts on its owner (see ownItemWrites), which must still hold the item as its own.
            action: {
              Update: {
                TableName,
                Key: ownerKey,
                UpdateExpression: 'ADD levelCount :one',
                ConditionExpression: `inventoryItemId = :item${variantId === null ? ` AND ${notVariable.condition}` : ''}`,
                ExpressionAttributeValues: { ':item': view.inventoryItemId, ':one': 1, ...(variantId === null ? notVariable.values : {}) },
              },
            },
          },
        ]
      : []),
    ...newLevelItems(level, created, view).map(({ name, item }) => ({ name, action: putNew(TableName, item) })),
  ];
}

/** What a refused new level means: the item or the level changed (read again), the location or owner gone. */
export function insertLevelRefusal(level: Level, view: LocationLevel, refused: string | undefined): Error | undefined {
  const { productId, variantId } = level;
  if (refused === undefined) return undefined;
  if (refused === 'item') return new ConcurrentChangeError('The inventory item changed since it was read');
  if (refused === 'location') return new NotFoundError('Location', level.locationId);
  if (refused === 'owner') {
    // A product keeps its own item once it has one: refused, it became VARIABLE (its stock is then its variants').
    return variantId === null
      ? new BusinessRuleError('variant-required', 'A VARIABLE product holds stock by variant')
      : new NotFoundError('Variant', variantId, { productId: productId! });
  }
  if (refused === 'level') return levelExists(view.inventoryItemId, level.locationId);
  return new Error(`Level transaction refused by its ${refused} item`);
}

/**
 * Removes a level as read (its version), with its Medusa view, its guard and its history, in one
 * transaction as far as the history fits; history beyond that is deleted right after, when
 * nothing names it any more.
 */
export async function removeLevel(level: Level, attachment?: Attachment): Promise<void> {
  const TableName = tableName();
  const { tenantId, productId } = level;
  const removal = removedLevelWrites(TableName, level);
  const writes: NamedWrite<'level'>[] = [
    ...removal.writes,
    // Its owner counts one level fewer (see ownItemWrites).
    ...(productId === null || level.inventoryItemId === undefined
      ? []
      : [
          {
            name: 'level' as const,
            action: {
              Update: {
                TableName,
                Key: level.variantId === null ? keys.product(tenantId, productId) : keys.variant(tenantId, productId, level.variantId),
                UpdateExpression: 'ADD levelCount :less',
                ConditionExpression: 'inventoryItemId = :item',
                ExpressionAttributeValues: { ':less': -1, ':item': level.inventoryItemId },
              },
            },
          },
        ]),
  ];
  // Newest first, so that what is left over (if anything) is the oldest.
  const history = removal.history;
  const room = MAX_ACTIONS - writes.length - (attachment ? 1 : 0);
  const refused = await commit(
    [...writes, ...history.slice(0, room).map((Key) => ({ name: 'level' as const, action: { Delete: { TableName, Key } } }))],
    attachment,
  );
  if (refused) throw new ConcurrentChangeError('The level changed since it was read');
  if (history.length > room) await deleteMany(documentClient(), TableName, history.slice(room));
}
