import type { StockInsertOutcome } from '#shared/domain/catalogImport';
import type { NewLevel } from '#shared/domain/stock';
import { tableName } from '#shared/store/client';
import { ownItemWrites } from '#shared/store/levelChanges';
import { newStockRecordWrites } from '#shared/store/levelItems';
import { commitInGroups } from '#shared/store/writeGroups';

/**
 * The import's new levels, many to a transaction (see writeGroups): each level's writes are the ones
 * insertStockRecord commits (its identity guard, the record, its first movement, Medusa's view and
 * its owner's own item), refused by the same conditions and named back to the level they belong to.
 */
export async function insertStockRecords(levels: NewLevel[]): Promise<StockInsertOutcome[]> {
  const TableName = tableName();
  const outcomes = await commitInGroups(
    levels.map(({ record, created, own }) => [
      ...newStockRecordWrites(TableName, record, created),
      ...ownItemWrites(TableName, record, own),
    ]),
  );
  return outcomes.map((outcome) => {
    if ('written' in outcome) return 'created';
    if ('failed' in outcome) return outcome;
    if (outcome.refused === 'stock') return 'exists';
    if (outcome.refused === 'owner') return 'ownerChanged';
    return { failed: new Error(`Stock record transaction refused by its ${outcome.refused} item`) };
  });
}
