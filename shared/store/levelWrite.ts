import type { Level } from '#shared/domain/catalog';
import { isLowStock } from '#shared/domain/stock';
import { keys, stockKeys } from '#shared/store/keys';
import { STOCK_INDEXES } from '#shared/store/table';
import type { WriteAction } from '#shared/store/transactions';

/**
 * What a movement changes on a level: its numbers, its settings (reorder level and quantity, bin),
 * OrderCloud's names of it (and the count of versions that only named it), its version and times. The rest (its place: product, variant,
 * location; its attributes, counted and created times) only its create or a variant's move writes.
 */
const MOVED = [
  'onHandQty',
  'reservedQty',
  'incomingQty',
  'reorderLevel',
  'reorderQty',
  'bin',
  'orderCloudRecordIds',
  'namingVersions',
  'version',
  'updatedAt',
  'lastAdjustedAt',
] as const satisfies readonly (keyof Level)[];

/**
 * The one write of a level's next version, shared by every movement through every API: an
 * update of what a movement changes (MOVED), only over the version read and only while the
 * level is still the product's it was read as (a variant's move changes that without a version,
 * and the low-stock index key names the product). The level need not have been read itself:
 * any of its names carries a copy of it at its version (LocationLevel.ledger,
 * InventoryRecord.ledger), and the condition holds the write to that version. The low-stock
 * index keys are set while the level is at or below its reorder level, removed otherwise (a level
 * no product owns is in no list).
 */
export function levelUpdate(TableName: string, next: Level): WriteAction {
  const names: Record<string, string> = { '#version': 'version', '#product': 'productId' };
  const values: Record<string, unknown> = { ':read': next.version - 1 };
  // A field the level has never had (an optional one) stays absent.
  const set = MOVED.filter((field) => next[field] !== undefined).map((field) => {
    names[`#${field}`] = field;
    values[`:${field}`] = next[field];
    return `#${field} = :${field}`;
  });
  const low = STOCK_INDEXES.lowStock;
  names['#lowPk'] = low.partitionKey;
  names['#lowSk'] = low.sortKey;
  const { productId } = next;
  let remove = ' REMOVE #lowPk, #lowSk';
  if (productId !== null && isLowStock(next)) {
    const key = stockKeys.lowStock({ ...next, productId });
    values[':lowPk'] = key.pk;
    values[':lowSk'] = key.sk;
    set.push('#lowPk = :lowPk', '#lowSk = :lowSk');
    remove = '';
  }
  let product = 'attribute_type(#product, :null)';
  if (productId === null) values[':null'] = 'NULL';
  else {
    values[':product'] = productId;
    product = '#product = :product';
  }
  return {
    Update: {
      TableName,
      Key: stockKeys.record(next.tenantId, next.id),
      UpdateExpression: `SET ${set.join(', ')}${remove}`,
      ConditionExpression: `#version = :read AND ${product}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/**
 * A level that moves to another product (its variant's move, which writes the level without a
 * new version): Medusa's name of it takes the moved copy in the same transaction, so that the
 * next write through that name holds the new product (levelUpdate's condition refuses the old).
 */
export function movedLevelCopy(TableName: string, moved: Level): WriteAction[] {
  if (moved.inventoryItemId === undefined) return [];
  return [
    {
      Update: {
        TableName,
        Key: keys.locationLevel(moved.tenantId, moved.inventoryItemId, moved.locationId),
        UpdateExpression: 'SET ledger = :moved',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':moved': moved },
      },
    },
  ];
}
