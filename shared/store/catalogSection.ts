import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '#shared/store/client';
import { CATALOG_SECTIONS, catalogEntry } from '#shared/store/catalogIndexKeys';
import { INDEXES } from '#shared/store/table';

type Item = Record<string, unknown>;

const INDEX = INDEXES.find((index) => index.name === 'catalog')!;

/**
 * Every root of one kind in a tenant's catalog (locations or inventory items), by ID: a Query of
 * the `catalog` index on the tenant's partition and the section's key prefix, every page of it.
 * Its cost is the section's size (one read unit per 8 KB, eventually consistent, as an index is).
 */
export async function readCatalogSection(tenantId: string, section: 'location' | 'inventoryItem'): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: INDEX.name,
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :section)',
        ExpressionAttributeNames: { '#pk': INDEX.partitionKey, '#sk': INDEX.sortKey },
        ExpressionAttributeValues: { ':pk': catalogEntry.partition(tenantId), ':section': CATALOG_SECTIONS[section] },
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    items.push(...((page.Items ?? []) as Item[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
