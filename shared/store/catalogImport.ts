import { failedWrite, type CatalogEntry, type CatalogImportStore, type EntryOutcome } from '#shared/domain/catalogImport';
import { inBatches, sideBySide } from '#shared/domain/concurrency';
import { getMany } from '#shared/store/batch';
import { keyId, upsertInGroups } from '#shared/store/catalogImportGroups';
import { importLedgerStore } from '#shared/store/catalogImportLedger';
import { insertStockRecords } from '#shared/store/catalogImportStock';
import { oversizedEntries } from '#shared/store/catalogImportSize';
import { importContext, placement } from '#shared/store/catalogPlacement';
import { catalogRestoreStore } from '#shared/store/catalogRestore';
import { keyOf } from '#shared/store/catalogUpsert';
import { documentClient, tableName } from '#shared/store/client';
import { asUnavailable } from '#shared/store/faults';
import { keys } from '#shared/store/keys';
import { insertPlainMerchantApiKey } from '#shared/store/merchantApiKeys';
import { stockStore } from '#shared/store/stock';

/**
 * The catalog import's writes: each entry is upserted from the item its entity's builder
 * makes (catalogItem), so an imported entity is stored as the fixtures loader and the vendor
 * routes store it; the import owns only the fields its document gives (see catalogUpsert).
 */
export const catalogImportStore: CatalogImportStore = {
  stock: stockStore,
  ledger: importLedgerStore,
  restore: catalogRestoreStore,
  insertStockRecords,

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
      async upsertAll(all) {
        const outcomes = new Array<EntryOutcome | undefined>(all.length);
        const upserted: { index: number; entry: Exclude<CatalogEntry, { entity: 'merchantApiKey' }> }[] = [];
        all.forEach((entry, index) => {
          if (oversized.has(entry)) outcomes[index] = oversized.get(entry);
          else if (entry.entity !== 'merchantApiKey') upserted.push({ index, entry });
        });
        // Keys are stored by their digest, each with its own conditional put, beside the groups.
        const keyed = all.flatMap((entry, index) => (entry.entity === 'merchantApiKey' && !outcomes[index] ? [{ index, entry }] : []));
        const [, grouped] = await sideBySide([
          inBatches(keyed, 16, async ({ index, entry }) => {
            outcomes[index] = await notFailing(() => importMerchantApiKey(tenantId, (entry as { key: string }).key, now));
          }),
          upsertInGroups(
            context,
            upserted.map(({ entry }) => entry),
            snapshot,
          ),
        ]);
        upserted.forEach(({ index }, i) => (outcomes[index] = grouped[i]));
        return outcomes as EntryOutcome[];
      },
      ownItemOf(productId, variantId) {
        const owner = variantId === null ? keys.product(tenantId, productId) : keys.variant(tenantId, productId, variantId);
        const itemId = snapshot.get(keyId(owner))?.inventoryItemId;
        return typeof itemId === 'string' ? itemId : undefined;
      },
    };
  },
};

/** A key is stored as its keyed digest; an existing one (active or revoked, however stored) is left as it is. */
async function importMerchantApiKey(tenantId: string, key: string, now: string): Promise<EntryOutcome> {
  return { result: (await insertPlainMerchantApiKey(tenantId, key, now)) ? 'created' : 'unchanged' };
}

/** A write that failed for a reason no rule names is the entry's refusal; a passing fault of the database fails the import (503). */
async function notFailing(write: () => Promise<EntryOutcome>): Promise<EntryOutcome> {
  try {
    return await write();
  } catch (error) {
    if (asUnavailable(error) !== undefined) throw error;
    return { result: 'refused', reason: failedWrite(error) };
  }
}
