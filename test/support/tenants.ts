import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { mintToken, type TokenOptions } from '#scripts/local/devIssuer';
import { createDocumentClient } from '#shared/store/client';
import { loadFixtures, type TenantFixture } from '#shared/store/fixtures';
import { keys } from '#shared/store/keys';

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

export function tokenFor(tenantId: string, options: TokenOptions = {}): string {
  return mintToken(inject('devIssuer'), { tenantId, ...options });
}

export const bearer = (token: string) => `Bearer ${token}`;

/**
 * Every item of a tenant, sorted by key: compare snapshots to prove nothing was written.
 * A merchant key's `lastUsedAt` is left out: the ShopSynch key check notes a key's use (at
 * most hourly) before the route decides, so a refused request may note it too. That note is
 * bookkeeping of the key, not a change the request made.
 */
export async function tenantItems(tenantId: string): Promise<Record<string, unknown>[]> {
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

async function scanAll(filter: { FilterExpression?: string; ExpressionAttributeValues?: Record<string, unknown> }) {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({ TableName: table, ...filter, ConsistentRead: true, ...(start ? { ExclusiveStartKey: start } : {}) }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
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
