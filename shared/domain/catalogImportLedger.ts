import { randomUUID } from 'node:crypto';
import { nowIso, type StockRecord } from '#shared/domain/catalog';
import type { CatalogDocument, ImportResult } from '#shared/domain/catalogImport';
import type { ImportedLink, ImportedRecord, ImportLedgerStore } from '#shared/domain/catalogImportEntries';
import { importedLevelId, setItemLevel } from '#shared/domain/catalogImportLevels';
import { inBatches, retryOnConcurrentChange } from '#shared/domain/concurrency';
import { BusinessRuleError, ConcurrentChangeError, ConflictError, IDENTITY_RULES, NotFoundError } from '#shared/domain/errors';
import { createInventoryRecord, saveInventoryRecord } from '#shared/domain/inventoryRecordLedger';
import { isLowStock, movementOf, newLevel } from '#shared/domain/stock';
import { adjust } from '#shared/domain/stockMovement';

/**
 * The import's entries that are stock, names of stock and links, each through the path its own
 * API takes, so that every rule those writes hold holds here too:
 * - a variant's quantity at a location sets on hand of its own item's level there: a new level
 *   starts with it (first movement reason `import`), an existing one moves by the difference
 *   (reason `import`, none when equal); a quantity below what is reserved is refused;
 * - an OrderCloud record is created as OrderCloud's create makes one (a name of the level at its
 *   address: one per owner and address), and replaced as its Save does when it differs;
 * - a link is put as Medusa's link create puts one (product, variant and item must exist; one link
 *   per variant and item), only when it differs from the pair's link;
 * - an inventory item's level is made and moved as Medusa's level create and update do (see catalogImportLevels).
 * Reads decide nothing that a write does not hold again: every write is conditional on what was read.
 */

type Actor = { tenantId: string; subject: string };
type Product = CatalogDocument['products'][number];
type Outcome = Pick<ImportResult, 'result' | 'reason'>;

/** Products side by side; one product's entries one after another (its owners' first levels make their own items). */
const CONCURRENCY = 16;

export async function importLedgerEntries(
  store: ImportLedgerStore,
  actor: Actor,
  document: CatalogDocument,
  path: string,
): Promise<ImportResult[]> {
  const perProduct = await inBatches(
    document.products.map((product, i) => ({ product, at: `${path}.products[${i}]` })),
    CONCURRENCY,
    async ({ product, at }) => {
      const results: ImportResult[] = [];
      for (const [j, variant] of product.variants.entries()) {
        for (const [k, stock] of (variant.stock ?? []).entries()) {
          const id = `${product.id}/${variant.id}@${stock.locationId}`;
          const outcome = await refusing(store, () =>
            setStock(store, actor, { productId: product.id, variantId: variant.id, locationId: stock.locationId }, stock.onHand),
          );
          results.push({ path: `${at}.variants[${j}].stock[${k}]`, entity: 'stock', id, ...outcome });
        }
        for (const [k, link] of (variant.inventoryLinks ?? []).entries()) {
          const wanted = { ...link, tenantId: actor.tenantId, productId: product.id, variantId: variant.id };
          const outcome = await refusing(store, () => putLink(store, wanted));
          results.push({ path: `${at}.variants[${j}].inventoryLinks[${k}]`, entity: 'inventoryLink', id: link.id, ...outcome });
        }
      }
      for (const [j, record] of (product.inventoryRecords ?? []).entries()) {
        const outcome = await refusing(store, () => putRecord(store, actor, document, product, record));
        results.push({ path: `${at}.inventoryRecords[${j}]`, entity: 'inventoryRecord', id: record.id, ...outcome });
      }
      return results;
    },
  );
  // Items after products: a level an item's owner has at a location is the one its quantity set above.
  const perItem = await inBatches(
    document.inventoryItems.map((item, i) => ({ item, at: `${path}.inventoryItems[${i}]` })),
    CONCURRENCY,
    async ({ item, at }) => {
      const results: ImportResult[] = [];
      for (const [j, level] of item.levels.entries()) {
        // Named by its Medusa ID: the one the import gives a level it makes, or the one the level has.
        let id = importedLevelId(item.id, level.locationId);
        const outcome = await refusing(store, async () => {
          const set = await setItemLevel(store.levels, actor, { itemId: item.id, ...level });
          id = set.id;
          return { result: set.result };
        });
        results.push({ path: `${at}.levels[${j}]`, entity: 'locationLevel', id, ...outcome });
      }
      return results;
    },
  );
  return [...perProduct.flat(), ...perItem.flat()];
}

/**
 * A rule the write held is the entry's refusal, worded as the rule says it; a write that failed
 * for any other reason is reported as not written, and the import goes on (what it wrote before
 * stays reported as written: never a 500 with writes behind it).
 */
async function refusing(store: ImportLedgerStore, run: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof BusinessRuleError || error instanceof ConflictError || error instanceof NotFoundError)
      return { result: 'refused', reason: error.message };
    if (error instanceof ConcurrentChangeError)
      return { result: 'refused', reason: 'changed by another request during the import; import it again' };
    if (store.transient(error)) throw error;
    return {
      result: 'refused',
      reason: `not written: the store failed (${error instanceof Error ? error.name : 'Error'}); import it again`,
    };
  }
}

