import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Location } from '#shared/domain/catalog';
import type { InventoryRecordStore, InventoryRecordView } from '#shared/domain/inventoryRecord';
import { getMany } from '#shared/store/batch';
import { documentClient, tableName } from '#shared/store/client';
import { InventoryRecordItem, LocationItem, ProductItem, VariantItem } from '#shared/store/entities';
import { recordKey } from '#shared/store/inventoryRecordItems';
import { fromItem } from '#shared/store/items';
import { keys } from '#shared/store/keys';
import { recordLevelStore } from '#shared/store/ledgerRecords';
import { ENTITY } from '#shared/store/table';

type Item = Record<string, unknown>;

/**
 * OrderCloud inventory records in the product's partition: `VARIANT#<v>#INVRECORD#<id>` for a
 * variant's, `PRODUCT#INVRECORD#<id>` for product-level ones, and the ID guard `INVRECORD#<id>`.
 * Each names a level of the stock ledger and carries a copy of its numbers (ledgerRecords.ts
 * writes them), so every read is the record alone.
 */
export const inventoryRecordStore: InventoryRecordStore = {
  ...recordLevelStore,

  async readInventoryRecordContext(tenantId, owner, addressId, recordId) {
    const wanted = [
      keys.product(tenantId, owner.productId),
      ...(owner.variantId === null ? [] : [keys.variant(tenantId, owner.productId, owner.variantId)]),
      ...(addressId === undefined ? [] : [keys.location(tenantId, addressId)]),
      ...(recordId === undefined ? [] : [recordKey(tenantId, owner, recordId)]),
    ];
    const found = await getMany(documentClient(), tableName(), wanted);
    const [product, variant, location, record] = [
      found.shift(),
      owner.variantId === null ? undefined : found.shift(),
      addressId === undefined ? undefined : found.shift(),
      recordId === undefined ? undefined : found.shift(),
    ];
    const [existing] = record ? await withAddresses(tenantId, [record]) : [];
    return {
      ...(product ? { product: fromItem(ProductItem, product) } : {}),
      ...(variant ? { variant: fromItem(VariantItem, variant) } : {}),
      ...(location ? { location: fromItem(LocationItem, location) } : {}),
      ...(existing ? { existing } : {}),
    };
  },

  async listInventoryRecords(tenantId, owner) {
    let query: Omit<QueryCommandInput, 'TableName'>;
    if (owner.variantId === null) {
      const { pk, sk } = keys.productInventoryRecords(tenantId, owner.productId);
      query = { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': pk, ':prefix': sk } };
    } else {
      const { pk, from, to } = keys.variantInventoryRecordRange(tenantId, owner.productId, owner.variantId);
      query = {
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': to },
      };
    }
    const items = await queryAll(query);
    const product = owner.variantId === null ? items.find((item) => item.type === ENTITY.Product) : undefined;
    const variant = items.find((item) => item.type === ENTITY.Variant && item.id === owner.variantId);
    // The range also holds other items of the variant (and of variants whose escaped ID extends this one).
    const records = items.filter((item) => item.type === ENTITY.InventoryRecord && item.variantId === owner.variantId);
    return {
      ...(product ? { product: fromItem(ProductItem, product) } : {}),
      ...(variant ? { variant: fromItem(VariantItem, variant) } : {}),
      records: await withAddresses(tenantId, records),
    };
  },

  async readOwners(tenantId, owner) {
    const { product, variant } = await inventoryRecordStore.readInventoryRecordContext(tenantId, owner, undefined);
    return { ...(product ? { product } : {}), ...(variant ? { variant } : {}) };
  },
};

/** Records with their addresses: the copy each carries, or (for items written before it did) the location read once. */
async function withAddresses(tenantId: string, items: Item[]): Promise<InventoryRecordView[]> {
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

async function queryAll(input: Omit<QueryCommandInput, 'TableName'>): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(
      new QueryCommand({ ...input, TableName: tableName(), ConsistentRead: true, ...(start ? { ExclusiveStartKey: start } : {}) }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
