import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { sideBySide } from '#shared/domain/concurrency';
import { BusinessRuleError, ConcurrentChangeError, NotFoundError } from '#shared/domain/errors';
import { MAX_TRANSACTION_WRITES } from '#shared/domain/inventoryItemWrites';
import type { LevelBatchStore } from '#shared/domain/levelBatch';
import { documentClient, tableName } from '#shared/store/client';
import { VariantItem } from '#shared/store/entities';
import { commitWithHistory, inventoryItemStore } from '#shared/store/inventoryItem';
import { fromItem } from '#shared/store/items';
import { keys } from '#shared/store/keys';
import { newLevelItems } from '#shared/store/ledgerLevel';
import { movementWrites } from '#shared/store/levelChanges';
import { removedLevelWrites } from '#shared/store/levelRemoval';
import { locationLevelStore } from '#shared/store/locationLevel';
import { notVariable } from '#shared/store/productCounters';
import type { NamedWrite } from '#shared/store/transactions';

type Name = 'item' | 'owner' | `location#${string}` | 'created' | 'moved' | 'removed';

/** Medusa's level batches: every level write of the request in one TransactWriteItems, through the ledger's writes. */
export const levelBatchStore: LevelBatchStore = {
  readItems: inventoryItemStore.readItems,
  readLocations: inventoryItemStore.readLocations,
  readLevel: locationLevelStore.readLevel,

  async readVariants(tenantId, owners) {
    const reads = await sideBySide(
      owners.map(({ productId, variantId }) =>
        documentClient().send(
          new GetCommand({ TableName: tableName(), Key: keys.variant(tenantId, productId, variantId), ConsistentRead: true }),
        ),
      ),
    );
    return new Map(reads.flatMap(({ Item }) => (Item ? [[(Item as { id: string }).id, fromItem(VariantItem, Item)]] : [])));
  },

  async writeBatch(plan, attachment) {
    const TableName = tableName();
    const writes: NamedWrite<Name>[] = [];
    for (const { item, created, removed } of plan.items) {
      const { owner } = item;
      // The item is still as read (its owner, or none) where it gains levels; its owner counts them (see ownItemWrites).
      if (created > 0)
        writes.push({
          name: 'item',
          action: owner
            ? {
                ConditionCheck: {
                  TableName,
                  Key: keys.inventoryItem(item.tenantId, item.id),
                  ConditionExpression: 'attribute_exists(pk) AND attribute_exists(#owner)',
                  ExpressionAttributeNames: { '#owner': 'owner' },
                },
              }
            : {
                // An item of no product counts its levels' creations (see insertLevel): its delete is conditional on the count.
                Update: {
                  TableName,
                  Key: keys.inventoryItem(item.tenantId, item.id),
                  UpdateExpression: 'ADD levelsVersion :created',
                  ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#owner)',
                  ExpressionAttributeNames: { '#owner': 'owner' },
                  ExpressionAttributeValues: { ':created': created },
                },
              },
        });
      if (owner && created + removed > 0) {
        const productOwned = owner.variantId === null && created > 0;
        writes.push({
          name: 'owner',
          action: {
            Update: {
              TableName,
              Key:
                owner.variantId === null
                  ? keys.product(item.tenantId, owner.productId)
                  : keys.variant(item.tenantId, owner.productId, owner.variantId),
              UpdateExpression: 'ADD levelCount :change',
              ConditionExpression: `inventoryItemId = :item${productOwned ? ` AND ${notVariable.condition}` : ''}`,
              ExpressionAttributeValues: { ':change': created - removed, ':item': item.id, ...(productOwned ? notVariable.values : {}) },
            },
          },
        });
      }
    }
    const tenantId = plan.items[0]?.item.tenantId ?? '';
    for (const locationId of new Set(plan.created.map(({ level }) => level.locationId)))
      writes.push({
        name: `location#${locationId}`,
        action: { ConditionCheck: { TableName, Key: keys.location(tenantId, locationId), ConditionExpression: 'attribute_exists(pk)' } },
      });
    for (const { level, created, view } of plan.created)
      for (const { item } of newLevelItems(level, created, view))
        writes.push({ name: 'created', action: { Put: { TableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } } });
    for (const { next, movement, enteredLowStock } of plan.moved)
      for (const { action } of movementWrites(TableName, next, movement, enteredLowStock)) writes.push({ name: 'moved', action });
    for (const view of plan.movedInPlace)
      writes.push({
        name: 'moved',
        action: {
          Update: {
            TableName,
            Key: keys.locationLevel(view.tenantId, view.inventoryItemId, view.locationId),
            UpdateExpression: 'SET stockedQuantity = :stocked, incomingQuantity = :incoming, updatedAt = :at',
            ConditionExpression: 'attribute_exists(pk) AND reservedQuantity = :reserved',
            ExpressionAttributeValues: {
              ':stocked': view.stockedQuantity,
              ':incoming': view.incomingQuantity,
              ':at': view.updatedAt,
              ':reserved': view.reservedQuantity,
            },
          },
        },
      });
    const removals = plan.removed.map((level) => removedLevelWrites(TableName, level));
    for (const { writes: levelWrites } of removals) for (const { action } of levelWrites) writes.push({ name: 'removed', action });

    // Nothing to write (an empty batch, or only IDs the item does not have): only the answer, if kept, is written.
    if (writes.length === 0 && !attachment) return;
    const maximum = MAX_TRANSACTION_WRITES - (attachment ? 1 : 0);
    if (writes.length > maximum)
      throw new BusinessRuleError('too-many-writes', `${writes.length} writes do not fit one transaction`, {
        writes: writes.length,
        maximum,
      });
    const refused = await commitWithHistory(
      writes,
      removals.flatMap(({ history }) => history),
      attachment,
    );
    if (refused === undefined) return;
    if (refused.startsWith('location#')) throw new NotFoundError('Location', refused.slice('location#'.length));
    if (refused === 'owner') {
      // Refused where the owner gains levels: a product that became VARIABLE keeps stock by variant only, a variant gone has none.
      const gaining = plan.items.find(({ item, created }) => item.owner && created > 0)?.item.owner;
      if (gaining?.variantId === null) throw new BusinessRuleError('variant-required', 'A VARIABLE product holds stock by variant');
      if (gaining?.variantId) throw new NotFoundError('Variant', gaining.variantId, { productId: gaining.productId });
    }
    // Anything else read has changed since: read and decide again.
    throw new ConcurrentChangeError('A level of the batch changed since it was read');
  },
};
