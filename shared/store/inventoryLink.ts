import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { ConcurrentChangeError, NotFoundError } from '#shared/domain/errors';
import type { Variant } from '#shared/domain/catalog';
import type { InventoryLinkStore, StockedItem, VariantInventoryLink } from '#shared/domain/inventoryLink';
import { getMany } from '#shared/store/batch';
import { documentClient, tableName } from '#shared/store/client';
import { InventoryItemItem, LocationLevelItem, VariantInventoryLinkItem, VariantItem } from '#shared/store/entities';
import { fromItem } from '#shared/store/items';
import { keys, type Key } from '#shared/store/keys';
import { ENTITY } from '#shared/store/table';
import { formerLinksOf, linkWritten } from '#shared/store/linkWritten';
import { itemLinked, linkDeletes, linkedVariantsOf, linkKey, linkPuts } from '#shared/store/linkCopies';
import { readProductVariantPage } from '#shared/store/productVariantPage';
import { commit, type NamedWrite } from '#shared/store/transactions';
import { sideBySide } from '#shared/domain/concurrency';

type Item = Record<string, unknown>;

/** Medusa's variant ↔ inventory item links, beside the variant in the product's partition; the key is the pair. */
export const inventoryLinkStore: InventoryLinkStore = {
  async readLinkTarget(tenantId, { productId, variantId, inventoryItemId }) {
    const [productExists, range, items] = await sideBySide([
      readProductExists(tenantId, productId),
      variantRange(tenantId, productId, variantId),
      readItems(tenantId, [inventoryItemId]),
    ]);
    const item = items.get(inventoryItemId);
    return { productExists, ...range, ...(item ? { item } : {}) };
  },

  readProductVariantPage,

  readInventoryItems: readItems,

  async readVariant(tenantId, productId, variantId, { withLinks }) {
    if (withLinks) return variantRange(tenantId, productId, variantId);
    const read = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: keys.variant(tenantId, productId, variantId), ConsistentRead: true }),
    );
    return { ...(read.Item ? { variant: fromItem(VariantItem, read.Item) } : {}), links: [] };
  },

  async readProductVariants(tenantId, productId) {
    const prefix = keys.variant(tenantId, productId, '').sk;
    const [productExists, range] = await sideBySide([
      readProductExists(tenantId, productId),
      queryAll({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :variants)',
        ExpressionAttributeValues: { ':pk': keys.product(tenantId, productId).pk, ':variants': prefix },
      }),
    ]);
    const links = new Map<string, VariantInventoryLink[]>();
    for (const item of range.filter((entry) => entry.type === ENTITY.VariantInventoryLink)) {
      const link = fromItem(VariantInventoryLinkItem, item);
      links.set(link.variantId, [...(links.get(link.variantId) ?? []), link]);
    }
    const variants = range
      .filter((entry) => entry.type === ENTITY.Variant)
      .map((item) => fromItem(VariantItem, item))
      .map((variant) => ({ variant, links: (links.get(variant.id) ?? []).sort(byCreation) }));
    return { productExists, variants };
  },

  async writeLink(link, attachment) {
    const TableName = tableName();
    const refused = await commit(
      [
        exists(TableName, 'product', keys.product(link.tenantId, link.productId)),
        { name: 'variant', action: linkWritten(TableName, link.tenantId, link.productId, link.variantId) },
        itemLinked(TableName, link.tenantId, link.inventoryItemId, 1, 'item'),
        // One link per pair, held by the key: a new link replaces the pair's previous one (and its copy).
        ...linkPuts(TableName, 'link', link),
      ],
      attachment,
    );
    if (refused === 'product') throw new NotFoundError('Product', link.productId);
    if (refused === 'variant') throw new NotFoundError('Variant', link.variantId);
    if (refused === 'item') throw new NotFoundError('InventoryItem', link.inventoryItemId);
  },

  async updateLink(link, attachment) {
    const refused = await commit(
      [
        {
          name: 'link',
          action: {
            Update: {
              TableName: tableName(),
              Key: linkKey(link),
              ...sameLink(link),
            },
          },
        },
      ],
      attachment,
    );
    if (refused === 'link') throw new ConcurrentChangeError('The link changed since it was read');
  },

  async deleteLink(link, attachment) {
    const refused = await commit(
      [
        { name: 'variant', action: linkWritten(tableName(), link.tenantId, link.productId, link.variantId, [link]) },
        ...linkDeletes(tableName(), 'link', link, unchanged(link)),
      ],
      attachment,
    );
    if (refused === 'variant') throw new NotFoundError('Variant', link.variantId);
    if (refused === 'link') throw new ConcurrentChangeError('The link changed since it was read');
  },

  async readBatchTargets(tenantId, productId, variantIds, itemIds) {
    const [productExists, ranges, items] = await sideBySide([
      readProductExists(tenantId, productId),
      sideBySide(variantIds.map((variantId) => variantRange(tenantId, productId, variantId))),
      itemIds.length > 0
        ? getMany(
            documentClient(),
            tableName(),
            itemIds.map((id) => keys.inventoryItem(tenantId, id)),
          )
        : Promise.resolve([]),
    ]);
    const variants = new Map<string, { variant: Variant; links: VariantInventoryLink[]; formerLinks?: Record<string, string> }>();
    ranges.forEach(
      ({ variant, links, formerLinks }) => variant && variants.set(variant.id, { variant, links, ...(formerLinks ? { formerLinks } : {}) }),
    );
    const found = new Set(itemIds.filter((_, index) => items[index] !== undefined));
    return { productExists, variants, itemIds: found };
  },

  async writeLinkBatch({ put, update, remove }, attachment) {
    const TableName = tableName();
    const first = put[0] ?? update[0] ?? remove[0];
    if (!first) return;
    const { tenantId, productId } = first;
    const refused = await commit(
      [
        ...(put.length > 0 ? [exists(TableName, 'product', keys.product(tenantId, productId))] : []),
        // Every variant whose links are made or removed: it exists, and its link version moves.
        ...[...new Set([...put, ...remove].map((link) => link.variantId))].map((variantId) => ({
          name: `variant:${variantId}`,
          action: linkWritten(
            TableName,
            tenantId,
            productId,
            variantId,
            remove.filter((link) => link.variantId === variantId),
          ),
        })),
        ...[...new Set(put.map((link) => link.inventoryItemId))].map((itemId) =>
          itemLinked(TableName, tenantId, itemId, put.filter((link) => link.inventoryItemId === itemId).length, `item:${itemId}`),
        ),
        ...put.flatMap((link) => linkPuts(TableName, 'put', link)),
        ...update.map((link) => ({ name: 'changed', action: { Update: { TableName, Key: linkKey(link), ...sameLink(link) } } })),
        ...remove.flatMap((link) => linkDeletes(TableName, 'changed', link, unchanged(link))),
      ],
      attachment,
    );
    if (refused === 'product') throw new NotFoundError('Product', productId);
    if (refused?.startsWith('variant:')) throw new NotFoundError('Variant', refused.slice('variant:'.length));
    if (refused?.startsWith('item:')) throw new NotFoundError('InventoryItem', refused.slice('item:'.length));
    if (refused === 'changed') throw new ConcurrentChangeError('A link changed since it was read');
  },
};

