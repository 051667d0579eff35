import type { Attach } from '#shared/domain/attachment';
import { nowIso } from '#shared/domain/catalog';
import { retryOnConcurrentChange } from '#shared/domain/concurrency';
import { BusinessRuleError, NotFoundError } from '#shared/domain/errors';
import { linkTimes, newLinkId, type InventoryLinkStore, type VariantInventoryLink } from '#shared/domain/inventoryLink';

/** Most links one batch may create, update and delete together: each is one action of one transaction. */
export const MAX_BATCH_LINKS = 30;

export interface LinkBatch {
  productId: string;
  create: { variantId: string; inventoryItemId: string; requiredQuantity: number }[];
  update: { variantId: string; inventoryItemId: string; requiredQuantity: number }[];
  delete: { variantId: string; inventoryItemId: string }[];
}

/** What the batch was asked, as Medusa answers it: each entry echoed, once it is all written. */
export type LinkBatchResult = Pick<LinkBatch, 'create' | 'update' | 'delete'>;

const pairOf = (entry: { variantId: string; inventoryItemId: string }) => `${entry.variantId}\u0000${entry.inventoryItemId}`;

/**
 * Creates, updates and deletes links of the product's variants all at once (one transaction),
 * as Medusa's batch does. Creating a pair that is linked replaces its link with a new ID, as the
 * single route does; updating a pair that is not linked (or twice in one batch, as Medusa looks its
 * links up as a set) is Medusa's 404; deleting one that is not linked, or twice, removes nothing more.
 * A pair that is created may not appear again in the batch (Medusa answers 500 there; the key holds
 * one link per pair); a pair updated and deleted is deleted.
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
  const pairs = entries.map(pairOf);
  const repeated = batch.create.find((_, index) => pairs.indexOf(pairs[index]!, index + 1) !== -1);
  if (repeated) {
    const { variantId, inventoryItemId } = repeated;
    throw new BusinessRuleError('batch-repeats-link', `The batch names the link of ${variantId} and ${inventoryItemId} twice`, {
      variantId,
      inventoryItemId,
    });
  }
  const updatePairs = batch.update.map(pairOf);
  const updatedTwice = batch.update.find((_, index) => updatePairs.indexOf(updatePairs[index]!) !== index);
  if (updatedTwice) throw new NotFoundError('VariantInventoryLink', updatedTwice.inventoryItemId);
  const result = { create: batch.create, update: batch.update, delete: batch.delete };
  if (entries.length === 0) return result;

  return retryOnConcurrentChange(async () => {
    const targets = await store.readBatchTargets(
      tenantId,
      batch.productId,
      [...new Set(entries.map((entry) => entry.variantId))],
      [...new Set(batch.create.map((entry) => entry.inventoryItemId))],
    );
    if (!targets.productExists) throw new NotFoundError('Product', batch.productId);
    const existingLink = (entry: { variantId: string; inventoryItemId: string }) =>
      targets.variants.get(entry.variantId)?.links.find((link) => link.inventoryItemId === entry.inventoryItemId);
    const now = nowIso();
    const put = batch.create.map((entry): VariantInventoryLink => {
      const target = targets.variants.get(entry.variantId);
      if (!target) throw new NotFoundError('Variant', entry.variantId);
      if (!targets.itemIds.has(entry.inventoryItemId)) throw new NotFoundError('InventoryItem', entry.inventoryItemId);
      return {
        id: newLinkId(),
        tenantId,
        productId: batch.productId,
        variantId: entry.variantId,
        inventoryItemId: entry.inventoryItemId,
        requiredQuantity: entry.requiredQuantity,
        ...linkTimes(entry.inventoryItemId, target.links, target.formerLinks, now),
      };
    });
    const deleting = new Set(batch.delete.map(pairOf));
    const update = batch.update.flatMap((entry) => {
      const existing = existingLink(entry);
      if (!existing) throw new NotFoundError('VariantInventoryLink', entry.inventoryItemId);
      // Updated then deleted: only the delete is written (one action per link in a transaction).
      if (deleting.has(pairOf(entry))) return [];
      return [{ ...existing, id: newLinkId(), requiredQuantity: entry.requiredQuantity }];
    });
    const remove = [...new Map(batch.delete.map((entry) => [pairOf(entry), existingLink(entry)])).values()].filter(
      (link): link is VariantInventoryLink => link !== undefined,
    );
    if (put.length + update.length + remove.length > 0) await store.writeLinkBatch({ put, update, remove }, attach?.(result));
    return result;
  });
}
