import type { CatalogDocument, ImportResult } from '#shared/domain/catalogImport';
import type { ImportLedgerStore } from '#shared/domain/catalogImportEntries';
import { importedLevelId, importItemLevels } from '#shared/domain/catalogImportLevels';
import { importLinks } from '#shared/domain/catalogImportLinks';
import { importQuantities } from '#shared/domain/catalogImportQuantities';
import { importRecords } from '#shared/domain/catalogImportRecords';

/**
 * The import's entries that are stock, names of stock and links, each through the path its own
 * API takes, so that every rule those writes hold holds here too:
 * - a variant's quantity at a location sets on hand of its own item's level there (see catalogImportQuantities);
 * - an OrderCloud record is created as OrderCloud's create makes one (a name of the level at its
 *   address: one per owner and address), and replaced as its Save does when it differs (see catalogImportRecords);
 * - a link is put as Medusa's link create puts one, only when it differs from the pair's link (see catalogImportLinks);
 * - an inventory item's level is made and moved as Medusa's level create and update do (see catalogImportLevels).
 * Each kind is read together and written many to a transaction (catalogImportGrouped), one kind after
 * another. Reads decide nothing that a write does not hold again: every write is conditional on what was read.
 */

type Actor = { tenantId: string; subject: string };

export async function importLedgerEntries(
  store: ImportLedgerStore,
  actor: Actor,
  document: CatalogDocument,
  path: string,
): Promise<ImportResult[]> {
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
  const records = document.products.flatMap((product) =>
    (product.inventoryRecords ?? []).map((record) => ({
      owner: { productId: product.id, variantId: record.variantId ?? null },
      // The address's owner, as the document gives it (the fixtures name a record's owner so too).
      fields: { ...record, ownerId: document.locations.find((location) => location.id === record.addressId)?.ownerId ?? actor.tenantId },
    })),
  );
  const levels = document.inventoryItems.flatMap((item) => item.levels.map((level) => ({ itemId: item.id, ...level })));
  // Records after quantities and links, item levels last: a level an item's owner has at a location is the one set before.
  const quantityOutcomes = await importQuantities(store, actor, quantities);
  const linkOutcomes = await importLinks(store, links);
  const recordOutcomes = await importRecords(store, actor, records);
  const levelOutcomes = await importItemLevels(store, actor, levels);

  // Each product's quantities and links, in the document's order, then its records; then the items' levels.
  let [quantity, link, record, level] = [0, 0, 0, 0];
  return [
    ...document.products.flatMap((product, i) => [
      ...product.variants.flatMap((variant, j) => {
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
      ...(product.inventoryRecords ?? []).map(({ id }, j) => ({
        path: `${path}.products[${i}].inventoryRecords[${j}]`,
        entity: 'inventoryRecord' as const,
        id,
        ...recordOutcomes[record++]!,
      })),
    ]),
    // Named by its Medusa ID: the one the level has, or (made or refused) the one the import gives a level it makes.
    ...document.inventoryItems.flatMap((item, i) =>
      item.levels.map(({ locationId }, j) => ({
        path: `${path}.inventoryItems[${i}].levels[${j}]`,
        entity: 'locationLevel' as const,
        id: importedLevelId(item.id, locationId),
        ...levelOutcomes[level++]!,
      })),
    ),
  ];
}
