import type { CatalogEntry, EntryOutcome } from '#shared/domain/catalogImport';
import { placement, type ImportContext } from '#shared/store/catalogPlacement';
import { keyOf } from '#shared/store/catalogUpsert';
import { itemSize, kilobytes, MAX_STORED_ITEM_BYTES } from '#shared/store/itemSize';
import type { Key } from '#shared/store/keys';

type Item = Record<string, unknown>;

/**
 * The entries whose item would not fit, each with its refusal: the item as the upsert would
 * leave it (what is stored, the builder's attributes it lacks, the managed fields over both),
 * sized by DynamoDB's rules against MAX_STORED_ITEM_BYTES. Computed for the whole document
 * before its first write, so an import never fails on size halfway through.
 */
export function oversizedEntries(
  context: ImportContext,
  entries: readonly CatalogEntry[],
  stored: (key: Key) => Item | undefined,
): Map<CatalogEntry, EntryOutcome> {
  const refused = new Map<CatalogEntry, EntryOutcome>();
  for (const entry of entries) {
    if (entry.entity === 'merchantApiKey') continue;
    const place = placement(context, entry);
    const before = stored(keyOf(place));
    const after = { ...place.item, ...(before ?? {}), ...(before && place.follows ? place.follows(before) : {}), ...place.managed };
    const size = itemSize(after);
    if (size > MAX_STORED_ITEM_BYTES) {
      refused.set(entry, {
        result: 'refused',
        reason: `its stored item would take ${kilobytes(size)}, more than the ${kilobytes(MAX_STORED_ITEM_BYTES)} an item may take`,
      });
    }
  }
  return refused;
}
