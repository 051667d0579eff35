import type { ProductType } from '#shared/domain/catalog';
import { stripeRename, type CatalogEntry, type EntryOutcome } from '#shared/domain/catalogImport';
import { catalogItem } from '#shared/store/catalogItems';
import { placement, type ImportContext } from '#shared/store/catalogPlacement';
import { nextRevision, sameFields, upsertAction } from '#shared/store/catalogUpsert';
import { tableName } from '#shared/store/client';
import { itemCounted } from '#shared/store/itemCounts';
import { itemSkuWrites, type SkuHolder } from '#shared/store/itemSkus';
import { keys } from '#shared/store/keys';
import { typeChangeCondition, typeChangeRefusal, variantAdded, withCondition } from '#shared/store/productCounters';
import { stripeChangeTaskPut } from '#shared/store/stripeSync';
import type { NamedWrite } from '#shared/store/transactions';

type Item = Record<string, unknown>;

/** The writes of one entry, each named so that a refusal names the rule (see entryRefusal). */
export type EntryWriteName = 'entry' | 'variantId' | 'sku' | 'previousSku' | 'stripeTask' | 'product';

/**
 * What one entry asks of the store, over the item as read (`stored`): nothing (it holds the entry
 * already, or a rule refuses it as read), or its writes, all or nothing: the entry's Update over
 * the revision read, and for a variant its product's count (new variant), its ID and SKU guards and
 * its Stripe change. `created`: the entry's item did not exist as read.
 */
export function entryWrites(
  context: ImportContext,
  entry: Exclude<CatalogEntry, { entity: 'merchantApiKey' }>,
  stored: Item | undefined,
): { outcome: EntryOutcome } | { writes: NamedWrite<EntryWriteName>[]; created: boolean } {
  const { tenantId, now } = context;
  const place = placement(context, entry);
  if (stored && sameFields(stored, place)) return { outcome: { result: 'unchanged' } };
  let update = upsertAction(tableName(), place, stored, now);
  if (entry.entity === 'product' && stored) {
    // A type change is conditional on what it leaves behind (see productCounters): refused here as read, held by the write.
    const change = typeChangeCondition(stored.productType as ProductType, entry.fields.productType);
    if (change && typeChangeForbidden(stored, entry.fields.productType))
      return { outcome: { result: 'refused', reason: typeChangeRefusal(stored, entry.fields.productType) } };
    if (change) update = withCondition(update, change);
  }
  const writes: NamedWrite<EntryWriteName>[] = [{ name: 'entry', action: { Update: update } }];
  // A new variant counts on its product, which must be VARIABLE (see productCounters).
  if (entry.entity === 'variant' && !stored) writes.push(variantAdded(tableName(), { tenantId, productId: entry.productId }, 'product'));
  if (entry.entity === 'variant') {
    // Its ID is the tenant's for this variant alone: free, or already this product's.
    writes.push({
      name: 'variantId',
      action: {
        Put: {
          TableName: tableName(),
          Item: catalogItem.variantIdGuard({ tenantId, productId: entry.productId, id: entry.id }),
          ConditionExpression: 'attribute_not_exists(pk) OR productId = :productId',
          ExpressionAttributeValues: { ':productId': entry.productId },
        },
      },
    });
    writes.push(...skuGuardWrites(tenantId, entry, stored));
    const task = stripeRename(
      tenantId,
      entry,
      stored && {
        name: String(stored.name),
        stripePriceId: typeof stored.stripePriceId === 'string' ? stored.stripePriceId : null,
        unitPriceCents: typeof stored.unitPriceCents === 'number' ? stored.unitPriceCents : null,
      },
      nextRevision(place, stored),
      now,
    );
    if (task) writes.push({ name: 'stripeTask', action: stripeChangeTaskPut(tableName(), task) });
  }
  if (entry.entity === 'inventoryItem') {
    writes.push(...importedItemSkuWrites(tenantId, entry, stored));
    // A new item, or one stored before the counts (which the write marks counted), counts in the tenant's items (see itemCounts).
    if (stored?.counted !== true) {
      writes.push(itemCounted(tableName(), tenantId, entry.id, 1, 'entry'));
      if (stored)
        writes[0] = {
          name: 'entry',
          action: { Update: withCondition(update, { condition: 'attribute_not_exists(counted)', values: {} }) },
        };
    }
  }
  return { writes, created: !stored };
}

