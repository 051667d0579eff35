/** A tenant's partitions as the bench's writes name them: recorded, copied into a twin tenant, removed. */
import { paginateQuery, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { partitionsWritten } from '#scripts/local/partitionsWritten';
import { deleteMany } from '#shared/store/batch';
import { TABLE, writeAll } from './harness.ts';

type Item = Record<string, unknown>;

/** Partitions of `tenantId` written through `clients` (those `except` names left out), from now until `take`n. */
export function recordPartitions(
  clients: readonly DynamoDBDocumentClient[],
  tenantId: string,
  except: (pk: string) => boolean = () => false,
) {
  let partitions = new Set<string>();
  const name = `benchPartitions_${tenantId}`;
  for (const client of clients) {
    client.middlewareStack.add(
      (next) => async (args) => {
        for (const pk of partitionsWritten(args.input as Record<string, unknown>)) {
          if ((pk.startsWith(`TENANT#${tenantId}#`) || pk === `TENANT#${tenantId}`) && !except(pk)) partitions.add(pk);
        }
        return next(args);
      },
      { step: 'initialize', name },
    );
  }
  return {
    take(): string[] {
      const taken = [...partitions];
      partitions = new Set();
      return taken;
    },
    stop() {
      for (const client of clients) client.middlewareStack.remove(name);
    },
  };
}

async function eachPage(raw: DynamoDBDocumentClient, pk: string, projection: string | undefined, visit: (items: Item[]) => Promise<void>) {
  const pages = paginateQuery(
    { client: raw },
    {
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ...(projection ? { ProjectionExpression: projection } : {}),
    },
  );
  for await (const page of pages) await visit((page.Items ?? []) as Item[]);
}

export async function removePartitions(raw: DynamoDBDocumentClient, partitions: readonly string[]) {
  for (const pk of partitions) await eachPage(raw, pk, 'pk, sk', (items) => deleteMany(raw, TABLE, items as { pk: string; sk: string }[]));
}

/**
 * Every item of the partitions, written again with `from` replaced by `to` wherever it appears
 * (keys, index keys, attributes): a twin tenant holding exactly what the first holds, generated
 * IDs included, so that the same calls retargeted find the same items.
 */
export async function copyPartitions(raw: DynamoDBDocumentClient, partitions: readonly string[], from: string, to: string) {
  for (const pk of partitions) {
    await eachPage(raw, pk, undefined, (items) =>
      writeAll(
        raw,
        items.map((item) => JSON.parse(JSON.stringify(item).replaceAll(from, to)) as Item),
      ),
    );
  }
}
