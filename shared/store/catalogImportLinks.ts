import type { ImportLedgerStore, LinkPutOutcome } from '#shared/domain/catalogImportEntries';
import type { VariantInventoryLink } from '#shared/domain/inventoryLink';
import { readKeys } from '#shared/store/batchReads';
import { tableName } from '#shared/store/client';
import { VariantInventoryLinkItem } from '#shared/store/entities';
import { fromItem } from '#shared/store/items';
import { keys, type Key } from '#shared/store/keys';
import { itemLinked, linkPuts } from '#shared/store/linkCopies';
import type { NamedWrite } from '#shared/store/transactions';
import { commitInGroups } from '#shared/store/writeGroups';

type Refusal = 'product' | 'variant' | 'item' | 'changed';

/**
 * The import's links, many at once: the pairs' links read 100 to a BatchGet, and put many to a
 * transaction (see writeGroups), each with the writes Medusa's link create commits. In a group, the
 * checks of one product or variant are one check, and the link versions of one item one addition.
 */
export const importLinkStore: Pick<ImportLedgerStore, 'readLinks' | 'putLinks'> = {
  async readLinks(links) {
    const items = await readKeys(
      links.map((link) => keys.variantInventoryLink(link.tenantId, link.productId, link.variantId, link.inventoryItemId)),
    );
    return items.map((item) => item && fromItem(VariantInventoryLinkItem, item));
  },

  async putLinks(puts) {
    const TableName = tableName();
    const outcomes = await commitInGroups(puts.map(({ link, read }) => linkWrites(TableName, link, read)));
    return outcomes.map((outcome): LinkPutOutcome => {
      if ('written' in outcome) return 'written';
      if ('failed' in outcome) return outcome;
      return outcome.refused;
    });
  },
};

/** As Medusa's create writes it (product, variant and item there; one link per pair, held by its key), over the pair's link as read. */
function linkWrites(TableName: string, link: VariantInventoryLink, read: VariantInventoryLink | undefined): NamedWrite<Refusal>[] {
  const exists = (name: 'product' | 'variant', Key: Key): NamedWrite<typeof name> => ({
    name,
    action: { ConditionCheck: { TableName, Key, ConditionExpression: 'attribute_exists(pk)' } },
  });
  return [
    exists('product', keys.product(link.tenantId, link.productId)),
    exists('variant', keys.variant(link.tenantId, link.productId, link.variantId)),
    // The item exists and its link version moves (see linkCopies): its delete never leaves this link behind.
    itemLinked(TableName, link.tenantId, link.inventoryItemId, 1, 'item'),
    ...linkPuts(
      TableName,
      'changed',
      link,
      read
        ? {
            ConditionExpression: '#id = :read AND requiredQuantity = :quantity',
            ExpressionAttributeNames: { '#id': 'id' },
            ExpressionAttributeValues: { ':read': read.id, ':quantity': read.requiredQuantity },
          }
        : { ConditionExpression: 'attribute_not_exists(pk)' },
    ),
  ];
}