/** Whether the product exists (a read of its key alone). */
async function readProductExists(tenantId: string, productId: string): Promise<boolean> {
  const read = await documentClient().send(
    new GetCommand({ TableName: tableName(), Key: keys.product(tenantId, productId), ConsistentRead: true, ProjectionExpression: 'pk' }),
  );
  return read.Item !== undefined;
}

/** A check, in a link's transaction, that the item at `Key` exists. */
const exists = <Name extends string>(TableName: string, name: Name, Key: Key): NamedWrite<Name> => ({
  name,
  action: { ConditionCheck: { TableName, Key, ConditionExpression: 'attribute_exists(pk)' } },
});

/** A link's delete only over the link read: a link made anew for the pair has another ID. */
const unchanged = (link: VariantInventoryLink) => ({
  ConditionExpression: '#id = :expected',
  ExpressionAttributeNames: { '#id': 'id' },
  ExpressionAttributeValues: { ':expected': link.id },
});

/**
 * A link's update, as Medusa writes it: a new ID and required quantity, its timestamps kept. Only over the
 * link read (its `createdAt`: a link made anew for the pair has another), so concurrent updates follow each other.
 */
const sameLink = (link: VariantInventoryLink) => ({
  UpdateExpression: 'SET #id = :id, requiredQuantity = :quantity',
  ConditionExpression: 'createdAt = :createdAt',
  ExpressionAttributeNames: { '#id': 'id' },
  ExpressionAttributeValues: { ':id': link.id, ':quantity': link.requiredQuantity, ':createdAt': link.createdAt },
});

const byCreation = (a: VariantInventoryLink, b: VariantInventoryLink) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/** A variant and its inventory links, read together from the product's partition (one query). */
async function variantRange(tenantId: string, productId: string, variantId: string) {
  const variantKey = keys.variant(tenantId, productId, variantId);
  const linkPrefix = keys.variantInventoryLinks(tenantId, productId, variantId).sk;
  const range = await queryAll({
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :variant AND :lastLink',
    ExpressionAttributeValues: { ':pk': variantKey.pk, ':variant': variantKey.sk, ':lastLink': `${linkPrefix}\uffff` },
  });
  // The range can also hold variants whose IDs sort in between (`v!x` after `v`); keep only this one's items.
  const variant = range.find((item) => item.sk === variantKey.sk);
  const links = range
    .filter((item) => typeof item.sk === 'string' && item.sk.startsWith(linkPrefix))
    .map((item) => fromItem(VariantInventoryLinkItem, item))
    .sort(byCreation);
  return { ...(variant ? { variant: fromItem(VariantItem, variant), formerLinks: formerLinksOf(variant) } : {}), links };
}

/** Inventory items with their location levels: one query per item's partition, all at once. Missing items are left out. */
async function readItems(tenantId: string, itemIds: readonly string[]): Promise<Map<string, StockedItem>> {
  const unique = [...new Set(itemIds)];
  const partitions = await sideBySide(
    unique.map((id) =>
      queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.inventoryItem(tenantId, id).pk } }),
    ),
  );
  const found = new Map<string, StockedItem>();
  partitions.forEach((items, index) => {
    const item = items.find((entry) => entry.type === ENTITY.InventoryItem);
    if (!item) return;
    const levels = items
      .filter((entry) => entry.type === ENTITY.LocationLevel)
      .map((entry) => fromItem(LocationLevelItem, entry))
      .sort((a, b) => a.locationId.localeCompare(b.locationId));
    found.set(unique[index]!, { item: fromItem(InventoryItemItem, item), levels, linkedVariants: linkedVariantsOf(items) });
  });
  return found;
}

/** A strongly consistent query, every page. */
async function queryAll(input: Omit<QueryCommandInput, 'TableName' | 'ConsistentRead'>): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(
      new QueryCommand({ ...input, TableName: tableName(), ConsistentRead: true, ...(start ? { ExclusiveStartKey: start } : {}) }),
    );
    items.push(...((page.Items ?? []) as Item[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
