import type { Level, LocationLevel } from '#shared/domain/catalog';
import { keys, stockKeys, type Key } from '#shared/store/keys';
import type { NamedWrite } from '#shared/store/transactions';

/**
 * The writes that remove one level inside a larger transaction (an item's delete, a level batch):
 * the ledger level at the version read with its Medusa view and its guard, and the keys of its
 * history, which the caller deletes in the transaction as far as room allows and after it
 * otherwise. The owner's level count is the caller's (one update of the owner per transaction).
 * A view read without its ledger copy removes its level only while it holds no reservation; a view
 * from before the ledger is removed as read.
 */
export function removedLevelWrites(TableName: string, level: Level | LocationLevel): { writes: NamedWrite<'level'>[]; history: Key[] } {
  if (!('version' in level && 'onHandQty' in level)) return viewOnlyRemoval(TableName, level);
  const { tenantId, productId } = level;
  const writes: NamedWrite<'level'>[] = [
    {
      name: 'level',
      action: {
        Delete: {
          TableName,
          Key: stockKeys.record(tenantId, level.id),
          ConditionExpression: '#version = :read',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':read': level.version },
        },
      },
    },
    ...(level.inventoryItemId === undefined
      ? []
      : [namedDelete(TableName, keys.locationLevel(tenantId, level.inventoryItemId, level.locationId), 'stockRecordId', level.id)]),
    ...(productId === null
      ? []
      : [namedDelete(TableName, keys.stock(tenantId, productId, level.variantId, level.locationId), 'recordId', level.id)]),
  ];
  const history = Array.from({ length: level.version }, (_, i) => stockKeys.movement(tenantId, level.id, level.version - i));
  return { writes, history };
}

function viewOnlyRemoval(TableName: string, view: LocationLevel): { writes: NamedWrite<'level'>[]; history: Key[] } {
  const viewKey = keys.locationLevel(view.tenantId, view.inventoryItemId, view.locationId);
  if (view.stockRecordId === undefined) {
    return {
      writes: [
        {
          name: 'level',
          action: {
            Delete: {
              TableName,
              Key: viewKey,
              ConditionExpression: 'stockedQuantity = :stocked AND reservedQuantity = :reserved AND incomingQuantity = :incoming',
              ExpressionAttributeValues: {
                ':stocked': view.stockedQuantity,
                ':reserved': view.reservedQuantity,
                ':incoming': view.incomingQuantity,
              },
            },
          },
        },
      ],
      history: [],
    };
  }
  return {
    writes: [
      {
        name: 'level',
        action: {
          Delete: {
            TableName,
            Key: stockKeys.record(view.tenantId, view.stockRecordId),
            ConditionExpression: 'reservedQty = :none',
            ExpressionAttributeValues: { ':none': 0 },
          },
        },
      },
      namedDelete(TableName, viewKey, 'stockRecordId', view.stockRecordId),
    ],
    history: [],
  };
}

/** Another name of the level, removed with it while it still names it. */
const namedDelete = (TableName: string, Key: Key, attribute: string, levelId: string): NamedWrite<'level'> => ({
  name: 'level',
  action: {
    Delete: {
      TableName,
      Key,
      ConditionExpression: '#names = :level',
      ExpressionAttributeNames: { '#names': attribute },
      ExpressionAttributeValues: { ':level': levelId },
    },
  },
});
