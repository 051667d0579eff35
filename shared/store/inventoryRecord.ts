import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Location } from '#shared/domain/catalog';
import { ConcurrentChangeError, ConflictError, IDENTITY_RULES } from '#shared/domain/errors';
import type { InventoryRecord, InventoryRecordStore, InventoryRecordView, RecordOwner } from '#shared/domain/inventoryRecord';
import { getMany } from '#shared/store/batch';
import { documentClient, tableName } from '#shared/store/client';
import { InventoryRecordItem, LocationItem, ProductItem, VariantItem } from '#shared/store/entities';
import { fromItem, toItem } from '#shared/store/items';
import { keys, type Key } from '#shared/store/keys';
import { ENTITY } from '#shared/store/table';
import { commit, type NamedWrite } from '#shared/store/transactions';

type Item = Record<string, unknown>;

/** The record's own key: under its variant, or product-level. */
const recordKey = (tenantId: string, owner: RecordOwner, recordId: string): Key =>
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

const putNew = (item: Item) => ({ Put: { TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' } });

/** The record as read, unchanged since: an optimistic write fails if anyone wrote it in between. */
const unchanged = (record: InventoryRecord) => ({
  ConditionExpression: 'lastUpdated = :read',
  ExpressionAttributeValues: { ':read': record.lastUpdated },
});

/**
 * OrderCloud inventory records in the product's partition: `VARIANT#<v>#INVRECORD#<id>` for a
 * variant's, `PRODUCT#INVRECORD#<id>` for product-level ones, and the ID guard `INVRECORD#<id>`.
 */
export const inventoryRecordStore: InventoryRecordStore = {
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

  async insertInventoryRecord(view, attachment) {
    const items = inventoryRecordItems(view);
    const refused = await commit(
      [
        { name: 'id', action: putNew(items.guard) },
        { name: 'record', action: putNew(items.record) },
      ],
      attachment,
    );
    if (refused) throw taken(view.record.id);
  },

  async replaceInventoryRecord(previous, next, attachment) {
    const items = inventoryRecordItems(next);
    const owner = { productId: previous.productId, variantId: previous.variantId };
    const writes: NamedWrite<'record' | 'oldRecord' | 'oldId' | 'id'>[] =
      previous.id === next.record.id
        ? [{ name: 'record', action: { Put: { TableName: tableName(), Item: items.record, ...unchanged(previous) } } }]
        : [
            {
              name: 'oldRecord',
              action: { Delete: { TableName: tableName(), Key: recordKey(previous.tenantId, owner, previous.id), ...unchanged(previous) } },
            },
            {
              name: 'oldId',
              action: {
                Delete: { TableName: tableName(), Key: keys.inventoryRecordId(previous.tenantId, previous.productId, previous.id) },
              },
            },
            { name: 'id', action: putNew(items.guard) },
            { name: 'record', action: putNew(items.record) },
          ];
    const refused = await commit(writes, attachment);
    if (refused === 'id' || (refused === 'record' && previous.id !== next.record.id)) throw taken(next.record.id);
    if (refused) throw new ConcurrentChangeError('The inventory record changed since it was read');
  },

  async deleteInventoryRecord(tenantId, owner, recordId, attachment) {
    const refused = await commit(
      [
        {
          name: 'record',
          action: {
            Delete: { TableName: tableName(), Key: recordKey(tenantId, owner, recordId), ConditionExpression: 'attribute_exists(pk)' },
          },
        },
        { name: 'id', action: { Delete: { TableName: tableName(), Key: keys.inventoryRecordId(tenantId, owner.productId, recordId) } } },
      ],
      attachment,
    );
    return refused === undefined;
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

const taken = (recordId: string) =>
  new ConflictError(IDENTITY_RULES.recordIdPerProduct, `Inventory record ID ${recordId} is taken within its product`, { recordId });

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