/** Sets on hand of the owner's level at the location to `onHand`, as a movement of the ledger. */
function setStock(
  store: ImportLedgerStore,
  actor: Actor,
  wanted: { productId: string; variantId: string; locationId: string },
  onHand: number,
): Promise<Outcome> {
  return retryOnConcurrentChange(async () => {
    const { product, variant, location, level } = await store.readOwnerLevel(actor.tenantId, wanted);
    if (!product) throw new NotFoundError('Product', wanted.productId);
    if (!variant) throw new NotFoundError('Variant', wanted.variantId, { productId: wanted.productId });
    if (product.productType !== 'VARIABLE')
      throw new BusinessRuleError('variant-not-allowed', `A ${product.productType} product holds stock without variants`, {
        productType: product.productType,
      });
    if (!location) throw new NotFoundError('Location', wanted.locationId);
    if (!level) {
      const at = nowIso();
      const made = newLevel(
        { product, variant },
        {
          id: `inv_${randomUUID().replaceAll('-', '')}`,
          location,
          bin: null,
          onHandQty: onHand,
          reservedQty: 0,
          reorderLevel: null,
          reorderQty: null,
          attributes: variant.attributes,
          // As a document's quantities are loaded by the fixtures: a count, made now.
          countedAt: at,
          at,
        },
        actor.subject,
      );
      try {
        await store.stock.insertStockRecord(made.record, { ...made.created, reason: 'import' }, made.own);
      } catch (error) {
        // Another request made the level meanwhile: read it, and move it instead.
        if (error instanceof ConflictError && error.is(IDENTITY_RULES.stockPerLocation))
          throw new ConcurrentChangeError('A level was made at this location since it was read');
        throw error;
      }
      return { result: 'created' };
    }
    if (level.onHandQty === onHand) return { result: 'unchanged' };
    await move(store, actor, level, onHand);
    return { result: 'updated' };
  });
}

/** One movement of on hand by the difference, reason `import`; on hand never below what is reserved (adjust's floor). */
async function move(store: ImportLedgerStore, actor: Actor, level: StockRecord, onHand: number): Promise<void> {
  if (onHand < level.reservedQty)
    throw new BusinessRuleError(
      'on-hand-below-reserved',
      `${onHand} on hand is below the ${level.reservedQty} reserved at ${level.locationId}: the import sets on hand, never below what orders hold`,
      { change: onHand - level.onHandQty, onHand, reserved: level.reservedQty },
    );
  const { next: fields, change } = adjust({ qty: onHand - level.onHandQty, reason: 'import' })(level);
  const at = nowIso();
  const next: StockRecord = { ...fields, version: level.version + 1, updatedAt: at, lastAdjustedAt: at };
  await store.stock.writeMovement(next, movementOf(next, change, actor.subject), !isLowStock(level) && isLowStock(next));
}

/** A link as Medusa's create puts it, written only when the pair's link differs (its ID or required quantity). */
async function putLink(store: ImportLedgerStore, wanted: ImportedLink): Promise<Outcome> {
  return retryOnConcurrentChange(async () => {
    const read = await store.readLink(wanted);
    if (read && read.id === wanted.id && read.requiredQuantity === wanted.requiredQuantity) return { result: 'unchanged' };
    const at = nowIso();
    const link = { ...wanted, createdAt: read?.id === wanted.id ? read.createdAt : at, updatedAt: at };
    const refused = await store.putLink(link, read);
    if (refused === 'changed') throw new ConcurrentChangeError('The link changed since it was read');
    if (refused === 'product') throw new NotFoundError('Product', wanted.productId);
    if (refused === 'variant') throw new NotFoundError('Variant', wanted.variantId, { productId: wanted.productId });
    if (refused === 'item') throw new NotFoundError('InventoryItem', wanted.inventoryItemId);
    return { result: read ? 'updated' : 'created' };
  });
}

/**
 * A record as OrderCloud's create makes it (the name of the owner's level at its address, its
 * QuantityAvailable set as a movement) or, when it exists and differs, as its Save replaces it.
 */
async function putRecord(
  store: ImportLedgerStore,
  actor: Actor,
  document: CatalogDocument,
  product: Product,
  record: ImportedRecord,
): Promise<Outcome> {
  const owner = { productId: product.id, variantId: record.variantId ?? null };
  const fields = {
    id: record.id,
    // The address's owner, as the document gives it (the fixtures name a record's owner so too).
    ownerId: document.locations.find((location) => location.id === record.addressId)?.ownerId ?? actor.tenantId,
    addressId: record.addressId,
    allowAllBuyers: record.allowAllBuyers,
    orderCanExceed: record.orderCanExceed,
    quantityAvailable: record.quantityAvailable,
    notificationPoint: record.notificationPoint,
    xp: record.xp,
  };
  const context = await store.records.readInventoryRecordContext(actor.tenantId, owner, record.addressId, record.id);
  const stored = context.existing?.record;
  if (!stored) {
    await createInventoryRecord(store.records, actor, { ...owner, ...fields });
    return { result: 'created' };
  }
  const same =
    stored.addressId === fields.addressId &&
    stored.ownerId === fields.ownerId &&
    stored.allowAllBuyers === fields.allowAllBuyers &&
    stored.orderCanExceed === fields.orderCanExceed &&
    stored.quantityAvailable === fields.quantityAvailable &&
    stored.notificationPoint === fields.notificationPoint &&
    canonical(stored.xp) === canonical(fields.xp);
  if (same) return { result: 'unchanged' };
  await saveInventoryRecord(store.records, actor, owner, record.id, fields);
  return { result: 'updated' };
}

/** JSON with object keys sorted, so that two maps with the same entries compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((name) => `${JSON.stringify(name)}:${canonical((value as Record<string, unknown>)[name])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}
