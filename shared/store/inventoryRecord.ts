import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { InventoryRecordStore } from '#shared/domain/inventoryRecord';
import { getMany } from '#shared/store/batch';
import { documentClient, tableName } from '#shared/store/client';
import { LocationItem, ProductItem, VariantItem } from '#shared/store/entities';
import { recordKey, withAddresses } from '#shared/store/inventoryRecordItems';
import { readRecordPage } from '#shared/store/inventoryRecordPage';
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

  readRecordPage,

  async readOwners(tenantId, owner) {
    const { product, variant } = await inventoryRecordStore.readInventoryRecordContext(tenantId, owner, undefined);
    return { ...(product ? { product } : {}), ...(variant ? { variant } : {}) };
  },
};

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
