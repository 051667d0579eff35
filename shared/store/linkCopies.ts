import type { LinkedVariant, VariantInventoryLink } from '#shared/domain/inventoryLink';
import { catalogItem } from '#shared/store/catalogItems';
import { toItem } from '#shared/store/items';
import { keys, type Key } from '#shared/store/keys';
import { ENTITY } from '#shared/store/table';
import type { NamedWrite, WriteAction } from '#shared/store/transactions';

type Item = Record<string, unknown>;
type Pair = Pick<VariantInventoryLink, 'tenantId' | 'productId' | 'variantId' | 'inventoryItemId'>;
type Condition = Pick<NonNullable<WriteAction['Put']>, 'ConditionExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'>;

/**
 * A variant's link lives in its product's partition, beside the variant; its copy lives in its
 * item's partition, which the item's delete reads, so that the delete finds (and removes) every link
 * to the item. Every writer of a link writes or deletes the pair through these, in one transaction.
 */
export const linkKey = (link: Pair): Key => keys.variantInventoryLink(link.tenantId, link.productId, link.variantId, link.inventoryItemId);
export const linkCopyKey = (link: Pair): Key => keys.itemLinkCopy(link.tenantId, link.inventoryItemId, link.productId, link.variantId);

/** The copy: which variant links to the item. */
export const linkCopyItem = (link: Pair): Item =>
  toItem(ENTITY.ItemLinkCopy, linkCopyKey(link), {
    tenantId: link.tenantId,
    inventoryItemId: link.inventoryItemId,
    productId: link.productId,
    variantId: link.variantId,
  });

/** The link and its copy, put: the condition (if any) is the link's; the copy follows it. */
export function linkPuts<Name extends string>(
  TableName: string,
  name: Name,
  link: VariantInventoryLink,
  condition: Condition = {},
): NamedWrite<Name>[] {
  return [
    { name, action: { Put: { TableName, Item: catalogItem.variantInventoryLink(link), ...condition } } },
    { name, action: { Put: { TableName, Item: linkCopyItem(link) } } },
  ];
}

/** The link and its copy, deleted: the condition (if any) is the link's. */
export function linkDeletes<Name extends string>(TableName: string, name: Name, link: Pair, condition: Condition = {}): NamedWrite<Name>[] {
  return [
    { name, action: { Delete: { TableName, Key: linkKey(link), ...condition } } },
    { name, action: { Delete: { TableName, Key: linkCopyKey(link) } } },
  ];
}

/** How many links a catalog document makes to the item (fixtures: its link version, as the link writes would leave it). */
export const linksTo = (
  products: readonly { variants: readonly { inventoryLinks: readonly { inventoryItemId: string }[] }[] }[],
  itemId: string,
) =>
  products
    .flatMap((product) => product.variants.flatMap((variant) => variant.inventoryLinks))
    .filter((link) => link.inventoryItemId === itemId).length;

/** The items of a link and its copy (fixtures, which write items whole). */
export const linkItems = (link: VariantInventoryLink): Item[] => [catalogItem.variantInventoryLink(link), linkCopyItem(link)];

/**
 * A link made to an existing item: the item exists (the link is refused otherwise) and its link
 * version moves, so that its delete, conditional on the version it read, never leaves behind a link
 * made after its read. `ADD … :by`: the import's grouped writes merge it (see writeGroups mergeKey).
 */
export function itemLinked<Name extends string>(
  TableName: string,
  tenantId: string,
  itemId: string,
  by: number,
  name: Name,
): NamedWrite<Name> {
  return {
    name,
    action: {
      Update: {
        TableName,
        Key: keys.inventoryItem(tenantId, itemId),
        UpdateExpression: 'ADD linkVersion :by',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':by': by },
      },
    },
  };
}

/** The variants linked to an item, from its partition's items. */
export const linkedVariantsOf = (items: readonly Item[]): LinkedVariant[] =>
  items
    .filter((item) => item.type === ENTITY.ItemLinkCopy)
    .map((item) => ({ productId: String(item.productId), variantId: String(item.variantId) }))
    .sort((a, b) => a.productId.localeCompare(b.productId) || a.variantId.localeCompare(b.variantId));
