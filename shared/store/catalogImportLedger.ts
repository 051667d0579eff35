import type { ImportLedgerStore } from '#shared/domain/catalogImportEntries';
import { importLinkStore } from '#shared/store/catalogImportLinks';
import { readOwnerLevels, writeLevelChanges } from '#shared/store/catalogImportQuantities';
import { asUnavailable } from '#shared/store/faults';
import { inventoryRecordStore } from '#shared/store/inventoryRecord';
import { locationLevelStore } from '#shared/store/locationLevel';

/**
 * The storage of the import's stock quantities, item levels, OrderCloud records and links: the
 * ledger's own writes (a level's create and movements, with every view of the level in their
 * transaction, many to a transaction), Medusa's level store, OrderCloud's record store, and
 * Medusa's link as its create writes it (many to a transaction too).
 */
export const importLedgerStore: ImportLedgerStore = {
  transient: (error) => asUnavailable(error) !== undefined,
  readOwnerLevels,
  writeLevelChanges,
  levels: locationLevelStore,
  records: inventoryRecordStore,
  ...importLinkStore,
};
