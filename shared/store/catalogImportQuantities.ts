import type { StockRecord } from '#shared/domain/catalog';
import type { GroupedOutcome, ImportLedgerStore, LevelChange, OwnerLevelRead } from '#shared/domain/catalogImportEntries';
import { NotMigratedError } from '#shared/domain/errors';
import { readKeys } from '#shared/store/batchReads';
import { tableName } from '#shared/store/client';
import { LocationItem, LocationLevelItem, ProductItem, StockGuardItem, StockRecordItem, VariantItem } from '#shared/store/entities';
import { fromItem } from '#shared/store/items';
import { keys, stockKeys } from '#shared/store/keys';
import { movementWrites, ownItemWrites } from '#shared/store/levelChanges';
import { newStockRecordWrites } from '#shared/store/levelItems';
import type { NamedWrite } from '#shared/store/transactions';
import { commitInGroups } from '#shared/store/writeGroups';

type Wanted = Parameters<ImportLedgerStore['readOwnerLevels']>[1][number];

/**
 * The import's quantities, many at once: their owners' levels read in three rounds of BatchGets
 * (products, variants and locations; each level's guard and Medusa's view; the levels), whatever
 * their number, and their writes committed many to a transaction (see writeGroups), each the very
 * writes its single write commits: a new level's (insertStockRecord's) or a movement's
 * (writeMovement's: the level over the version read, its every view, its history entry).
 */
export async function readOwnerLevels(tenantId: string, wanted: readonly Wanted[]): Promise<OwnerLevelRead[]> {
  const owners = await readKeys(
    wanted.flatMap(({ productId, variantId, locationId }) => [
      keys.product(tenantId, productId),
      keys.location(tenantId, locationId),
      keys.variant(tenantId, productId, variantId),
    ]),
  );
  const contexts = wanted.map((_, i) =>
    parsed(() => {
      const [product, location, variant] = owners.slice(i * 3, i * 3 + 3);
      return {
        ...(product ? { product: fromItem(ProductItem, product) } : {}),
        ...(variant ? { variant: fromItem(VariantItem, variant) } : {}),
        ...(location ? { location: fromItem(LocationItem, location) } : {}),
      };
    }),
  );
  // The level is named by its guard (product, variant, location) and by Medusa's view of it (item, location).
  const itemOf = (i: number) => {
    const context = contexts[i]!;
    if ('unreadable' in context) return undefined;
    return context.variant?.inventoryItemId;
  };
  const placed = (i: number) => {
    const context = contexts[i]!;
    return !('unreadable' in context) && context.product !== undefined && context.location !== undefined;
  };
  const names = await readKeys(
    wanted.flatMap(({ productId, variantId, locationId }, i) => {
      if (!placed(i)) return [];
      const itemId = itemOf(i);
      return [
        keys.stock(tenantId, productId, variantId, locationId),
        ...(itemId === undefined ? [] : [keys.locationLevel(tenantId, itemId, locationId)]),
      ];
    }),
  );
  let at = 0;
  const levelIds = wanted.map((_, i): string | undefined | { unreadable: unknown } => {
    if (!placed(i)) return undefined;
    const guard = names[at++];
    const view = itemOf(i) === undefined ? undefined : names[at++];
    return parsed(() => {
      const levelId = (view && fromItem(LocationLevelItem, view).stockRecordId) ?? (guard && fromItem(StockGuardItem, guard).recordId);
      if (levelId === undefined && view)
        throw new NotMigratedError(`Medusa's level of ${itemOf(i)} at ${wanted[i]!.locationId} was stored before the stock ledger`);
      return levelId;
    });
  });
  const named = levelIds.filter((id): id is string => typeof id === 'string');
  const levels = await readKeys(named.map((id) => stockKeys.record(tenantId, id)));
  const levelOf = new Map(named.map((id, i) => [id, levels[i]] as const));
  return wanted.map((_, i) => {
    const context = contexts[i]!;
    const levelId = levelIds[i];
    if ('unreadable' in context) return context;
    if (typeof levelId === 'object') return levelId;
    const item = levelId === undefined ? undefined : levelOf.get(levelId);
    // The level of an item no product owns is no stock record (as readStockRecord reads one).
    const level = parsed<StockRecord | undefined>(() => (item && item.productId !== null ? fromItem(StockRecordItem, item) : undefined));
    if (level !== undefined && 'unreadable' in level) return level;
    return { ...context, ...(level ? { level } : {}) };
  });
}

/** The changes, many to a transaction; a change refused because its level (or owner) changed since it was read is `changed`. */
export async function writeLevelChanges(changes: readonly LevelChange[]): Promise<GroupedOutcome[]> {
  const TableName = tableName();
  const units = changes.map((change): NamedWrite<string>[] =>
    change.kind === 'insert'
      ? [
          ...newStockRecordWrites(TableName, change.level.record, change.level.created),
          ...ownItemWrites(TableName, change.level.record, change.level.own),
        ]
      : movementWrites(TableName, change.next, change.movement, change.enteredLowStock),
  );
  const outcomes = await commitInGroups(units);
  return outcomes.map((outcome, i) => {
    if ('written' in outcome) return 'written';
    if ('failed' in outcome) return outcome;
    // A level made meanwhile (its guard), an owner that took another own item, a level moved meanwhile (its version).
    const changed = changes[i]!.kind === 'insert' ? ['stock', 'owner'] : ['record'];
    if (changed.includes(outcome.refused)) return 'changed';
    return {
      failed: new Error(
        `Stock ${changes[i]!.kind === 'insert' ? 'record transaction' : 'movement'} refused by its ${outcome.refused} item`,
      ),
    };
  });
}

/** What `read` answers, or why it could not be read (an item that does not match its schema, one not migrated yet). */
function parsed<T>(read: () => T): T | { unreadable: unknown } {
  try {
    return read();
  } catch (error) {
    return { unreadable: error };
  }
}
