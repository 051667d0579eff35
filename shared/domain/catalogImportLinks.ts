import { nowIso } from '#shared/domain/catalog';
import type { ImportedLink, ImportLedgerStore, LinkPutOutcome } from '#shared/domain/catalogImportEntries';
import { decideInGroups, type Outcome } from '#shared/domain/catalogImportGrouped';
import { NotFoundError } from '#shared/domain/errors';
import type { VariantInventoryLink } from '#shared/domain/inventoryLink';

/**
 * A link is put as Medusa's link create puts one (product, variant and item must exist; one link
 * per variant and item), only when it differs from the pair's link (its ID or required quantity).
 * The document's links are read together and put many to a transaction (decideInGroups), each over
 * its pair's link as read.
 */

type Put = { link: VariantInventoryLink; read: VariantInventoryLink | undefined };

export function importLinks(store: ImportLedgerStore, wanted: readonly ImportedLink[]): Promise<Outcome[]> {
  return decideInGroups<ImportedLink, VariantInventoryLink | undefined, Put, LinkPutOutcome>(wanted, {
    read: (links) => store.readLinks(links),
    decide: (link, read) => {
      if (read && read.id === link.id && read.requiredQuantity === link.requiredQuantity) return { outcome: { result: 'unchanged' } };
      const at = nowIso();
      const put = { ...link, createdAt: read?.id === link.id ? read.createdAt : at, updatedAt: at };
      return { change: { link: put, read }, written: { result: read ? 'updated' : 'created' } };
    },
    write: (puts) => store.putLinks(puts),
    refusedBy: (refused, link) => {
      if (refused === 'product') return new NotFoundError('Product', link.productId);
      if (refused === 'variant') return new NotFoundError('Variant', link.variantId, { productId: link.productId });
      if (refused === 'item') return new NotFoundError('InventoryItem', link.inventoryItemId);
      return undefined;
    },
    // One link per variant and item.
    key: (link) => `${link.productId}\u0000${link.variantId}\u0000${link.inventoryItemId}`,
    transient: store.transient,
  });
}
