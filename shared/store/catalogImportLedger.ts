import type { ImportLedgerStore } from '#shared/domain/catalogImportEntries';
import { importItemLevelStore } from '#shared/store/catalogImportLevels';
import { importLinkStore } from '#shared/store/catalogImportLinks';
import { readOwnerLevels, writeLevelChanges } from '#shared/store/catalogImportQuantities';
import { importRecordStore } from '#shared/store/catalogImportRecords';
import { asUnavailable } from '#shared/store/faults';

/**
 * The storage of the import's stock quantities, OrderCloud records, links and item levels, each
 * read many at once and written many to a transaction with the very writes of its own API: the
 * ledger's (a level's create and movements, with every view of the level in their transaction),
 * OrderCloud's record writes, Medusa's link create and Medusa's level writes.
 */
export const importLedgerStore: ImportLedgerStore = {
  transient: (error) => asUnavailable(error) !== undefined,
  readOwnerLevels,
  writeLevelChanges,
  ...importRecordStore,
  ...importLinkStore,
  ...importItemLevelStore,
};
