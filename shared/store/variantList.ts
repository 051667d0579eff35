import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { VariantList, VariantListStore } from '#shared/domain/variant';
import { documentClient, tableName } from '#shared/store/client';
import { DayZeroVariantItem } from '#shared/store/entities';
import { fromItem } from '#shared/store/items';
import { indexKeys, keys, NAME_SORT_END } from '#shared/store/keys';
import { VARIANT_LIST_INDEXES, type TableIndex } from '#shared/store/table';
import { sideBySide } from '#shared/domain/concurrency';
import { openCursor, sealCursor } from '#shared/store/cursorSeal';

/** DayZero's variant list: one Query on the index of the list's scope and order (VARIANT_LIST_INDEXES), paged by position. */
export const variantLists: VariantListStore = {
  sealCursor: (tenantId, content) => sealCursor(tenantId, 'variants', content),
  openCursor: (tenantId, cursor) => openCursor(tenantId, 'variants', cursor),
  /**
   * A position is the variant's table key and its sort key in the list's index, exactly as a page
   * of this list returns them: the tenant's product partition (the list's product, when it has
   * one), a variant sort key, and an index sort key ending with that variant's ID; every value
   * within DynamoDB's key sizes. The index partition is never taken from a cursor.
   */
  isListPosition(tenantId, list, position) {
    const index = listIndex(list);
    const names = Object.keys(position);
    if (names.length !== 4 || position.index !== index.name) return false;
    const { pk, sk } = position;
    const indexSk = position[index.sortKey];
    if (pk === undefined || sk === undefined || indexSk === undefined) return false;
    const productPrefix = keys.product(tenantId, '').pk;
    const productPart = pk.slice(productPrefix.length);
    const variantPart = sk.slice(VARIANT_PREFIX.length);
    return (
      (list.productId === null
        ? pk.startsWith(productPrefix) && /^[^#]+$/.test(productPart)
        : pk === keys.product(tenantId, list.productId).pk) &&
      sk.startsWith(VARIANT_PREFIX) &&
      /^[^#]+$/.test(variantPart) &&
      indexSk.endsWith(`${list.sortBy === 'name' ? NAME_SORT_END : '#'}${variantPart}`) &&
      indexSk.length > variantPart.length + 1 &&
      Buffer.byteLength(pk) <= MAX_PARTITION_KEY_BYTES &&
      Buffer.byteLength(sk) <= MAX_SORT_KEY_BYTES &&
      Buffer.byteLength(indexSk) <= MAX_SORT_KEY_BYTES
    );
  },

  /**
   * One Query on the index of the list's scope and order, in the direction of travel, from the
   * position (ExclusiveStartKey); beside it, when there is a position, a one-item Query for
   * anything at or behind it. Both at once: one round trip.
   */
  async readVariantList(tenantId, list, { from, backwards, count }) {
    const index = listIndex(list);
    const partition = indexKeys.variantListPartition(tenantId, list.productId, list.archived);
    // The index is ascending; a descending list reads it backwards, and a prev page reads the other way.
    const ascending = list.descending === backwards;
    const names = { '#pk': index.partitionKey, '#sk': index.sortKey };
    const start =
      from === undefined ? undefined : { pk: from.pk, sk: from.sk, [index.partitionKey]: partition, [index.sortKey]: from[index.sortKey] };
    const [run, behind] = await sideBySide([
      queryUpTo(count, {
        IndexName: index.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': index.partitionKey },
        ExpressionAttributeValues: { ':pk': partition },
        ScanIndexForward: ascending,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
      start === undefined
        ? false
        : documentClient()
            .send(
              new QueryCommand({
                TableName: tableName(),
                IndexName: index.name,
                KeyConditionExpression: `#pk = :pk AND #sk ${ascending ? '<=' : '>='} :at`,
                ExpressionAttributeNames: names,
                ExpressionAttributeValues: { ':pk': partition, ':at': start[index.sortKey] },
                ScanIndexForward: !ascending,
                ProjectionExpression: '#pk',
                Limit: 1,
              }),
            )
            .then((page) => (page.Items ?? []).length > 0),
    ]);
    return {
      run: run.map((item) => {
        const { stockLocationId: _home, revision: _revision, ...variant } = fromItem(DayZeroVariantItem, item);
        return {
          variant,
          position: { index: index.name, pk: String(item.pk), sk: String(item.sk), [index.sortKey]: String(item[index.sortKey]) },
        };
      }),
      behind,
    };
  },

  /** A COUNT Query over the list's index partition, page after page (each page reads up to 1 MB of variants). */
  async countVariantList(tenantId, list) {
    const index = listIndex(list);
    let total = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await documentClient().send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: index.name,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': index.partitionKey },
          ExpressionAttributeValues: { ':pk': indexKeys.variantListPartition(tenantId, list.productId, list.archived) },
          Select: 'COUNT',
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      total += page.Count ?? 0;
      start = page.LastEvaluatedKey;
    } while (start);
    return total;
  },
};

/** The index serving a list: the business's or the product's, by creation time or by name. */
function listIndex(list: VariantList): TableIndex {
  if (list.productId === null) return list.sortBy === 'name' ? VARIANT_LIST_INDEXES.byName : VARIANT_LIST_INDEXES.byCreated;
  return list.sortBy === 'name' ? VARIANT_LIST_INDEXES.productByName : VARIANT_LIST_INDEXES.productByCreated;
}

const VARIANT_PREFIX = keys.variant('', '', '').sk;
const MAX_PARTITION_KEY_BYTES = 2048;
const MAX_SORT_KEY_BYTES = 1024;

/**
 * Up to `count` items of an index Query, as they come: one page unless the items are so large
 * that a 1 MB page holds fewer (then the next page continues from where it stopped).
 */
async function queryUpTo(count: number, input: Omit<QueryCommandInput, 'TableName' | 'Limit'>): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start = input.ExclusiveStartKey;
  do {
    const page = await documentClient().send(
      new QueryCommand({ ...input, TableName: tableName(), Limit: count - items.length, ...(start ? { ExclusiveStartKey: start } : {}) }),
    );
    items.push(...((page.Items ?? []) as Record<string, unknown>[]));
    start = page.LastEvaluatedKey;
  } while (start && items.length < count);
  return items;
}
