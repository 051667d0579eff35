import type { RecordOwner } from '#shared/domain/inventoryRecord';
import { countAdded } from '#shared/store/countUpdate';
import { keys, type Key } from '#shared/store/keys';
import { ENTITY } from '#shared/store/table';
import type { NamedWrite } from '#shared/store/transactions';

type Item = Record<string, unknown>;

/**
 * How many OrderCloud records one owner (a variant, or a product at product level) holds, kept in
 * an item of its own just before its records (`VARIANT#<v>#INVRECORD`, `PRODUCT#INVRECORD`: a
 * prefix sorts before its extensions), so a list reads its page and its TotalCount without reading
 * the other records. Every transaction that makes, removes or moves a record adds to it
 * (`recordCount`) and counts one more change (`changes`, which only grows: the migration's write
 * is conditional on it, so a record written between its read and its write is never missed).
 *
 * The count is exact when the item says so (`exact`, set by the migration step and by fixtures and
 * moves, which know every record), or once the migration step has run over the whole table (see
 * recordCountsMigrated): a count item made by a write of this code after it was deployed then
 * counts every record of its owner. An owner with records stored before, and not yet counted,
 * has no such item, or one without `exact`; its list reads the whole level, as before.
 */
export const RECORD_COUNT_TYPE = ENTITY.InventoryRecordCount;

/** The count item's key: the records' sort-key prefix without its closing '#'. */
export function recordCountKey(tenantId: string, owner: RecordOwner): Key {
  const first =
    owner.variantId === null
      ? keys.productInventoryRecord(tenantId, owner.productId, '')
      : keys.variantInventoryRecord(tenantId, owner.productId, owner.variantId, '');
  return { pk: first.pk, sk: first.sk.slice(0, -1) };
}

/** The sort-key range holding the count item and then every record of the owner, in ID order. */
export function recordCountRange(tenantId: string, owner: RecordOwner): { pk: string; count: string; first: string; last: string } {
  const { pk, sk } = recordCountKey(tenantId, owner);
  // Escaped IDs are ASCII, so no record's sort key passes U+FFFF.
  return { pk, count: sk, first: `${sk}#`, last: `${sk}#\uffff` };
}

/** The owner's count moved by `delta` (one more change), in the transaction that makes or removes the record. */
export function recordCounted<Name extends string>(
  TableName: string,
  tenantId: string,
  owner: RecordOwner,
  delta: number,
  name: Name,
): NamedWrite<Name> {
  return countAdded(
    TableName,
    recordCountKey(tenantId, owner),
    { type: RECORD_COUNT_TYPE, tenantId, counter: 'recordCount', by: delta, also: ['changes'] },
    name,
  );
}

/** The count item of an owner holding exactly `count` records, as fixtures and moves write it. */
export function exactRecordCount(tenantId: string, owner: RecordOwner, count: number): Item {
  return { ...recordCountKey(tenantId, owner), type: RECORD_COUNT_TYPE, tenantId, recordCount: count, changes: 0, exact: true };
}

/**
 * A variant moving to another product takes its count along: the one under the old product goes,
 * the new one holds exactly the records the move read and moves (the move is held on every one
 * of them and on the variant's levels, so a record made meanwhile refuses it).
 */
export function movedRecordCountWrites<Name extends string>(
  TableName: string,
  tenantId: string,
  from: RecordOwner,
  productId: string,
  records: number,
  name: Name,
): NamedWrite<Name>[] {
  return [
    { name, action: { Delete: { TableName, Key: recordCountKey(tenantId, from) } } },
    { name, action: { Put: { TableName, Item: exactRecordCount(tenantId, { productId, variantId: from.variantId }, records) } } },
  ];
}

/** What a count item read says: the count, when it can be trusted. */
export function trustedCount(item: Item | undefined, migrated: boolean): number | undefined {
  if (item === undefined) return migrated ? 0 : undefined;
  const count = typeof item.recordCount === 'number' ? item.recordCount : 0;
  return item.exact === true || migrated ? count : undefined;
}