/**
 * The refusal a refused write means for its entry, or undefined for 'entry', 'previousSku' and
 * 'stripeTask': the item changed since it was read, and is read again.
 */
export function entryRefusal(entry: CatalogEntry, refused: EntryWriteName): EntryOutcome | undefined {
  if (refused === 'sku' && entry.entity === 'variant')
    return { result: 'refused', reason: `SKU "${entry.fields.sku}" is held by another variant` };
  if (refused === 'sku' && entry.entity === 'inventoryItem')
    return { result: 'refused', reason: `SKU "${String(entry.fields.sku)}" is held by another inventory item` };
  if (refused === 'variantId') return { result: 'refused', reason: `variant ID "${entry.id}" is held by a variant of another product` };
  if (refused === 'product' && entry.entity === 'variant')
    return { result: 'refused', reason: `product "${entry.productId}" is not VARIABLE: only a VARIABLE product has variants` };
  return undefined;
}

/** The refusal of an entry that other writers kept changing through every attempt. */
export const keptChanging: EntryOutcome = { result: 'refused', reason: 'changed by another request during the import; import it again' };

/** Whether the product as read still holds what a change to `to` leaves behind (its counts are kept in its own writes). */
function typeChangeForbidden(stored: Item, to: ProductType): boolean {
  const held = to === 'VARIABLE' ? stored.levelCount : stored.variantCount;
  return typeof held === 'number' && held > 0;
}

/**
 * A variant's SKU is unique in its tenant through its guard item: taking a SKU is a Put
 * that only a free guard, or this variant's own, lets through; a SKU the variant gives up
 * is released only if the guard is still its own.
 */
function skuGuardWrites(
  tenantId: string,
  entry: Extract<CatalogEntry, { entity: 'variant' }>,
  stored: Item | undefined,
): NamedWrite<'sku' | 'previousSku'>[] {
  const sku = entry.fields.sku;
  const previous = typeof stored?.sku === 'string' ? stored.sku : null;
  if (stored && sku === previous) return [];
  const owner = { ':productId': entry.productId, ':variantId': entry.id };
  const ownCondition = 'attribute_not_exists(pk) OR (productId = :productId AND variantId = :variantId)';
  const writes: NamedWrite<'sku' | 'previousSku'>[] = [];
  if (sku !== null) {
    writes.push({
      name: 'sku',
      action: {
        Put: {
          TableName: tableName(),
          Item: catalogItem.skuGuard({ tenantId, productId: entry.productId, id: entry.id, sku }),
          ConditionExpression: ownCondition,
          ExpressionAttributeValues: owner,
        },
      },
    });
  }
  if (previous !== null) {
    writes.push({
      name: 'previousSku',
      action: {
        Delete: {
          TableName: tableName(),
          Key: keys.skuGuard(tenantId, previous),
          ConditionExpression: ownCondition,
          ExpressionAttributeValues: owner,
        },
      },
    });
  }
  return writes;
}

/** An imported item's SKU guard (see itemSkus.ts): its SKU before (as stored) and after, its owner as stored. */
function importedItemSkuWrites(
  tenantId: string,
  entry: Extract<CatalogEntry, { entity: 'inventoryItem' }>,
  stored: Item | undefined,
): NamedWrite<'sku'>[] {
  const owner = stored?.owner as SkuHolder['owner'];
  const before = stored && { tenantId, id: entry.id, sku: typeof stored.sku === 'string' ? stored.sku : null, owner };
  return itemSkuWrites(tableName(), 'sku', before, { tenantId, id: entry.id, sku: entry.fields.sku, owner });
}
