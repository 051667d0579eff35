import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { partitionsWritten } from '#scripts/local/partitionsWritten';
import { tenantRoot } from '#shared/store/keys';

/**
 * Every partition key a write of this test process has named, by tenant: a tenant's snapshot
 * then Queries those partitions instead of scanning the file's whole table, so its cost grows
 * with the tenant, not with everything the file wrote before it.
 *
 * It sees the writes of every DynamoDB client of the process (the handlers', the tests', the
 * scripts'), as it wraps `send` on both client classes. A writer outside the process (a child
 * process) is not seen: `unseenPartitions` finds such partitions, and each file checks it once
 * at its end (handlerEnv.ts).
 */
const partitionsByTenant = new Map<string, Set<string>>();

/** The tenant partitions `tenantId` has been written to, as far as this process saw. */
export function writtenPartitions(tenantId: string): string[] {
  return [...(partitionsByTenant.get(tenantOf(tenantRoot(tenantId))!) ?? [])];
}

/** Tenants whose snapshot was taken by partition: the ones whose partitions must all have been seen. */
const snapshotted = new Set<string>();

export function noteSnapshot(tenantId: string): void {
  snapshotted.add(tenantOf(tenantRoot(tenantId))!);
}

/** Whether any snapshot was taken by partition in this file, so its partitions must be checked. */
export const anySnapshots = () => snapshotted.size > 0;

/** Partitions in `items` (a scan of the table) of a snapshotted tenant that no write of this process named. */
export function unseenPartitions(items: readonly Record<string, unknown>[]): string[] {
  const unseen = new Set<string>();
  for (const { pk } of items) {
    const tenant = tenantOf(String(pk));
    if (tenant !== undefined && snapshotted.has(tenant) && !partitionsByTenant.get(tenant)?.has(String(pk))) unseen.add(String(pk));
  }
  return [...unseen];
}

/** The tenant part of a partition key, as keys.ts writes it (`TENANT#<tenant>` or `TENANT#<tenant>#…`). */
function tenantOf(pk: string): string | undefined {
  const [root, tenant] = pk.split('#');
  return root === 'TENANT' && tenant !== undefined ? tenant : undefined;
}

function note(pk: string): void {
  const tenant = tenantOf(pk);
  if (tenant === undefined) return;
  let partitions = partitionsByTenant.get(tenant);
  if (!partitions) partitionsByTenant.set(tenant, (partitions = new Set()));
  partitions.add(pk);
}

type Input = Record<string, any>;

for (const Client of [DynamoDBDocumentClient, DynamoDBClient] as const) {
  const send = Object.getPrototypeOf(Client.prototype).send as (...args: unknown[]) => unknown;
  Object.defineProperty(Client.prototype, 'send', {
    configurable: true,
    writable: true,
    value: function (this: unknown, command: { input?: Input }, ...rest: unknown[]) {
      for (const pk of partitionsWritten(command?.input)) note(pk);
      return send.call(this, command, ...rest);
    },
  });
}
