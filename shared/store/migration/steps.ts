import type { MigrationStep } from '#shared/store/migration/runner';
import { stockRecordsToLevels } from '#shared/store/migration/stockRecordItems';
import { variantIdGuards } from '#shared/store/migration/variantIdGuards';
import { medusaLevelsToLedger } from '#shared/store/migration/medusaLevels';
import { orderCloudRecordsToLevels } from '#shared/store/migration/orderCloudRecords';
import { variantCounts } from '#shared/store/migration/variantCounts';
import { merchantKeyDigests } from '#shared/store/migration/merchantKeyDigests';
import { recordCounts } from '#shared/store/migration/recordCounts';
import { itemSkuGuards } from '#shared/store/migration/itemSkuGuards';
import { itemCounts } from '#shared/store/migration/itemCounts';
import { linkCopies, linksCopied } from '#shared/store/migration/linkCopies';
import { levelsByLocation } from '#shared/store/migration/levelsByLocation';

/** Every layout change since the first deployed version, in the order they must run. */
export const MIGRATION_STEPS: readonly MigrationStep[] = [
  stockRecordsToLevels,
  variantIdGuards,
  medusaLevelsToLedger,
  orderCloudRecordsToLevels,
  variantCounts,
  merchantKeyDigests,
  recordCounts,
  itemSkuGuards,
  itemCounts,
  // Copies first, over the whole table; then each item is marked as having them.
  linkCopies,
  linksCopied,
  levelsByLocation,
];
