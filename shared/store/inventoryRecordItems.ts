import type { Location } from '#shared/domain/catalog';
import type { InventoryRecordView, RecordOwner } from '#shared/domain/inventoryRecord';
import { getMany } from '#shared/store/batch';
import { documentClient, tableName } from '#shared/store/client';
import { InventoryRecordItem, LocationItem } from '#shared/store/entities';
import { fromItem } from '#shared/store/items';
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

/** Records with their addresses: the copy each carries, or (for items written before it did) the location read once. */
export async function withAddresses(tenantId: string, items: Item[]): Promise<InventoryRecordView[]> {
  const missing = [...new Set(items.filter((item) => item.address === undefined).map((item) => String(item.addressId)))];
  const read =
    missing.length === 0
      ? []
      : await getMany(
          documentClient(),
          tableName(),
          missing.map((id) => keys.location(tenantId, id)),
        );
  const locations = new Map<string, Location>();
  read.forEach((item, index) => item && locations.set(missing[index]!, fromItem(LocationItem, item)));
  return items.flatMap((item): InventoryRecordView[] => {
    const record = fromItem(InventoryRecordItem, item);
    const copy = item.address as Item | undefined;
    const read = locations.get(record.addressId);
    // A record whose address no longer exists cannot be shown as OrderCloud shows one; it is left out.
    if (copy === undefined && read === undefined) return [];
    // The copy is parsed when the answer reads it: a list sorts every record but shows one page.
    let address = read;
    return [
      {
        record,
        get address() {
          return (address ??= fromItem(LocationItem, copy!));
        },
      },
    ];
  });
}
