import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { inBatches, sideBySide } from '#shared/domain/concurrency';
import type { InventoryItem } from '#shared/domain/catalog';
import { getMany } from '#shared/store/batch';
import { catalogEntry } from '#shared/store/catalogIndexKeys';
import { documentClient, tableName } from '#shared/store/client';
import { InventoryItemItem } from '#shared/store/entities';
import { fromItem } from '#shared/store/items';
import { keys, type Key } from '#shared/store/keys';
import { checkpointKeys } from '#shared/store/migration/runner';
import { ENTITY, INDEXES, TABLE } from '#shared/store/table';

type Item = Record<string, unknown>;

/**
 * The items with a level at a location (Medusa's `location_levels[location_id]`). Every level's
 * Medusa view (`LEVEL#<location>` in its item's partition, which every level has: it is the rule of
 * one level per item and location) carries keys of the `catalog` index naming its location
 * (`catalogEntry.levelAt`: partition `TENANT#<t>#LOCATION#<l>#LEVELS`, sort key the item's as in
 * the item section), set by the one builder every writer of a view uses (catalogItem.locationLevel).
 * So a location's items are one Query of that partition, reading its levels and no other item.
 * Views stored before carry no such keys: the migration step `medusa-levels-by-location` sets them,
 * and until it has run over the whole table (its checkpoints) the list reads every item instead.
 */
export const LEVELS_BY_LOCATION_STEP = 'medusa-levels-by-location';

const INDEX = INDEXES.find((index) => index.name === 'catalog')!;
/** Tables whose migration has run to its end (it never runs back): remembered for the container's life. */
const migratedTables = new Set<string>();

/**
 * The IDs of the items with a level at any of the locations, in ID order (the index's), each once:
 * a Query of each location's partition side by side, beside the migration's checkpoints until it
 * is known to be done (one round trip). Undefined while levels may be missing from the index.
 */
export async function readItemIdsAt(tenantId: string, locationIds: readonly string[]): Promise<string[] | undefined> {
  const table = tableName();
  const checkpoints = migratedTables.has(table) ? [] : (checkpointKeys(LEVELS_BY_LOCATION_STEP) as Key[]);
  const [progress, found] = await sideBySide([
    checkpoints.length > 0 ? getMany(documentClient(), table, checkpoints) : Promise.resolve([]),
    sideBySide([...new Set(locationIds)].map((locationId) => queryLevelsAt(tenantId, locationId))),
  ]);
  if (checkpoints.length > 0) {
    if (!progress.every((item) => item?.done === true)) return undefined;
    migratedTables.add(table);
  }
  const bySortKey = new Map(found.flat().map((level) => [String(level[INDEX.sortKey]), String(level.inventoryItemId)]));
  // Escaped IDs are ASCII: code unit order is the index's byte order.
  return [...bySortKey.keys()].sort().map((sortKey) => bySortKey.get(sortKey)!);
}

/** Every level at the location, their item IDs only, paged past 1 MB. */
async function queryLevelsAt(tenantId: string, locationId: string): Promise<Item[]> {
  const levels: Item[] = [];
  let start: Item | undefined;
  do {
    const page = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: INDEX.name,
        KeyConditionExpression: '#pk = :pk',
        ProjectionExpression: '#sk, inventoryItemId',
        ExpressionAttributeNames: { '#pk': INDEX.partitionKey, '#sk': INDEX.sortKey },
        ExpressionAttributeValues: { ':pk': catalogEntry.levelsAt(tenantId, locationId) },
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    levels.push(...((page.Items ?? []) as Item[]));
    start = page.LastEvaluatedKey as Item | undefined;
  } while (start);
  return levels;
}

/** Keys one BatchGetItem takes. */
const BATCH_GET = 100;

/** The items (no levels) by ID, in the order asked; missing ones left out: BatchGets of 100, side by side. */
export async function readItemsById(tenantId: string, itemIds: readonly string[]): Promise<InventoryItem[]> {
  const slices = Array.from({ length: Math.ceil(itemIds.length / BATCH_GET) }, (_, i) =>
    itemIds.slice(i * BATCH_GET, (i + 1) * BATCH_GET).map((id) => keys.inventoryItem(tenantId, id)),
  );
  const found = await inBatches(slices, 8, (slice) => getMany(documentClient(), tableName(), slice));
  return found.flat().flatMap((item) => (item ? [fromItem(InventoryItemItem, item)] : []));
}

/**
 * A stored Medusa view of a level with the keys that find it by location (what the builder sets):
 * a restore of an export taken before them writes its views as this code does.
 */
export function withLevelAtKeys(item: Item): Item {
  if (item[TABLE.typeAttribute] !== ENTITY.LocationLevel) return item;
  const { tenantId, locationId, inventoryItemId } = item;
  if (typeof tenantId !== 'string' || typeof locationId !== 'string' || typeof inventoryItemId !== 'string') return item;
  return { ...item, ...catalogEntry.levelAt(tenantId, locationId, inventoryItemId) };
}
