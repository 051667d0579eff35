import { nowIso } from '#shared/domain/catalog';
import {
  countEntries,
  MAX_IMPORT_ENTRIES,
  planImport,
  type CatalogDocument,
  type CatalogImportStore,
  type ImportReport,
  type ImportResult,
} from '#shared/domain/catalogImport';
import { importLedgerEntries } from '#shared/domain/catalogImportLedger';
import { importStockRecords } from '#shared/domain/catalogImportStock';
import { restoreStored } from '#shared/domain/catalogRestore';
import { BusinessRuleError } from '#shared/domain/errors';

/**
 * Running an import: the document checked as a whole, then written, many entries to a
 * transaction, each entry with its own result (as if written one after another).
 *
 *
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
    const planned = [...plan.first, ...plan.then.flat()];
    const session = await store.begin(
      tenantId,
      planned.map(({ entry }) => entry),
      now,
    );
    // Every entry at once: the store writes them many to a transaction, each with its own outcome.
    const outcomes = await session.upsertAll(planned.map(({ entry }) => entry));
    planned.forEach(({ path, entry }, j) => results.push({ path, entity: entry.entity, id: entry.id, ...outcomes[j]! }));
    // Quantities, OrderCloud records and links name what the entries above wrote (variants, items, locations).
    results.push(...(await importLedgerEntries(store.ledger, actor, document, `tenants[${i}]`)));
    results.push(...(await importStockRecords(store, session, actor, document, `tenants[${i}]`, results, now)));
  }
  const summary = { created: 0, updated: 0, unchanged: 0, refused: 0 };
  for (const result of results) summary[result.result] += 1;
  return { summary, results };
}
