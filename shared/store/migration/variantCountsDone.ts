import { checkpointKeys } from '#shared/store/migration/runner';
import { tableName } from '#shared/store/client';

type Item = Record<string, unknown>;

/** The step that counts the variants of products stored before they counted them (variantCounts.ts). */
export const VARIANT_COUNTS_STEP = 'one-model-product-variant-counts';

/** Tables whose variant count migration has run to its end (it never runs back): remembered for the container's life. */
const migratedTables = new Set<string>();

/**
 * Whether the variant count migration has run over the whole table, from its checkpoints: then
 * every product's `variantCount` counts its variants (every write since keeps it in the same
 * transaction). `checkpoints` are the items read for the keys of `variantCountCheckpointKeys()`.
 */
export function variantCountsMigrated(checkpoints: readonly (Item | undefined)[]): boolean {
  const table = tableName();
  if (migratedTables.has(table)) return true;
  if (checkpoints.length === 0 || !checkpoints.every((item) => item?.done === true)) return false;
  migratedTables.add(table);
  return true;
}

/** The checkpoint keys to read beside a page, until the migration is known to be done. */
export const variantCountCheckpointKeys = (): { pk: string; sk: string }[] =>
  migratedTables.has(tableName()) ? [] : (checkpointKeys(VARIANT_COUNTS_STEP) as { pk: string; sk: string }[]);
