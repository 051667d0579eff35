import type { StockRecord } from '#shared/domain/catalog';
import type { GroupedOutcome, LevelChange, OwnerLevelRead, Unreadable } from '#shared/domain/catalogImportEntries';
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

/** An owner's level at a location: a variant's, or (variantId null) a SIMPLE or DIGITAL product's own. */
type Place = { productId: string; variantId: string | null; locationId: string };

/**
 * The import's quantities, many at once: their owners' levels read in three rounds of BatchGets
 * (products, variants and locations; each level's guard and Medusa's view; the levels), whatever
 * their number, and their writes committed many to a transaction (see writeGroups), each the very
 * writes its single write commits: a new level's (insertStockRecord's) or a movement's
 * (writeMovement's: the level over the version read, its every view, its history entry).
 * OrderCloud's records read their owners' levels the same way (see catalogImportRecords).
 */
export async function readOwnerLevels(tenantId: string, wanted: readonly Place[]): Promise<OwnerLevelRead[]> {
  const ownerKeys = wanted.map(({ productId, variantId, locationId }) => [
    keys.product(tenantId, productId),
    keys.location(tenantId, locationId),
    ...(variantId === null ? [] : [keys.variant(tenantId, productId, variantId)]),
  ]);
  const owners = await readKeys(ownerKeys.flat());
  let read = 0;
  const contexts = ownerKeys.map((named) => {
    const [product, location, variant] = owners.slice(read, (read += named.length));
    return parsed(() => ({
      ...(product ? { product: fromItem(ProductItem, product) } : {}),
      ...(variant ? { variant: fromItem(VariantItem, variant) } : {}),
      ...(location ? { location: fromItem(LocationItem, location) } : {}),
    }));
  });
  // The level is named by its guard (product, variant, location) and by Medusa's view of it (the owner's own item, location).
  const itemOf = (i: number) => {
    const context = contexts[i]!;
    if ('unreadable' in context) return undefined;
    return wanted[i]!.variantId === null ? context.product?.inventoryItemId : context.variant?.inventoryItemId;
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
  const levelIds = wanted.map((_, i): string | undefined | Unreadable => {
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
    if (typeof levelId === 'object') return { ...context, level: levelId };
    const item = levelId === undefined ? undefined : levelOf.get(levelId);
    // The level of an item no product owns is no stock record (as readStockRecord reads one).
    const level = parsed<StockRecord | undefined>(() => (item && item.productId !== null ? fromItem(StockRecordItem, item) : undefined));
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
export function parsed<T>(read: () => T): T | Unreadable {
  try {
    return read();
  } catch (error) {
    return { unreadable: error };
  }
}
