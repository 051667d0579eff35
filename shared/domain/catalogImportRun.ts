import { randomUUID } from 'node:crypto';
import { nowIso, type StockRecord } from '#shared/domain/catalog';
import {
  countEntries,
  MAX_IMPORT_ENTRIES,
  planImport,
  plannedStockRecords,
  type CatalogDocument,
  type CatalogImportStore,
  type ImportReport,
  type ImportResult,
  type PlannedEntry,
} from '#shared/domain/catalogImport';
import { inBatches } from '#shared/domain/concurrency';
import { BusinessRuleError, ConflictError } from '#shared/domain/errors';
import { creationMovement, newStockRecord } from '#shared/domain/stock';

/** Running an import: the document checked as a whole, then written entry by entry, each with its result. */

/** Writes in flight at once: enough to hide DynamoDB's latency, few enough not to throttle a table. */
const CONCURRENCY = 16;

/**
 * Imports the documents (each must be the caller's own tenant) and reports every entry.
 * Refusals are results, not failures: the rest of the import goes on.
 */
export async function importCatalog(
  store: CatalogImportStore,
  actor: { tenantId: string; subject: string },
  documents: CatalogDocument[],
  now = nowIso(),
): Promise<ImportReport> {
  const { tenantId } = actor;
  documents.forEach((document, documentIndex) => {
    if (document.id !== tenantId)
      throw new BusinessRuleError('import-of-other-tenant', `Document ${documentIndex} is not the caller's tenant ${tenantId}`, {
        documentIndex,
        tenantId,
      });
  });
  const total = documents.reduce((sum, document) => sum + countEntries(document), 0);
  if (total > MAX_IMPORT_ENTRIES) {
    throw new BusinessRuleError('import-too-large', `An import of ${total} entries exceeds the ${MAX_IMPORT_ENTRIES} allowed`, {
      entries: total,
      maximum: MAX_IMPORT_ENTRIES,
    });
  }

  const results: ImportResult[] = [];
  for (const [i, document] of documents.entries()) {
    const plan = planImport(document, `tenants[${i}]`);
    const session = await store.begin(
      tenantId,
      [...plan.first, ...plan.then.flat()].map(({ entry }) => entry),
      now,
    );
    const upsert = async ({ path, entry }: PlannedEntry): Promise<ImportResult> => {
      const outcome = await session.upsert(entry);
      return { path, entity: entry.entity, id: entry.id, ...outcome };
    };
    for (const planned of plan.first) results.push(await upsert(planned));
    const groups = await inBatches(plan.then, CONCURRENCY, async (group) => {
      const groupResults: ImportResult[] = [];
      for (const planned of group) groupResults.push(await upsert(planned));
      return groupResults;
    });
    results.push(...groups.flat());
    results.push(...(await stockRecords(store, actor, document, `tenants[${i}]`, results, now)));
  }
  const summary = { created: 0, updated: 0, unchanged: 0, refused: 0 };
  for (const result of results) summary[result.result] += 1;
  return { summary, results };
}

/**
 * A product imported with a warehouse list gets a zero-quantity stock record in each of
 * them (per variant for VARIABLE products), as the vendor creates them at product
 * creation. The store's insert is conditional: an existing record is never touched.
 */
async function stockRecords(
  store: CatalogImportStore,
  actor: { tenantId: string; subject: string },
  document: CatalogDocument,
  path: string,
  done: ImportResult[],
  now: string,
): Promise<ImportResult[]> {
  const { tenantId } = actor;
  const refused = new Set(done.filter((result) => result.result === 'refused').map((result) => result.path));
  const wanted = document.products.flatMap((product, i) =>
    refused.has(`${path}.products[${i}]`)
      ? []
      : plannedStockRecords(product)
          .filter(
            ({ variantId }) =>
              variantId === null ||
              !refused.has(`${path}.products[${i}].variants[${product.variants.findIndex((variant) => variant.id === variantId)}]`),
          )
          .map((record) => ({
            ...record,
            productId: product.id,
            path: `${path}.products[${i}].warehouseIds[${product.warehouseIds!.indexOf(record.locationId)}]`,
          })),
  );
  return inBatches(wanted, CONCURRENCY, async ({ productId, variantId, attributes, locationId, path: at }): Promise<ImportResult> => {
    // Every chunk carries the tenant's locations, so the warehouse's name is at hand.
    const location = document.locations.find((candidate) => candidate.id === locationId)!;
    const record: StockRecord = newStockRecord({
      id: `inv_${randomUUID().replaceAll('-', '')}`,
      tenantId,
      productId,
      variantId,
      bin: null,
      onHandQty: 0,
      reservedQty: 0,
      reorderLevel: null,
      reorderQty: null,
      // As the ShopSynch route does: a SKU's record mirrors the SKU's attributes.
      attributes,
      countedAt: null,
      location,
      at: now,
    });
    const id = `${productId}${variantId === null ? '' : `/${variantId}`}@${locationId}`;
    try {
      await store.stock.insertStockRecord(record, creationMovement(record, actor.subject));
      return { path: at, entity: 'stockRecord', id, result: 'created' };
    } catch (error) {
      if (error instanceof ConflictError) return { path: at, entity: 'stockRecord', id, result: 'unchanged' };
      throw error;
    }
  });
}
