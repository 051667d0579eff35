import { randomUUID } from 'node:crypto';
import { paginateQuery, paginateScan } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { mintToken, type TokenOptions } from '#scripts/local/devIssuer';
import { createDocumentClient } from '#shared/store/client';
import { loadFixtures, type TenantFixture } from '#shared/store/fixtures';
import { keys } from '#shared/store/keys';
import { noteSnapshot, writtenPartitions } from '#test/support/writtenPartitions';

export const db = createDocumentClient({ endpoint: process.env.DYNAMODB_ENDPOINT! });
/** The test file's own table (see handlerEnv.ts). */
export const table = process.env.TABLE_NAME!;

/** A fresh, unique tenant id: tests never see each other's items. */
export const uniqueId = (prefix: string) => `${prefix}_${randomUUID().slice(0, 8)}`;

/** Loads a tenant's catalog into the shared test table under a unique id. */
export async function seedTenant(fixture: Omit<TenantFixture, 'id'> & { id?: string }): Promise<string> {
  const tenantId = fixture.id ?? uniqueId('tenant');
  await loadFixtures(db, table, { tenants: [{ ...fixture, id: tenantId }] });
  return tenantId;
}

/**
 * A valid token for the tenant. Signing (RSA) costs about a millisecond, more than the rest of a
 * rejected request: a token of the default lifetime is signed once per tenant and options and used
 * for ten minutes, as a client keeps its token. A token with its own lifetime, claims or header
 * (a test of expiry or of a hostile token) is signed every time.
 */
export function tokenFor(tenantId: string, options: TokenOptions = {}): string {
  if (options.expiresInSeconds !== undefined || options.claims || options.header)
    return mintToken(inject('devIssuer'), { tenantId, ...options });
  const key = JSON.stringify([tenantId, options.scope, options.roles]);
  const kept = signedTokens.get(key);
  if (kept && Date.now() - kept.signedAt < TOKEN_REUSE_MS) return kept.token;
  const token = mintToken(inject('devIssuer'), { tenantId, ...options });
  signedTokens.set(key, { token, signedAt: Date.now() });
  return token;
}

const TOKEN_REUSE_MS = 10 * 60_000;
const signedTokens = new Map<string, { token: string; signedAt: number }>();

export const bearer = (token: string) => `Bearer ${token}`;

/**
 * Every item of a tenant, sorted by key: compare snapshots to prove nothing was written.
 * It Queries each partition a write of this process named for the tenant (writtenPartitions.ts),
 * so its cost is the tenant's, not the file's table's; each file checks at its end that no item
 * of a tenant snapshotted this way lies in a partition it did not query (handlerEnv.ts).
 * A merchant key's `lastUsedAt` is left out: the ShopSynch key check notes a key's use (at
 * most hourly) before the route decides, so a refused request may note it too. That note is
 * bookkeeping of the key, not a change the request made.
 */
export async function tenantItems(tenantId: string): Promise<Record<string, unknown>[]> {
  noteSnapshot(tenantId);
  const partitions = [...new Set([keys.tenant(tenantId).pk, ...writtenPartitions(tenantId)])];
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < partitions.length; i += PARTITIONS_AT_ONCE) {
    const pages = await Promise.all(partitions.slice(i, i + PARTITIONS_AT_ONCE).map(partitionItems));
    items.push(...pages.flat());
  }
  return comparable(items);
}

/** Queries side by side in one snapshot: DynamoDB Local answers several at once. */
const PARTITIONS_AT_ONCE = 8;

async function partitionItems(pk: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  const pages = paginateQuery(
    { client: db },
    { TableName: table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true },
  );
  for await (const page of pages) items.push(...(page.Items ?? []));
  return items;
}

/**
 * Every item of a tenant by a Scan of the file's table: for a tenant written by another process
 * (the local API server), whose writes this process never sees.
 */
export async function tenantItemsByScan(tenantId: string): Promise<Record<string, unknown>[]> {
  const prefix = keys.tenant(tenantId).pk;
  return comparable(
    await scanAll({
      FilterExpression: 'pk = :root OR begins_with(pk, :children)',
      ExpressionAttributeValues: { ':root': prefix, ':children': `${prefix}#` },
    }),
  );
}

/**
 * Every tenant's items at once, by one walk of the file's table: for checks over many tenants
 * (the robustness suite's routes each have their own), where one snapshot before and one after
 * cost what one tenant's would, instead of one pair per tenant. The same items, and in the same
 * form, as tenantItems gives for each.
 */
export async function everyTenantsItems(): Promise<(tenantId: string) => Record<string, unknown>[]> {
  const byTenant = new Map<string, Record<string, unknown>[]>();
  for (const item of await scanAll({})) {
    const [root, tenant] = String(item.pk).split('#');
    if (root !== 'TENANT' || tenant === undefined) continue;
    byTenant.set(tenant, [...(byTenant.get(tenant) ?? []), item]);
  }
  return (tenantId) => comparable(byTenant.get(keys.tenant(tenantId).pk.split('#')[1]!) ?? []);
}

export async function scanAll(filter: { FilterExpression?: string; ExpressionAttributeValues?: Record<string, unknown> }) {
  const items: Record<string, unknown>[] = [];
  for await (const page of paginateScan({ client: db }, { TableName: table, ...filter, ConsistentRead: true }))
    items.push(...(page.Items ?? []));
  return items;
}

/** Sorted by key, a merchant key's use note left out (see tenantItems). */
function comparable(items: Record<string, unknown>[]): Record<string, unknown>[] {
  const withoutKeyUse = items.map((item) => {
    if (item.type !== 'MerchantApiKey') return item;
    const { lastUsedAt: _noted, ...key } = item;
    return key;
  });
  return withoutKeyUse.sort((a, b) => `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`));
}

export async function itemsOfType(tenantId: string, type: string) {
  return (await tenantItems(tenantId)).filter((item) => item.type === type);
}
