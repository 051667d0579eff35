import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ProductType } from '#shared/domain/catalog';
import { stripeRename, type CatalogEntry, type CatalogImportStore, type EntryOutcome } from '#shared/domain/catalogImport';
import { getMany } from '#shared/store/batch';
import { catalogItem } from '#shared/store/catalogItems';
import { importContext, placement, type ImportContext } from '#shared/store/catalogPlacement';
import { keyOf, nextRevision, sameFields, upsertAction } from '#shared/store/catalogUpsert';
import { documentClient, tableName } from '#shared/store/client';
import { keys, type Key } from '#shared/store/keys';
import { importLedgerStore } from '#shared/store/catalogImportLedger';
import { typeChangeCondition, typeChangeRefusal, variantAdded, withCondition } from '#shared/store/productCounters';
import { stockStore } from '#shared/store/stock';
import { stripeChangeTaskPut } from '#shared/store/stripeSync';
import { itemCounted } from '#shared/store/itemCounts';
import { itemSkuWrites, type SkuHolder } from '#shared/store/itemSkus';
import { commit, type NamedWrite } from '#shared/store/transactions';
import { sideBySide } from '#shared/domain/concurrency';
import { oversizedEntries } from '#shared/store/catalogImportSize';
import { insertPlainMerchantApiKey } from '#shared/store/merchantApiKeys';
import { catalogRestoreStore } from '#shared/store/catalogRestore';

type Item = Record<string, unknown>;

/** Attempts at one entry when other writers keep changing it between the read and the write. */
const ATTEMPTS = 4;

/**
 * The catalog import's writes: each entry is upserted from the item its entity's builder
 * makes (catalogItem), so an imported entity is stored as the fixtures loader and the vendor
 * routes store it; the import owns only the fields its document gives (see catalogUpsert).
 */
export const catalogImportStore: CatalogImportStore = {
  stock: stockStore,
  ledger: importLedgerStore,
  restore: catalogRestoreStore,

  async begin(tenantId, entries, now) {
    const context = importContext(tenantId, entries, now);
    const placed = entries.flatMap((entry) => (entry.entity === 'merchantApiKey' ? [] : [keyOf(placement(context, entry))]));
    // One consistent BatchGet per 100 keys, side by side: the first attempt of each entry needs no read of its own.
    const batches = Array.from({ length: Math.ceil(placed.length / 100) }, (_, i) => placed.slice(i * 100, i * 100 + 100));
    const found = (await sideBySide(batches.map((batch) => getMany(documentClient(), tableName(), batch)))).flat();
    const snapshot = new Map(placed.map((key, i) => [keyId(key), found[i]]));
    // Every entry's item is sized, as it would be stored, before anything is written.
    const oversized = oversizedEntries(context, entries, (key) => snapshot.get(keyId(key)));
    return {
      upsert: async (entry) => oversized.get(entry) ?? upsert(context, entry, snapshot),
      ownItemOf(productId, variantId) {
        const owner = variantId === null ? keys.product(tenantId, productId) : keys.variant(tenantId, productId, variantId);
        const itemId = snapshot.get(keyId(owner))?.inventoryItemId;
        return typeof itemId === 'string' ? itemId : undefined;
      },
    };
  },
};

const keyId = (key: Key) => `${key.pk}\u0000${key.sk}`;

async function upsert(context: ImportContext, entry: CatalogEntry, snapshot: Map<string, Item | undefined>): Promise<EntryOutcome> {
  const { tenantId, now } = context;
  if (entry.entity === 'merchantApiKey') return importMerchantApiKey(tenantId, entry.key, now);
  const place = placement(context, entry);
  const key = keyOf(place);
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const id = keyId(key);
    // The snapshot serves the first attempt only; an item that changed since is read again.
    const stored = attempt === 1 && snapshot.has(id) ? snapshot.get(id) : await read(key);
    if (stored && sameFields(stored, place)) return { result: 'unchanged' };
    let update = upsertAction(tableName(), place, stored, now);
    if (entry.entity === 'product' && stored) {
      // A type change is conditional on what it leaves behind (see productCounters): refused here as read, held by the write.
      const change = typeChangeCondition(stored.productType as ProductType, entry.fields.productType);
      if (change && typeChangeForbidden(stored, entry.fields.productType))
        return { result: 'refused', reason: typeChangeRefusal(stored, entry.fields.productType) };
      if (change) update = withCondition(update, change);
    }
    const writes: NamedWrite<'entry' | 'variantId' | 'sku' | 'previousSku' | 'stripeTask' | 'product'>[] = [
      { name: 'entry', action: { Update: update } },
    ];
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
    const refused = await commit(writes);
    if (refused === undefined) return { result: stored ? 'updated' : 'created' };
    if (refused === 'sku' && entry.entity === 'variant')
      return { result: 'refused', reason: `SKU "${entry.fields.sku}" is held by another variant` };
    if (refused === 'sku' && entry.entity === 'inventoryItem')
      return { result: 'refused', reason: `SKU "${String(entry.fields.sku)}" is held by another inventory item` };
    if (refused === 'variantId') return { result: 'refused', reason: `variant ID "${entry.id}" is held by a variant of another product` };
    if (refused === 'product' && entry.entity === 'variant')
      return { result: 'refused', reason: `product "${entry.productId}" is not VARIABLE: only a VARIABLE product has variants` };
    // 'entry', 'previousSku' or 'stripeTask': the item changed since it was read; read it again.
  }
  return { result: 'refused', reason: 'changed by another request during the import; import it again' };
}

/** Whether the product as read still holds what a change to `to` leaves behind (its counts are kept in its own writes). */
function typeChangeForbidden(stored: Item, to: ProductType): boolean {
  const held = to === 'VARIABLE' ? stored.levelCount : stored.variantCount;
  return typeof held === 'number' && held > 0;
}

async function read(key: Key): Promise<Item | undefined> {
  const { Item } = await documentClient().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
  return Item;
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

/** A key is stored as its keyed digest; an existing one (active or revoked, however stored) is left as it is. */
async function importMerchantApiKey(tenantId: string, key: string, now: string): Promise<EntryOutcome> {
  return { result: (await insertPlainMerchantApiKey(tenantId, key, now)) ? 'created' : 'unchanged' };
}
