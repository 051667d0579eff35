import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { RecordOwner } from '#shared/domain/inventoryRecord';
import { documentClient, tableName } from '#shared/store/client';
import { checkpointKeys, type MigrationStep, type Outcome } from '#shared/store/migration/runner';
import { RECORD_COUNT_TYPE, recordCountKey, recordCountRange } from '#shared/store/recordCounts';
import { ENTITY, TABLE } from '#shared/store/table';
import { commit } from '#shared/store/transactions';

type Item = Record<string, unknown>;

/** Attempts at one owner while record writes keep changing its count between the read and the write. */
const ATTEMPTS = 5;

/**
 * Every variant and product gets the count of its OrderCloud records (see shared/store/recordCounts):
 * one consistent Query of the owner's count item and records (the count item first: it sorts
 * before them), then the count is SET and marked exact only if no record write came in between
 * (`changes` as read; every record write adds one to it). Run again, it finds the counts right.
 */
export const recordCounts: MigrationStep = {
  name: 'ordercloud-record-counts',
  types: [ENTITY.Product, ENTITY.Variant],
  async migrate(item): Promise<Outcome> {
    const tenantId = String(item.tenantId);
    const owner: RecordOwner =
      item[TABLE.typeAttribute] === ENTITY.Product
        ? { productId: String(item.id), variantId: null }
        : { productId: String(item.productId), variantId: String(item.id) };
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const { counter, records } = await readOwnerRecords(tenantId, owner);
      if (counter?.exact === true && counter.recordCount === records) return 'already';
      if (!counter && records === 0) return 'already';
      const seen = typeof counter?.changes === 'number' ? counter.changes : undefined;
      const refused = await commit([
        {
          name: 'count',
          action: {
            Update: {
              TableName: tableName(),
              Key: recordCountKey(tenantId, owner),
              UpdateExpression: 'SET #type = :type, tenantId = :tenant, recordCount = :count, exact = :exact, changes = :changes',
              ConditionExpression: seen === undefined ? 'attribute_not_exists(changes)' : 'changes = :seen',
              ExpressionAttributeNames: { '#type': TABLE.typeAttribute },
              ExpressionAttributeValues: {
                ':type': RECORD_COUNT_TYPE,
                ':tenant': tenantId,
                ':count': records,
                ':exact': true,
                ':changes': (seen ?? 0) + 1,
                ...(seen === undefined ? {} : { ':seen': seen }),
              },
            },
          },
        },
      ]);
      if (!refused) return 'migrated';
    }
    throw new Error('its records kept changing during the migration; run it again');
  },
};

/** The owner's count item and how many records it holds, in one consistent Query (paged past 1 MB). */
async function readOwnerRecords(tenantId: string, owner: RecordOwner): Promise<{ counter: Item | undefined; records: number }> {
  const range = recordCountRange(tenantId, owner);
  let counter: Item | undefined;
  let records = 0;
  let start: Item | undefined;
  do {
    const page = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :count AND :last',
        ProjectionExpression: '#type, recordCount, changes, exact',
        ExpressionAttributeNames: { '#pk': TABLE.partitionKey, '#sk': TABLE.sortKey, '#type': TABLE.typeAttribute },
        ExpressionAttributeValues: { ':pk': range.pk, ':count': range.count, ':last': range.last },
        ConsistentRead: true,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    for (const found of (page.Items ?? []) as Item[]) {
      if (found[TABLE.typeAttribute] === RECORD_COUNT_TYPE) counter = found;
      else if (found[TABLE.typeAttribute] === ENTITY.InventoryRecord) records += 1;
    }
    start = page.LastEvaluatedKey as Item | undefined;
  } while (start);
  return { counter, records };
}

/** Tables whose count migration has run to its end (it never runs back): remembered for the container's life. */
const migratedTables = new Set<string>();

/**
 * Whether the count migration has run over the whole table, from its checkpoints: then every count
 * item counts its owner's records, and an owner without one holds none. `checkpoints` are the items
 * read for the keys of `migrationCheckpointKeys()` (the caller reads them beside its own reads).
 */
export function recordCountsMigrated(checkpoints?: (Item | undefined)[]): boolean {
  const table = tableName();
  if (migratedTables.has(table)) return true;
  if (checkpoints === undefined || checkpoints.length === 0 || !checkpoints.every((item) => item?.done === true)) return false;
  migratedTables.add(table);
  return true;
}

/** The checkpoint keys to read beside a list's page, until the migration is known to be done. */
export const migrationCheckpointKeys = () => (migratedTables.has(tableName()) ? [] : checkpointKeys(recordCounts.name));

/** Reads the checkpoints alone (for tools and tests that have nothing else to read). */
export async function readRecordCountsMigrated(): Promise<boolean> {
  const keys = migrationCheckpointKeys();
  if (keys.length === 0) return true;
  const found = await documentClient().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys, ConsistentRead: true } } }));
  const items = (found.Responses?.[tableName()] ?? []) as Item[];
  return recordCountsMigrated(keys.map((key) => items.find((item) => item.sk === key.sk)));
}
