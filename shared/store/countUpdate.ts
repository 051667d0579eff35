import type { Key } from '#shared/store/keys';
import type { NamedWrite } from '#shared/store/transactions';

/**
 * A count item moved by `by`, in the transaction that makes or removes what it counts (see
 * itemCounts and recordCounts): the first such write makes the item, so each names its type and
 * tenant; `also` are counters of that item that grow by one with every such write.
 * `ADD <counter> :by` alone is what the import's grouped writes may merge (writeGroups mergeKey).
 */
export function countAdded<Name extends string>(
  TableName: string,
  Key: Key,
  count: { type: string; tenantId: string; counter: string; by: number; also?: readonly string[] },
  name: Name,
): NamedWrite<Name> {
  const also = count.also ?? [];
  return {
    name,
    action: {
      Update: {
        TableName,
        Key,
        UpdateExpression: `SET #type = :type, tenantId = :tenant ADD ${[`${count.counter} :by`, ...also.map((counter) => `${counter} :one`)].join(', ')}`,
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: {
          ':type': count.type,
          ':tenant': count.tenantId,
          ':by': count.by,
          ...(also.length > 0 ? { ':one': 1 } : {}),
        },
      },
    },
  };
}
