import type { InventoryRecordView, RecordOwner } from '#shared/domain/inventoryRecord';
import { toItem } from '#shared/store/items';
import { keys, type Key } from '#shared/store/keys';
import { ENTITY } from '#shared/store/table';

type Item = Record<string, unknown>;

/** The record's own key: under its variant, or product-level. */
export const recordKey = (tenantId: string, owner: RecordOwner, recordId: string): Key =>
  owner.variantId === null
    ? keys.productInventoryRecord(tenantId, owner.productId, recordId)
    : keys.variantInventoryRecord(tenantId, owner.productId, owner.variantId, recordId);

/**
 * The two items of a record: the ID guard (unique within the product, across both levels)
 * and the record, which carries a copy of its address so a read needs no second round trip.
 * `xp` is arbitrary client JSON: kept as text, since DynamoDB numbers cannot hold every JSON number.
 */
export function inventoryRecordItems({ record, address }: InventoryRecordView): { guard: Item; record: Item } {
  const owner = { productId: record.productId, variantId: record.variantId };
  return {
    guard: toItem(ENTITY.InventoryRecordId, keys.inventoryRecordId(record.tenantId, record.productId, record.id), {
      tenantId: record.tenantId,
      productId: record.productId,
      variantId: record.variantId,
      recordId: record.id,
    }),
    record: toItem(ENTITY.InventoryRecord, recordKey(record.tenantId, owner, record.id), {
      ...record,
      xp: JSON.stringify(record.xp),
      address,
    }),
  };
}
