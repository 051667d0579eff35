import type { CatalogDocument, ImportResult } from '#shared/domain/catalogImport';
import type { ImportedRecord, ImportLedgerStore } from '#shared/domain/catalogImportEntries';
import { refusal, type Outcome } from '#shared/domain/catalogImportGrouped';
import { importedLevelId, setItemLevel } from '#shared/domain/catalogImportLevels';
import { importLinks } from '#shared/domain/catalogImportLinks';
import { importQuantities } from '#shared/domain/catalogImportQuantities';
import { inBatches } from '#shared/domain/concurrency';
import { createInventoryRecord, saveInventoryRecord } from '#shared/domain/inventoryRecordLedger';

/**
 * The import's entries that are stock, names of stock and links, each through the path its own
 * API takes, so that every rule those writes hold holds here too:
 * - a variant's quantity at a location sets on hand of its own item's level there (see
 *   catalogImportQuantities: the document's quantities are read together and written many to a transaction);
 * - an OrderCloud record is created as OrderCloud's create makes one (a name of the level at its
 *   address: one per owner and address), and replaced as its Save does when it differs;
 * - a link is put as Medusa's link create puts one, only when it differs from the pair's link (see
 *   catalogImportLinks: many to a transaction too);
 * - an inventory item's level is made and moved as Medusa's level create and update do (see catalogImportLevels).
 * Reads decide nothing that a write does not hold again: every write is conditional on what was read.
 */

type Actor = { tenantId: string; subject: string };
type Product = CatalogDocument['products'][number];

/** Products side by side; one product's records one after another (its owners' first levels make their own items). */
const CONCURRENCY = 16;

export async function importLedgerEntries(
  store: ImportLedgerStore,
  actor: Actor,
  document: CatalogDocument,
  path: string,
): Promise<ImportResult[]> {
  // Every quantity of the document, then every link, each read together and written many to a transaction.
  const variants = document.products.flatMap((product) => product.variants.map((variant) => ({ product, variant })));
  const quantities = variants.flatMap(({ product, variant }) =>
    (variant.stock ?? []).map((stock) => ({
      productId: product.id,
      variantId: variant.id,
      locationId: stock.locationId,
      onHand: stock.onHand,
    })),
  );
  const links = variants.flatMap(({ product, variant }) =>
    (variant.inventoryLinks ?? []).map((link) => ({ ...link, tenantId: actor.tenantId, productId: product.id, variantId: variant.id })),
  );
  const quantityOutcomes = await importQuantities(store, actor, quantities);
  const linkOutcomes = await importLinks(store, links);
  // Each product's quantities and links, in the document's order, then its records.
  let quantity = 0;
  let link = 0;
  const ofVariants = document.products.map((product, i) =>
    product.variants.flatMap((variant, j) => {
      const at = `${path}.products[${i}].variants[${j}]`;
      return [
        ...(variant.stock ?? []).map((stock, k) => {
          const id = `${product.id}/${variant.id}@${stock.locationId}`;
          return { path: `${at}.stock[${k}]`, entity: 'stock' as const, id, ...quantityOutcomes[quantity++]! };
        }),
        ...(variant.inventoryLinks ?? []).map(({ id }, k) => ({
          path: `${at}.inventoryLinks[${k}]`,
          entity: 'inventoryLink' as const,
          id,
          ...linkOutcomes[link++]!,
        })),
      ];
    }),
  );
  const perProduct = await inBatches(
    document.products.map((product, i) => ({ product, i, at: `${path}.products[${i}]` })),
    CONCURRENCY,
    async ({ product, i, at }) => {
      const results: ImportResult[] = [...ofVariants[i]!];
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

/** A single entry's write, its refusal worded as decideInGroups words one. */
async function refusing(store: ImportLedgerStore, run: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await run();
  } catch (error) {
    return refusal(error, store.transient);
  }
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
