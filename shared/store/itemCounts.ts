import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { sideBySide } from '#shared/domain/concurrency';
import { getMany } from '#shared/store/batch';
import { CATALOG_SECTIONS, catalogEntry } from '#shared/store/catalogIndexKeys';
import { documentClient, tableName } from '#shared/store/client';
import { countAdded } from '#shared/store/countUpdate';
import { keys, type Key } from '#shared/store/keys';
import { checkpointKeys } from '#shared/store/migration/runner';
import { ENTITY, INDEXES, TABLE } from '#shared/store/table';
import type { NamedWrite } from '#shared/store/transactions';

type Item = Record<string, unknown>;

/**
 * How many inventory items a tenant has, so that Medusa's item list reads its page and not the
 * whole item section for its `count`. The count is kept in SHARDS items beside the tenant's
 * settings (`TENANT#<t>` / `ITEMCOUNT#<n>`, the item's shard by its ID), so that items made at
 * once (a burst of first stocks through ShopSynch) rarely update the same one; the list reads
 * all of them in one BatchGet and adds them up.
 *
 * Every write that makes an item counts it in its own transaction (`ADD itemCount 1`, the item
 * stored with `counted`: Medusa's create, a variant's or product's first stock through any API,
 * the import; the fixtures loader writes the counts), and every write that removes a counted item
 * takes it back (Medusa's delete, a variant's permanent delete), conditional on `counted` as read.
 * Items stored before have no `counted`: the migration step `medusa-item-counts` counts each, and
 * until it has run over the whole table the list reads the section as before.
 */
export const SHARDS = 8;

/** The item's shard: a hash of its ID. */
export function shardOf(itemId: string): number {
  let hash = 2166136261;
  for (let i = 0; i < itemId.length; i++) hash = Math.imul(hash ^ itemId.charCodeAt(i), 16777619) >>> 0;
  return hash % SHARDS;
}

/** The tenant's count moved by `delta` for the item, in the transaction that makes or removes it. */
export function itemCounted<Name extends string>(
  TableName: string,
  tenantId: string,
  itemId: string,
  delta: number,
  name: Name,
): NamedWrite<Name> {
  return countAdded(
    TableName,
    keys.itemCount(tenantId, shardOf(itemId)),
    { type: ENTITY.ItemCount, tenantId, counter: 'itemCount', by: delta },
    name,
  );
}

/** Beside the counts of a tenant all of whose items were written counted (the fixtures'): its counts are exact before any migration. */
const exactKey = (tenantId: string): Key => ({ pk: keys.itemCount(tenantId, 0).pk, sk: 'ITEMCOUNT#EXACT' });

/** The count items of a tenant holding exactly the items named (as the fixtures loader writes them): only shards with items, and the mark that they are exact. */
export function exactItemCounts(tenantId: string, itemIds: readonly string[]): Item[] {
  const counts = new Map<number, number>();
  for (const id of new Set(itemIds)) counts.set(shardOf(id), (counts.get(shardOf(id)) ?? 0) + 1);
  return [
    ...[...counts].map(([shard, itemCount]) => ({ ...keys.itemCount(tenantId, shard), type: ENTITY.ItemCount, tenantId, itemCount })),
    { ...exactKey(tenantId), type: ENTITY.ItemCount, tenantId, exact: true },
  ];
}

/** Items with the counts of the tenant's inventory items among them, as the fixtures loader writes them. */
export const withItemCounts = (tenantId: string, items: Item[]): Item[] => [
  ...items,
  ...exactItemCounts(
    tenantId,
    items.filter((item) => item[TABLE.typeAttribute] === ENTITY.InventoryItem).map((item) => String(item.id)),
  ),
];

const INDEX = INDEXES.find((index) => index.name === 'catalog')!;
/** The migration step that counts items stored before the counts (see shared/store/migration/itemCounts). */
export const ITEM_COUNTS_STEP = 'medusa-item-counts';
/** Tables whose count migration has run to its end (it never runs back): remembered for the container's life. */
const migratedTables = new Set<string>();

/**
 * The first `offset + limit` items of the tenant's section of the `catalog` index (ID order),
 * beside the count (one BatchGet of the shards and, until the migration is known to be done, its
 * checkpoints and the tenant's mark of exact counts): one round trip. Answers undefined when the
 * count cannot be trusted yet.
 */
export async function readItemPage(tenantId: string, offset: number, limit: number): Promise<{ items: Item[]; count: number } | undefined> {
  const table = tableName();
  const checkpoints: Key[] = migratedTables.has(table) ? [] : [exactKey(tenantId), ...(checkpointKeys(ITEM_COUNTS_STEP) as Key[])];
  const shardKeys = Array.from({ length: SHARDS }, (_, shard) => keys.itemCount(tenantId, shard));
  const [found, items] = await sideBySide([
    getMany(documentClient(), table, [...shardKeys, ...checkpoints]),
    queryUpTo(tenantId, offset + limit),
  ]);
  const [exact, ...progress] = found.slice(SHARDS);
  if (checkpoints.length > 0 && exact?.exact !== true) {
    if (!progress.every((item) => item?.done === true)) return undefined;
    migratedTables.add(table);
  }
  const count = found.slice(0, SHARDS).reduce((sum, item) => sum + (typeof item?.itemCount === 'number' ? item.itemCount : 0), 0);
  return { items: items.slice(offset), count };
}

/** Whether the count migration has run over the whole table (for tools and tests). */
export async function readItemCountsMigrated(): Promise<boolean> {
  const found = await documentClient().send(
    new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: checkpointKeys(ITEM_COUNTS_STEP), ConsistentRead: true } } }),
  );
  const items = (found.Responses?.[tableName()] ?? []) as Item[];
  return (
    items.length > 0 && checkpointKeys(ITEM_COUNTS_STEP).every((key) => items.some((item) => item.sk === key.sk && item.done === true))
  );
}

/** Up to `count` items of the section, in key order, reading no more (Limit), paged past 1 MB. */
async function queryUpTo(tenantId: string, count: number): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  while (items.length < count) {
    const page = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: INDEX.name,
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :section)',
        ExpressionAttributeNames: { '#pk': INDEX.partitionKey, '#sk': INDEX.sortKey },
        ExpressionAttributeValues: { ':pk': catalogEntry.partition(tenantId), ':section': CATALOG_SECTIONS.inventoryItem },
        Limit: count - items.length,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    items.push(...((page.Items ?? []) as Item[]));
    start = page.LastEvaluatedKey as Item | undefined;
    if (!start) break;
  }
  return items;
}
