import type { Attach } from '#shared/domain/attachment';
import { nowIso, type Variant } from '#shared/domain/catalog';
import { retryOnConcurrentChange } from '#shared/domain/concurrency';
import { BusinessRuleError, NotFoundError } from '#shared/domain/errors';
import { newLinkId, type InventoryLinkStore, type VariantInventoryLink } from '#shared/domain/inventoryLink';

/** Most links one batch may create, update and delete together: each is one action of one transaction. */
export const MAX_BATCH_LINKS = 30;

export interface LinkBatch {
  productId: string;
  create: { variantId: string; inventoryItemId: string; requiredQuantity: number }[];
  update: { variantId: string; inventoryItemId: string; requiredQuantity: number }[];
  delete: { variantId: string; inventoryItemId: string }[];
}

/** Each link the batch wrote or removed, with its variant. */
export interface BatchedLink {
  link: VariantInventoryLink;
  variant: Variant;
}

export interface LinkBatchResult {
  created: BatchedLink[];
  updated: BatchedLink[];
  deleted: BatchedLink[];
}

/**
 * Creates, updates and deletes links of the product's variants all at once (one transaction),
 * as Medusa's batch does. Creating a pair that is linked replaces its link with a new ID, as the
 * single route does; updating or deleting a pair that is not linked is a 404. A pair may appear
 * once per batch: the key holds one link per pair.
 */
export async function batchVariantInventoryItems(
  store: InventoryLinkStore,
  tenantId: string,
  batch: LinkBatch,
  attach?: Attach<LinkBatchResult>,
): Promise<LinkBatchResult> {
  const entries = [...batch.create, ...batch.update, ...batch.delete];
  if (entries.length > MAX_BATCH_LINKS)
    throw new BusinessRuleError('batch-too-large', `A batch of ${entries.length} links exceeds ${MAX_BATCH_LINKS}`, {
      size: entries.length,
      maximum: MAX_BATCH_LINKS,
    });
  const pairs = entries.map((entry) => `${entry.variantId}\u0000${entry.inventoryItemId}`);
  const repeated = entries.find((_, index) => pairs.indexOf(pairs[index]!) !== index);
  if (repeated) {
    const { variantId, inventoryItemId } = repeated;
    throw new BusinessRuleError('batch-repeats-link', `The batch names the link of ${variantId} and ${inventoryItemId} twice`, {
      variantId,
      inventoryItemId,
    });
  }
  if (entries.length === 0) return { created: [], updated: [], deleted: [] };

  return retryOnConcurrentChange(async () => {
    const targets = await store.readBatchTargets(
      tenantId,
      batch.productId,
      [...new Set(entries.map((entry) => entry.variantId))],
      [...new Set(batch.create.map((entry) => entry.inventoryItemId))],
    );
    if (!targets.productExists) throw new NotFoundError('Product', batch.productId);
    const target = (entry: { variantId: string; inventoryItemId: string }) => {
      const found = targets.variants.get(entry.variantId);
      if (!found) throw new NotFoundError('Variant', entry.variantId);
      return { variant: found.variant, existing: found.links.find((link) => link.inventoryItemId === entry.inventoryItemId) };
    };
    const now = nowIso();
    const created = batch.create.map((entry) => {
      const { variant } = target(entry);
      if (!targets.itemIds.has(entry.inventoryItemId)) throw new NotFoundError('InventoryItem', entry.inventoryItemId);
      const link: VariantInventoryLink = {
        id: newLinkId(),
        tenantId,
        productId: batch.productId,
        variantId: entry.variantId,
        inventoryItemId: entry.inventoryItemId,
        requiredQuantity: entry.requiredQuantity,
        createdAt: now,
        updatedAt: now,
      };
      return { link, variant };
    });
    const existingOf = (entry: { variantId: string; inventoryItemId: string }) => {
      const { variant, existing } = target(entry);
      if (!existing) throw new NotFoundError('VariantInventoryLink', entry.inventoryItemId);
      return { variant, existing };
    };
    const updated = batch.update.map((entry) => {
      const { variant, existing } = existingOf(entry);
      return { link: { ...existing, requiredQuantity: entry.requiredQuantity, updatedAt: now }, variant };
    });
    const deleted = batch.delete.map((entry) => {
      const { variant, existing } = existingOf(entry);
      return { link: existing, variant };
    });
    const result = { created, updated, deleted };
    await store.writeLinkBatch(
      { put: created.map(({ link }) => link), update: updated.map(({ link }) => link), remove: deleted.map(({ link }) => link) },
      attach?.(result),
    );
    return result;
  });
}
