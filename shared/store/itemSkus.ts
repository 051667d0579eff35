import { ConflictError, IDENTITY_RULES } from '#shared/domain/errors';
import { toItem } from '#shared/store/items';
import { keys } from '#shared/store/keys';
import { ENTITY } from '#shared/store/table';
import type { NamedWrite } from '#shared/store/transactions';

type Item = Record<string, unknown>;

/**
 * Medusa's rule: an inventory item's SKU is unique within its tenant (case-sensitive, the empty
 * SKU included; items without one are free). An item of no product holds its SKU through a guard
 * item keyed by the SKU (`ITEMSKU#<sku>`, naming the item), written in the transaction of every
 * write that gives or takes its SKU: Medusa's create, update and delete, the import, the fixtures.
 * A variant's (or product's) own item takes no guard: it carries its variant's SKU, which the
 * variant's own guard (`SKU#<sku>`) holds among variants, and stocking a variant through any API
 * is never refused for an item's SKU (see docs/medusa.md, deliberately different).
 */
export interface SkuHolder {
  tenantId: string;
  id: string;
  sku: string | null;
  owner?: { productId: string; variantId: string | null } | undefined;
}

export const itemSkuGuard = (item: SkuHolder & { sku: string }): Item =>
  toItem(ENTITY.ItemSkuGuard, keys.itemSkuGuard(item.tenantId, item.sku), { tenantId: item.tenantId, sku: item.sku, itemId: item.id });

/**
 * The writes that move an item's SKU from `before` to `after` (either absent: created, deleted).
 * An item of no product takes the new SKU's guard (free, or its own already) and frees the old
 * one (if still its own; absent on items stored before the guards). Refused as `name` when the
 * new SKU is held; as `released` when the old SKU's guard is another item's (two items stored
 * with one SKU before the guards: see releasedElsewhere).
 */
export function itemSkuWrites<Name extends string, Released extends string = Name>(
  table: string,
  name: Name,
  before: SkuHolder | undefined,
  after: SkuHolder | undefined,
  released?: Released,
): NamedWrite<Name | Released>[] {
  const from = before && !before.owner ? before.sku : null;
  const to = after && !after.owner ? after.sku : null;
  if (from === to) return [];
  const mine = (holder: SkuHolder) => ({
    ConditionExpression: 'attribute_not_exists(pk) OR itemId = :id',
    ExpressionAttributeValues: { ':id': holder.id },
  });
  const writes: NamedWrite<Name | Released>[] = [];
  if (before && from !== null)
    writes.push({
      name: released ?? name,
      action: { Delete: { TableName: table, Key: keys.itemSkuGuard(before.tenantId, from), ...mine(before) } },
    });
  if (after && to !== null)
    writes.push({ name, action: { Put: { TableName: table, Item: itemSkuGuard({ ...after, sku: to }), ...mine(after) } } });
  return writes;
}

/**
 * The writes without the release of the old SKU, once it was refused as `released`: that guard is
 * another item's (the migration reported the pair), so the item had nothing to free.
 */
export const releasedElsewhere = <Name extends string>(writes: NamedWrite<Name>[], released: Name): NamedWrite<Name>[] =>
  writes.filter((write) => write.name !== released);

export const itemSkuTaken = (sku: string) =>
  new ConflictError(IDENTITY_RULES.itemSkuPerTenant, `Inventory item SKU ${sku} is held by another item`, { sku });
