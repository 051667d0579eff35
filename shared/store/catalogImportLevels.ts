import type { GroupedOutcome, ImportLedgerStore, ItemLevelRead } from '#shared/domain/catalogImportEntries';
import { ConcurrentChangeError, ConflictError, IDENTITY_RULES } from '#shared/domain/errors';
import { readKeys } from '#shared/store/batchReads';
import { parsed } from '#shared/store/catalogImportQuantities';
import { tableName } from '#shared/store/client';
import { InventoryItemItem, LevelItem, LocationItem, LocationLevelItem, VariantItem } from '#shared/store/entities';
import { fromItem } from '#shared/store/items';
import { keys, stockKeys } from '#shared/store/keys';
import { insertLevelRefusal, insertLevelWrites } from '#shared/store/ledgerLevel';
import { movementWrites } from '#shared/store/levelChanges';
import { unmigratedLevelUpdate } from '#shared/store/locationLevel';
import { movementRefusal } from '#shared/store/stock';
import type { NamedWrite } from '#shared/store/transactions';
import { commitInGroups } from '#shared/store/writeGroups';

/**
 * The import's inventory item levels, many at once: read in two rounds of BatchGets (each item,
 * location and Medusa's level there; the ledger's level it names and the item's owner variant),
 * whatever their number, and written many to a transaction (see writeGroups), each with the very
 * writes Medusa's single write commits (insertLevel's, writeMovement's, updateLevel's).
 */
export const importItemLevelStore: Pick<ImportLedgerStore, 'readItemLevels' | 'writeItemLevelChanges'> = {
  async readItemLevels(tenantId, wanted) {
    const first = await readKeys(
      wanted.flatMap(({ itemId, locationId }) => [
        keys.inventoryItem(tenantId, itemId),
        keys.location(tenantId, locationId),
        keys.locationLevel(tenantId, itemId, locationId),
      ]),
    );
    const places = wanted.map((_, i) =>
      parsed(() => {
        const [item, location, view] = first.slice(i * 3, i * 3 + 3);
        return {
          ...(item ? { item: fromItem(InventoryItemItem, item) } : {}),
          ...(location ? { location: fromItem(LocationItem, location) } : {}),
          ...(view ? { view: fromItem(LocationLevelItem, view) } : {}),
        };
      }),
    );
    // The ledger's level a view names; with no view, the variant owning the item (a new level carries its attributes).
    const ownerOf = (place: (typeof places)[number]) => {
      const owner = 'unreadable' in place || place.view !== undefined ? undefined : place.item?.owner;
      return owner?.variantId ? { productId: owner.productId, variantId: owner.variantId } : undefined;
    };
    const second = await readKeys(
      places.flatMap((place) => {
        if ('unreadable' in place) return [];
        const owner = ownerOf(place);
        return [
          ...(place.view?.stockRecordId === undefined ? [] : [stockKeys.record(tenantId, place.view.stockRecordId)]),
          ...(owner ? [keys.variant(tenantId, owner.productId, owner.variantId)] : []),
        ];
      }),
    );
    let at = 0;
    return places.map((place): ItemLevelRead => {
      if ('unreadable' in place) return place;
      const level = place.view?.stockRecordId === undefined ? undefined : second[at++];
      const variant = ownerOf(place) ? second[at++] : undefined;
      return parsed(() => ({
        ...place,
        ...(level ? { level: fromItem(LevelItem, level) } : {}),
        ...(variant ? { ownerVariant: fromItem(VariantItem, variant) } : {}),
      }));
    });
  },

  async writeItemLevelChanges(changes) {
    const TableName = tableName();
    const units = changes.map((change): NamedWrite<string>[] => {
      if (change.kind === 'insert') return insertLevelWrites(TableName, change.level, change.created, change.view);
      if (change.kind === 'move') return movementWrites(TableName, change.next, change.movement, change.enteredLowStock);
      return [unmigratedLevelUpdate(TableName, change.level, change.set)];
    });
    const outcomes = await commitInGroups(units);
    return outcomes.map((outcome, i): GroupedOutcome => {
      if ('written' in outcome) return 'written';
      if ('failed' in outcome) return outcome;
      const change = changes[i]!;
      if (change.kind === 'unmigrated') return 'changed';
      const error =
        change.kind === 'insert'
          ? insertLevelRefusal(change.level, change.view, outcome.refused)
          : movementRefusal(change.next, outcome.refused);
      // The item or the level changed, or a level was made at the place meanwhile (move it instead): read again.
      if (error instanceof ConcurrentChangeError || (error instanceof ConflictError && error.is(IDENTITY_RULES.levelPerLocation)))
        return 'changed';
      return { failed: error };
    });
  },
};
