import type { StockRecord } from '#shared/domain/catalog';
import type { GroupedOutcome, ImportLedgerStore, RecordRead, Unreadable } from '#shared/domain/catalogImportEntries';
import { sideBySide } from '#shared/domain/concurrency';
import { ConcurrentChangeError, ConflictError, IDENTITY_RULES } from '#shared/domain/errors';
import { recordIdTaken, type InventoryRecord } from '#shared/domain/inventoryRecord';
import { readKeys } from '#shared/store/batchReads';
import { parsed, readOwnerLevels } from '#shared/store/catalogImportQuantities';
import { tableName } from '#shared/store/client';
import { StockRecordItem } from '#shared/store/entities';
import { recordKey, withAddresses } from '#shared/store/inventoryRecordItems';
import { fromItem } from '#shared/store/items';
import { keys, stockKeys } from '#shared/store/keys';
import { ownItemWrites } from '#shared/store/levelChanges';
import { newStockRecordWrites } from '#shared/store/levelItems';
import { recordFieldsWrite, recordIdWrites, recordLevelChangeRefusal, recordLevelChangeWrites } from '#shared/store/ledgerRecords';
import { newLevelRefusal } from '#shared/store/stock';
import type { NamedWrite } from '#shared/store/transactions';
import { commitInGroups } from '#shared/store/writeGroups';

/**
 * The import's OrderCloud records, many at once: each owner's level at the record's address read
 * as the quantities read theirs (readOwnerLevels), beside the records and ID guards (100 keys to a
 * BatchGet); and their writes committed many to a transaction (see writeGroups), each the very
 * writes its single write commits (insertRecordLevel's, writeLevelChange's, replaceRecordFields').
 */
export const importRecordStore: Pick<ImportLedgerStore, 'readRecords' | 'writeRecordChanges'> = {
  async readRecords(tenantId, wanted) {
    const [places, found] = await sideBySide([
      readOwnerLevels(
        tenantId,
        wanted.map(({ owner, addressId }) => ({ ...owner, locationId: addressId })),
      ),
      readKeys(
        wanted.flatMap(({ owner, recordId }) => [
          recordKey(tenantId, owner, recordId),
          keys.inventoryRecordId(tenantId, owner.productId, recordId),
        ]),
      ),
    ]);
    // A record shows its address (its copy, or the location for one written before it kept a copy): without one it is not shown.
    const existing = await sideBySide(
      wanted.map(async (_, i): Promise<InventoryRecord | Unreadable | undefined> => {
        const item = found[i * 2];
        if (!item) return undefined;
        try {
          return (await withAddresses(tenantId, [item]))[0]?.record;
        } catch (error) {
          return { unreadable: error };
        }
      }),
    );
    const named = await namedLevels(tenantId, existing);
    return wanted.map((_, i): RecordRead => {
      const place = places[i]!;
      const record = existing[i];
      if ('unreadable' in place) return place;
      if (record && 'unreadable' in record) return record;
      return {
        ...place,
        ...(record ? { existing: record } : {}),
        ...(named[i] ? { named: named[i] } : {}),
        idTaken: found[i * 2 + 1] !== undefined,
      };
    });
  },

  async writeRecordChanges(changes) {
    const TableName = tableName();
    const units = changes.map((change): NamedWrite<string>[] => {
      if (change.kind === 'fields') return [recordFieldsWrite(TableName, change.previous, change.next)];
      if (change.kind === 'level') return recordLevelChangeWrites(TableName, change.change);
      return [
        // The record's writes first: a taken ID is the refusal reported, even where a level exists too.
        ...recordIdWrites(TableName, change.view),
        ...newStockRecordWrites(TableName, change.level, change.created),
        ...ownItemWrites(TableName, change.level, change.item),
      ];
    });
    const outcomes = await commitInGroups(units);
    return outcomes.map((outcome, i): GroupedOutcome => {
      if ('written' in outcome) return 'written';
      if ('failed' in outcome) return outcome;
      const change = changes[i]!;
      if (change.kind === 'fields') return 'changed';
      const error =
        change.kind === 'level'
          ? recordLevelChangeRefusal(change.change, outcome.refused)
          : (newLevelRefusal(outcome.refused) ?? recordIdTaken(change.view.record.id));
      // A level made at the place meanwhile (name it instead), an owner that took another own item, a level or record changed: read again.
      if (error instanceof ConcurrentChangeError || (error instanceof ConflictError && error.is(IDENTITY_RULES.stockPerLocation)))
        return 'changed';
      return { failed: error };
    });
  },
};

/** The level each stored record names: its copy of it or, for a record written before it kept one, the level read. */
async function namedLevels(
  tenantId: string,
  records: readonly (InventoryRecord | Unreadable | undefined)[],
): Promise<(StockRecord | Unreadable | undefined)[]> {
  const uncopied = records.map((record) =>
    record && !('unreadable' in record) && !record.ledger && record.stockRecordId !== undefined ? record.stockRecordId : undefined,
  );
  const ids = uncopied.filter((id): id is string => id !== undefined);
  const read = ids.length === 0 ? [] : await readKeys(ids.map((id) => stockKeys.record(tenantId, id)));
  const levelOf = new Map(ids.map((id, i) => [id, read[i]] as const));
  return records.map((record, i) => {
    if (!record || 'unreadable' in record) return undefined;
    if (record.ledger) return record.ledger;
    const item = uncopied[i] === undefined ? undefined : levelOf.get(uncopied[i]);
    // As readStockRecord reads it: the level of an item no product owns is no stock record.
    return parsed(() => (item && item.productId !== null ? fromItem(StockRecordItem, item) : undefined));
  });
}
