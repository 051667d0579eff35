import { ConcurrentChangeError, ConflictError, IDENTITY_RULES } from '#shared/domain/errors';
import type { VariantDeleteStore, VariantStore } from '#shared/domain/variant';
import { catalogItem } from '#shared/store/catalogItems';
import { tableName } from '#shared/store/client';
import { keys } from '#shared/store/keys';
import { linkDeletes } from '#shared/store/linkCopies';
import type { VariantRecord } from '#shared/domain/variant';
import { itemCounted } from '#shared/store/itemCounts';
import { newLevelWrites } from '#shared/store/ledgerCreate';
import { variantAdded, variantRemoved } from '#shared/store/productCounters';
import { deletedStockRecordWrites } from '#shared/store/levelChanges';
import { movedHoldingWrites, requireOneTransaction, type MovedName } from '#shared/store/variantMove';
import { stripeChangeTaskPut, stripeSyncTaskPut } from '#shared/store/stripeSync';
import { commit, type NamedWrite } from '#shared/store/transactions';

/**
 * DayZero's variant writes: the variant and its SKU guard (each as catalogItem builds it, as
 * the import and the fixtures loader do), its stock records and its Stripe outbox entry, in one
 * transaction.
 */
export const variantWrites: Pick<VariantStore, 'insertVariant'> & Pick<VariantDeleteStore, 'deleteVariant' | 'replaceVariant'> = {
  async deleteVariant(variant, revision, { stockRecords, ownLink }, attachment) {
    const table = tableName();
    const t = variant.tenantId;
    // Its own item is taken out of the tenant's count if it is counted (see itemCounts): tried so first,
    // then, refused there, as an item stored before the counts (one more round trip, only for those).
    const deleted = (counted: boolean) =>
      commit(
        [
          {
            name: 'variant',
            action: {
              Delete: {
                TableName: table,
                Key: keys.variant(t, variant.productId, variant.id),
                ...variantCondition(revision, variant, stockRecords.length),
              },
            },
          },
          ...(variant.sku === null
            ? []
            : [
                {
                  name: 'sku',
                  action: {
                    Delete: {
                      TableName: table,
                      Key: keys.skuGuard(t, variant.sku),
                      ConditionExpression: 'variantId = :id',
                      ExpressionAttributeValues: { ':id': variant.id },
                    },
                  },
                },
              ]),
          // Its ID is free again (a variant stored before IDs were guarded has no guard to remove).
          {
            name: 'variant',
            action: {
              Delete: {
                TableName: table,
                Key: keys.variantIdGuard(t, variant.id),
                ConditionExpression: 'attribute_not_exists(pk) OR productId = :product',
                ExpressionAttributeValues: { ':product': variant.productId },
              },
            },
          },
          // Still as read (empty, never moved) when deleted: a movement in between makes the request read again.
          ...stockRecords.flatMap((record) => deletedStockRecordWrites(table, record)),
          // Its own item goes with it: the item's levels (Medusa's names of those records), its link, the item.
          ...stockRecords.flatMap((record) =>
            record.inventoryItemId === undefined
              ? []
              : [
                  {
                    name: 'stock',
                    action: { Delete: { TableName: table, Key: keys.locationLevel(t, record.inventoryItemId, record.locationId) } },
                  },
                ],
          ),
          ...(ownLink ? linkDeletes(table, 'ownItem', ownLink) : []),
          ...(variant.inventoryItemId === undefined
            ? []
            : [
                {
                  name: 'ownCount',
                  action: {
                    Delete: {
                      TableName: table,
                      Key: keys.inventoryItem(t, variant.inventoryItemId),
                      ConditionExpression: counted ? 'counted = :counted' : 'attribute_not_exists(counted)',
                      ...(counted ? { ExpressionAttributeValues: { ':counted': true } } : {}),
                    },
                  },
                },
                ...(counted ? [itemCounted(table, t, variant.inventoryItemId, -1, 'ownCount')] : []),
              ]),
          // A create's sync still pending has nothing left to sync.
          { name: 'stripeTask', action: { Delete: { TableName: table, Key: keys.stripeSyncTask(t, variant.id) } } },
          // Its product counts one variant fewer (see productCounters).
          variantRemoved(table, { tenantId: t, productId: variant.productId }, 'product'),
        ],
        attachment,
      );
    let refused = await deleted(true);
    if (refused === 'ownCount') refused = await deleted(false);
    if (refused) throw new ConcurrentChangeError(`The variant's ${refused} changed since it was read`);
  },

  async replaceVariant(before, revision, after, moving, stripeTask, attachment) {
    const table = tableName();
    const t = before.tenantId;
    const oldKey = keys.variant(t, before.productId, before.id);
    const newKey = keys.variant(t, after.productId, after.id);
    const moves = oldKey.pk !== newKey.pk;
    const { stock, ...fields } = after;
    // The list index keys follow the new name, product and archived state in the same write.
    const item = catalogItem.variant({ ...fields, stockLocationId: stock.locationId, revision: revision + 1 });
    // A move takes exactly the levels it read; any update keeps the counts as read (its Put writes them again).
    const unchanged = variantCondition(revision, before, moves ? moving.stockRecords.length : before.levelCount);
    const skuChanges = before.sku !== after.sku;
    const writes: NamedWrite<'variant' | 'moved' | 'oldSku' | 'newSku' | 'stripeTask' | 'product' | MovedName>[] = [
      ...(stripeTask ? [{ name: 'stripeTask' as const, action: stripeChangeTaskPut(table, stripeTask) }] : []),
      moves
        ? { name: 'variant', action: { Delete: { TableName: table, Key: oldKey, ...unchanged } } }
        : { name: 'variant', action: { Put: { TableName: table, Item: item, ...unchanged } } },
      ...(moves
        ? [
            { name: 'moved' as const, action: { Put: { TableName: table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } } },
            // Its ID's guard now names the new product.
            {
              name: 'moved' as const,
              action: {
                Put: {
                  TableName: table,
                  Item: catalogItem.variantIdGuard(after),
                  ConditionExpression: 'attribute_not_exists(pk) OR productId = :before',
                  ExpressionAttributeValues: { ':before': before.productId },
                },
              },
            },
          ]
        : []),
      ...(skuChanges && before.sku !== null
        ? [
            {
              name: 'oldSku' as const,
              action: {
                Delete: {
                  TableName: table,
                  Key: keys.skuGuard(t, before.sku),
                  ConditionExpression: 'variantId = :id',
                  ExpressionAttributeValues: { ':id': before.id },
                },
              },
            },
          ]
        : []),
      ...(skuChanges && after.sku !== null
        ? [
            {
              name: 'newSku' as const,
              action: {
                Put: {
                  TableName: table,
                  Item: catalogItem.skuGuard({ ...after, sku: after.sku }),
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
            },
          ]
        : []),
      // A SKU kept while moving: its guard names the new product.
      ...(!skuChanges && moves && after.sku !== null
        ? [
            {
              name: 'oldSku' as const,
              action: {
                Put: {
                  TableName: table,
                  Item: catalogItem.skuGuard({ ...after, sku: after.sku }),
                  ConditionExpression: 'variantId = :id',
                  ExpressionAttributeValues: { ':id': before.id },
                },
              },
            },
          ]
        : []),
      // Everything under it that names it follows it, as read.
      ...(moves
        ? movedHoldingWrites(table, moving, after.productId, { tenantId: t, productId: before.productId, variantId: before.id })
        : []),
      // The old product counts one variant fewer, the new one (still VARIABLE) one more (see productCounters).
      ...(moves
        ? [
            variantRemoved(table, { tenantId: t, productId: before.productId }, 'variant'),
            variantAdded(table, { tenantId: t, productId: after.productId }, 'product'),
          ]
        : []),
    ];
    requireOneTransaction(writes.length, attachment);
    const refused = await commit(writes, attachment);
    if (refused === 'newSku') throw new ConflictError(IDENTITY_RULES.skuPerBusiness, 'Variant with same SKU already exists');
    if (refused?.startsWith('recordId:')) {
      const recordId = refused.slice('recordId:'.length);
      throw new ConflictError(
        IDENTITY_RULES.recordIdPerProduct,
        `Inventory record ID ${recordId} is taken within product ${after.productId}`,
        {
          recordId,
        },
      );
    }
    if (refused) throw new ConcurrentChangeError(`The variant changed since it was read (${refused})`);
  },

  /** The guard's key is the SKU, so two variants with one SKU cannot both be written. */
  async insertVariant(variant, stock, stripeTask, attachment) {
    const { stock: level, ...fields } = variant;
    const table = tableName();
    const put = <Name extends string>(name: Name, item: Record<string, unknown>): NamedWrite<Name> => ({
      name,
      action: { Put: { TableName: table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
    });
    const writes = [
      put('variant', catalogItem.variant({ ...fields, stockLocationId: level.locationId, ...(stock ? { levelCount: 1 } : {}) })),
      put('variantId', catalogItem.variantIdGuard(variant)),
      // Counted on its product, only while the product is VARIABLE (see productCounters).
      variantAdded(table, { tenantId: variant.tenantId, productId: variant.productId }, 'product'),
      ...(variant.sku === null ? [] : [put('sku', catalogItem.skuGuard({ ...variant, sku: variant.sku }))]),
      // The variant is put holding its new own item's ID: the level's writes leave the owner to it.
      ...(stock ? newLevelWrites(table, stock, true) : []),
      ...(stripeTask ? [{ name: 'stripeTask' as const, action: stripeSyncTaskPut(table, stripeTask) }] : []),
    ];
    const refused = await commit(writes, attachment);
    if (refused === 'sku') throw new ConflictError(IDENTITY_RULES.skuPerBusiness, 'Variant with same SKU already exists');
    if (refused === 'variantId')
      throw new ConflictError(IDENTITY_RULES.variantIdPerTenant, 'The variant ID is held by another variant', { variantId: variant.id });
    // Read as VARIABLE, it is no longer: the create reads it again (and refuses).
    if (refused === 'product') throw new ConcurrentChangeError('The product changed its type since it was read');
    // The variant, its stock and its task have fresh keys: any other refusal is a defect.
    if (refused) throw new Error(`Variant transaction refused by its ${refused} item`);
  },
};

/**
 * The variant as read: its revision (variants written before revisions existed are at revision 0),
 * its own item, which a first stock through another API sets without a revision of its own, its
 * level count (`levels`: those its write takes or keeps) and its link version, which every link
 * write through Medusa bumps.
 */
function variantCondition(revision: number, read: Pick<VariantRecord, 'inventoryItemId' | 'linkVersion'>, levels: number | undefined) {
  const atRevision =
    revision === 0 ? 'attribute_exists(pk) AND (attribute_not_exists(revision) OR revision = :revision)' : 'revision = :revision';
  const item = read.inventoryItemId === undefined ? 'attribute_not_exists(inventoryItemId)' : 'inventoryItemId = :item';
  // Exactly as many levels as read, none made since, none its read missed.
  const counted =
    levels === undefined || levels === 0 ? '(attribute_not_exists(levelCount) OR levelCount = :levels)' : 'levelCount = :levels';
  // No link made, replaced or removed since the read.
  const linked = read.linkVersion === undefined ? 'attribute_not_exists(linkVersion)' : 'linkVersion = :links';
  return {
    ConditionExpression: `${atRevision} AND ${item} AND ${counted} AND ${linked}`,
    ExpressionAttributeValues: {
      ':revision': revision,
      ':levels': levels ?? 0,
      ...(read.inventoryItemId === undefined ? {} : { ':item': read.inventoryItemId }),
      ...(read.linkVersion === undefined ? {} : { ':links': read.linkVersion }),
    },
  };
}
