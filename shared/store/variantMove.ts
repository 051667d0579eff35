import type { Attachment } from '#shared/domain/attachment';
import { BusinessRuleError } from '#shared/domain/errors';
import type { VariantInventoryLink } from '#shared/domain/inventoryLink';
import type { InventoryRecordView } from '#shared/domain/inventoryRecord';
import type { VariantHoldings } from '#shared/domain/variant';
import { inventoryRecordItems, recordKey } from '#shared/store/inventoryRecordItems';
import { keys } from '#shared/store/keys';
import { movedStockRecordWrites } from '#shared/store/levelChanges';
import { linkDeletes, linkPuts } from '#shared/store/linkCopies';
import { movedRecordCountWrites } from '#shared/store/recordCounts';
import type { NamedWrite } from '#shared/store/transactions';

/**
 * What a variant moving to another product takes with it, in the variant's own transaction:
 * everything under it in the old product's partition leaves it for the new one's (its links,
 * its OrderCloud records with their ID guards) and its levels name the new product. Each item
 * moves only as it was read, so a change of any of them in between refuses the move, which
 * the domain then reads and decides again.
 */

/** DynamoDB's most actions in one TransactWriteItems call. */
export const MAX_TRANSACTION_WRITES = 100;

export type MovedName = 'stock' | 'ownItem' | 'link' | 'record' | `recordId:${string}`;

/** Every write of the holdings' move (the variant's own items, its SKU and ID guards excepted). */
export function movedHoldingWrites(
  table: string,
  held: VariantHoldings,
  productId: string,
  from: { tenantId: string; productId: string; variantId: string },
): NamedWrite<MovedName>[] {
  return [
    // Its stock records follow it (guard and index keys), as read: a stock movement in between makes this attempt read again.
    ...held.stockRecords.flatMap((record) => movedStockRecordWrites(table, record, productId)),
    // So do its own item's link (kept under its ID) and the item's note of its owner...
    ...(held.ownLink ? movedOwnItemWrites(table, held.ownLink, productId) : []),
    // ...its other links (a kit's components)...
    ...(held.links ?? []).flatMap((link) => movedLinkWrites(table, link, productId, 'link')),
    // ...and OrderCloud's records of it, which live in the product's partition.
    ...(held.records ?? []).flatMap((view) => movedRecordWrites(table, view, productId)),
    // ...with their count: exactly the records read, each moved only as read.
    ...movedRecordCountWrites(table, from.tenantId, from, productId, (held.records ?? []).length, 'record' as const),
  ];
}

/**
 * A move is one transaction or nothing: past DynamoDB's limit (the attachment, an idempotency
 * record, counts too) it is refused before anything is written, naming how many writes it needs.
 */
export function requireOneTransaction(writes: number, attachment: Attachment | undefined): void {
  const total = writes + (attachment ? 1 : 0);
  if (total > MAX_TRANSACTION_WRITES)
    throw new BusinessRuleError(
      'variant-move-too-large',
      `Moving the variant takes ${total} writes, more than the ${MAX_TRANSACTION_WRITES} of one transaction`,
      { writes: total, maximum: MAX_TRANSACTION_WRITES },
    );
}

/** The link as read: same ID, same last change. */
const linkAsRead = (link: VariantInventoryLink) => ({
  ConditionExpression: '#id = :id AND updatedAt = :at',
  ExpressionAttributeNames: { '#id': 'id' },
  ExpressionAttributeValues: { ':id': link.id, ':at': link.updatedAt },
});

/** A moving variant's own link leaves the old product's partition for the new one's; its item names the new product as owner. */
function movedOwnItemWrites(table: string, link: VariantInventoryLink, productId: string): NamedWrite<'ownItem'>[] {
  return [
    // As read (an update of its required quantity in between refuses the move), with its copy in the item's partition.
    ...movedLinkWrites(table, link, productId, 'ownItem'),
    {
      name: 'ownItem',
      action: {
        Update: {
          TableName: table,
          Key: keys.inventoryItem(link.tenantId, link.inventoryItemId),
          UpdateExpression: 'SET #owner.productId = :product',
          ConditionExpression: 'attribute_exists(#owner)',
          ExpressionAttributeNames: { '#owner': 'owner' },
          ExpressionAttributeValues: { ':product': productId },
        },
      },
    },
  ];
}

/** Another link of the variant moves as read (same ID, same last change): an update in between refuses the move. */
function movedLinkWrites<Name extends 'link' | 'ownItem'>(
  table: string,
  link: VariantInventoryLink,
  productId: string,
  name: Name,
): NamedWrite<Name>[] {
  // Its copy in the item's partition names the new product (an item's delete that removed the link first refuses the move).
  return [
    ...linkDeletes(table, name, link, linkAsRead(link)),
    ...linkPuts(table, name, { ...link, productId }, { ConditionExpression: 'attribute_not_exists(pk)' }),
  ];
}

/**
 * An OrderCloud record moves as read (its own fields and its copy of the level's version): the
 * record and its ID guard leave the old product, and are put under the new one only if absent
 * there. The guard holds a record ID once per product: one the new product already holds is
 * refused as `recordId:<id>`.
 */
function movedRecordWrites(table: string, view: InventoryRecordView, productId: string): NamedWrite<'record' | `recordId:${string}`>[] {
  const { record } = view;
  // Its copy of the level moves too: a write through the record works from it.
  const ledger = record.ledger ? { ledger: { ...record.ledger, productId } } : {};
  const moved = inventoryRecordItems({ record: { ...record, productId, ...ledger }, address: view.address });
  const unchanged =
    record.version === undefined
      ? { ConditionExpression: 'lastUpdated = :read', ExpressionAttributeValues: { ':read': record.lastUpdated } }
      : {
          ConditionExpression: 'lastUpdated = :read AND #version = :version',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':read': record.lastUpdated, ':version': record.version },
        };
  return [
    { name: 'record', action: { Delete: { TableName: table, Key: recordKey(record.tenantId, record, record.id), ...unchanged } } },
    { name: 'record', action: { Put: { TableName: table, Item: moved.record, ConditionExpression: 'attribute_not_exists(pk)' } } },
    {
      name: 'record',
      action: {
        Delete: {
          TableName: table,
          Key: keys.inventoryRecordId(record.tenantId, record.productId, record.id),
          ConditionExpression: 'variantId = :variant',
          ExpressionAttributeValues: { ':variant': record.variantId },
        },
      },
    },
    {
      name: `recordId:${record.id}`,
      action: { Put: { TableName: table, Item: moved.guard, ConditionExpression: 'attribute_not_exists(pk)' } },
    },
  ];
}
