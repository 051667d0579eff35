import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest, longest first (measured on a full run). The workers share the
 * run's files: started first, a long file overlaps the many short ones; started last, it runs
 * alone while the others idle. Vitest orders by the durations it cached on an earlier run,
 * which a fresh clone has none of, and otherwise by file size, which says little about a file's time.
 */
const LONGEST_FIRST = [
  'test/robustness/properties.test.ts',
  'test/backupRestore.test.ts',
  'test/importLedgerGroups.test.ts',
  'test/logSecrets.test.ts',
  'test/seedApi.test.ts',
  'test/robustness/idempotency.test.ts',
  'test/infra.test.ts',
  'test/cli.test.ts',
  'test/oneModel/variantMove.test.ts',
  'test/medusaReservations.test.ts',
  'test/importGroups.test.ts',
  'test/robustness/faults.test.ts',
  'test/oneModel/creators.test.ts',
  'test/bundle.test.ts',
  'test/createVariant.test.ts',
  'test/stockLifecycle.test.ts',
  'test/linkVariantInventoryItem.test.ts',
  'test/inventoryRecords.sdk.test.ts',
  'test/robustness/outage.test.ts',
  'test/devServer.test.ts',
];

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const at = LONGEST_FIRST.findIndex((path) => file.moduleId.endsWith(path));
      return at === -1 ? LONGEST_FIRST.length : at;
    };
    const bySize = await super.sort(files);
    return bySize
      .map((file, order) => ({ file, order }))
      .sort((a, b) => rank(a.file) - rank(b.file) || a.order - b.order)
      .map(({ file }) => file);
  }
}
