import type { Reply } from '#test/support/http';
import { tenantItems } from '#test/support/tenants';

/**
 * The tenant's table as a comparable set, to compare two imports of one document (grouped, and one
 * transaction per entry): random IDs, timestamps and the tenant's ID masked, items in order. The
 * tenant's item count is compared by its total: its shards follow the random IDs of own items.
 */
export async function importedContents(tenantId: string): Promise<string[]> {
  const items = (await tenantItems(tenantId)).filter((item) => item.type !== 'IdempotencyRecord');
  const itemCount = items.reduce((sum, item) => sum + (item.type === 'ItemCount' ? Number(item.itemCount ?? 0) : 0), 0);
  return [...items.filter((item) => item.type !== 'ItemCount'), { type: 'ItemCount', itemCount }]
    .map((item) =>
      JSON.stringify(item, (_key, value: unknown) =>
        value !== null && typeof value === 'object' && !Array.isArray(value)
          ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
          : value,
      )
        .replaceAll(tenantId, 'T')
        .replace(/inv_[0-9a-f]{32}/g, 'inv_*')
        .replace(/(iitem|pvitem|ilev)_[0-9A-Z]{26}/g, '$1_*')
        .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, 'TS'),
    )
    .sort();
}

/** An import's report with the tenant's ID masked. */
export const importReport = (reply: Reply, tenantId: string) => JSON.parse(JSON.stringify(reply.body).replaceAll(tenantId, 'T'));
