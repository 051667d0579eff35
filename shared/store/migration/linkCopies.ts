import { tableName } from '#shared/store/client';
import { keys } from '#shared/store/keys';
import { linkCopyItem, linkKey } from '#shared/store/linkCopies';
import type { MigrationStep, Outcome } from '#shared/store/migration/runner';
import { ENTITY } from '#shared/store/table';
import { commit } from '#shared/store/transactions';

/**
 * Every link stored before the copies gets its copy in its item's partition (see
 * shared/store/linkCopies), only while the link still exists (a link removed meanwhile took its
 * copy with it) and only if the copy is not there yet. Run again, it finds every copy there.
 */
export const linkCopies: MigrationStep = {
  name: 'medusa-item-link-copies',
  types: [ENTITY.VariantInventoryLink],
  async migrate(item): Promise<Outcome> {
    const link = {
      tenantId: String(item.tenantId),
      productId: String(item.productId),
      variantId: String(item.variantId),
      inventoryItemId: String(item.inventoryItemId),
    };
    const TableName = tableName();
    const refused = await commit([
      { name: 'link', action: { ConditionCheck: { TableName, Key: linkKey(link), ConditionExpression: 'attribute_exists(pk)' } } },
      { name: 'copy', action: { Put: { TableName, Item: linkCopyItem(link), ConditionExpression: 'attribute_not_exists(pk)' } } },
    ]);
    return refused ? 'already' : 'migrated';
  },
};

/**
 * Once every link has its copy (the step above, run before this one over the whole table), every
 * item stored before the copies is marked as having them: from then on its delete finds its links.
 */
export const linksCopied: MigrationStep = {
  name: 'medusa-item-links-copied',
  types: [ENTITY.InventoryItem],
  async migrate(item): Promise<Outcome> {
    if (item.linksCopied === true) return 'already';
    const refused = await commit([
      {
        name: 'item',
        action: {
          Update: {
            TableName: tableName(),
            Key: keys.inventoryItem(String(item.tenantId), String(item.id)),
            UpdateExpression: 'SET linksCopied = :copied',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(linksCopied)',
            ExpressionAttributeValues: { ':copied': true },
          },
        },
      },
    ]);
    return refused ? 'already' : 'migrated';
  },
};
