import { randomUUID } from 'node:crypto';
import { nowIso } from '#shared/domain/catalog';
import {
  countEntries,
  MAX_IMPORT_ENTRIES,
  planImport,
  plannedStockRecords,
  type CatalogDocument,
  type CatalogImportSession,
  type CatalogImportStore,
  type EntryOutcome,
  type ImportReport,
  type ImportResult,
  type PlannedEntry,
} from '#shared/domain/catalogImport';
import { importLedgerEntries } from '#shared/domain/catalogImportLedger';
import { restoreStored } from '#shared/domain/catalogRestore';
import { inBatches, retryOnConcurrentChange } from '#shared/domain/concurrency';
import { BusinessRuleError, ConflictError } from '#shared/domain/errors';
import { ownItemId } from '#shared/domain/ownItem';
import { newLevel } from '#shared/domain/stock';

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
    // An export's page restores its items exactly into an empty tenant, and nothing else of it is written.
    const restored = await restoreStored(store.restore, tenantId, document, `tenants[${i}]`, now);
    results.push(...restored.results);
    if (restored.restoring) continue;
    const plan = planImport(document, `tenants[${i}]`);
    const session = await store.begin(
      tenantId,
      [...plan.first, ...plan.then.flat()].map(({ entry }) => entry),
      now,
    );
    const upsert = async ({ path, entry }: PlannedEntry): Promise<ImportResult> => {
      const outcome = await notFailing(store, () => session.upsert(entry));
      return { path, entity: entry.entity, id: entry.id, ...outcome };
    };
    for (const planned of plan.first) results.push(await upsert(planned));
    const groups = await inBatches(plan.then, CONCURRENCY, async (group) => {
      const groupResults: ImportResult[] = [];
      for (const planned of group) groupResults.push(await upsert(planned));
      return groupResults;
    });
    results.push(...groups.flat());
    // Quantities, OrderCloud records and links name what the entries above wrote (variants, items, locations).
    results.push(...(await importLedgerEntries(store.ledger, actor, document, `tenants[${i}]`)));
    results.push(...(await stockRecords(store, session, actor, document, `tenants[${i}]`, results, now)));
  }
  const summary = { created: 0, updated: 0, unchanged: 0, refused: 0 };
  for (const result of results) summary[result.result] += 1;
  return { summary, results };
}

/**
 * A product imported with a warehouse list gets a zero-quantity stock record in each of
 * them (per variant for VARIABLE products), as the vendor creates them at product
 * creation: levels of the owner's own item, made with its first one. The store's insert is
 * conditional: an existing record is never touched. One owner's levels are made one after
 * another, so its first makes the item and the next ones reuse it.
 */
async function stockRecords(
  store: CatalogImportStore,
  session: CatalogImportSession,
  actor: { tenantId: string; subject: string },
  document: CatalogDocument,
  path: string,
  done: ImportResult[],
  now: string,
): Promise<ImportResult[]> {
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
            product,
            path: `${path}.products[${i}].warehouseIds[${product.warehouseIds!.indexOf(record.locationId)}]`,
          })),
  );
  const owners = new Map<string, number[]>();
  wanted.forEach(({ product, variantId }, index) => {
    const owner = `${product.id}\u0000${variantId ?? ''}`;
    owners.set(owner, [...(owners.get(owner) ?? []), index]);
  });
  const results = new Array<ImportResult>(wanted.length);
  await inBatches([...owners.values()], CONCURRENCY, async (indexes) => {
    // The owner's own item as the import began; once a level here makes one, the next levels are that item's.
    let ownItem = session.ownItemOf(wanted[indexes[0]!]!.product.id, wanted[indexes[0]!]!.variantId);
    for (const index of indexes) {
      const { path, product, variantId, locationId } = wanted[index]!;
      try {
        const created = await stockRecord(store, actor, wanted[index]!, document, ownItem, now);
        ownItem = created.ownItem;
        results[index] = created.result;
      } catch (error) {
        if (store.ledger.transient(error)) throw error;
        const id = `${product.id}${variantId === null ? '' : `/${variantId}`}@${locationId}`;
        results[index] = { path, entity: 'stockRecord', id, result: 'refused', reason: failedWrite(error) };
      }
    }
  });
  return results;
}

/**
 * An entry whose write failed for a reason no rule names (DynamoDB refused it) is reported as not
 * written, and the import goes on: entries written before it stay reported as written, and the
 * answer is never a 500 with writes behind it. A passing fault of the database (see
 * ImportLedgerStore.transient) fails the import with a 503 to retry: every entry is an upsert.
 */
async function notFailing(store: CatalogImportStore, write: () => Promise<EntryOutcome>): Promise<EntryOutcome> {
  try {
    return await write();
  } catch (error) {
    if (store.ledger.transient(error)) throw error;
    return { result: 'refused', reason: failedWrite(error) };
  }
}

const failedWrite = (error: unknown) => `not written: the store failed (${error instanceof Error ? error.name : 'Error'}); import it again`;

type PlannedStock = ReturnType<typeof plannedStockRecords>[number] & { product: CatalogDocument['products'][number]; path: string };

/** One zero-quantity level; an owner that took another own item since it was read is read again. */
async function stockRecord(
  store: CatalogImportStore,
  actor: { tenantId: string; subject: string },
  { product, variantId, attributes, locationId, path }: PlannedStock,
  document: CatalogDocument,
  known: string | undefined,
  now: string,
): Promise<{ result: ImportResult; ownItem: string | undefined }> {
  const { tenantId } = actor;
  const id = `${product.id}${variantId === null ? '' : `/${variantId}`}@${locationId}`;
  // Every chunk carries the tenant's locations, so the warehouse's name is at hand.
  const location = document.locations.find((candidate) => candidate.id === locationId)!;
  const variant = variantId === null ? undefined : product.variants.find((candidate) => candidate.id === variantId)!;
  let ownItem = known;
  let attempt = 0;
  return retryOnConcurrentChange(async () => {
    if (attempt++ > 0) {
      const stored = await store.stock.readStockContext(tenantId, { productId: product.id, variantId, locationId });
      // Its type changed meanwhile (the store's write refused the level): a VARIABLE product's stock is its variants'.
      const type = stored.product?.productType;
      if (type !== undefined && (type === 'VARIABLE') !== (variantId !== null)) {
        const reason = `product "${product.id}" is ${type} now: ${type === 'VARIABLE' ? 'its stock is its variants' : 'it has no variants'}`;
        return { result: { path, entity: 'stockRecord', id, result: 'refused', reason }, ownItem };
      }
      ownItem = variantId === null ? stored.product?.inventoryItemId : stored.variant?.inventoryItemId;
    }
    const own = ownItem === undefined ? {} : { inventoryItemId: ownItem };
    const level = newLevel(
      {
        product: { id: product.id, tenantId, name: product.name, productType: product.type, ...(variant ? {} : own) },
        variant: variant && { id: variant.id, name: variant.name, sku: variant.sku ?? null, ...own },
      },
      {
        id: `inv_${randomUUID().replaceAll('-', '')}`,
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
      },
      actor.subject,
    );
    try {
      await store.stock.insertStockRecord(level.record, level.created, level.own);
      return { result: { path, entity: 'stockRecord', id, result: 'created' }, ownItem: ownItemId(level.own) };
    } catch (error) {
      if (error instanceof ConflictError) return { result: { path, entity: 'stockRecord', id, result: 'unchanged' }, ownItem };
      throw error;
    }
  });
}
