import type { NewLevel } from '#shared/domain/stock';
import { newStockRecordItems, newStockRecordWrites } from '#shared/store/levelItems';
import { ownItemWrites } from '#shared/store/levelChanges';
import type { NamedWrite } from '#shared/store/transactions';

type Item = Record<string, unknown>;

/**
 * The writes of a new level, for every route that creates stock (ShopSynch's create, DayZero's
 * initial inventory and first adjustment at a location, the import): the record with its
 * guard and first movement, its Medusa view at (item, location) and, at its owner's first
 * stock, the own item, its link and the owner's reference to it. Refused as 'stock' when the
 * product, variant and location (or the item and location) already have a level; as 'owner'
 * when the owner took another own item since it was read. `ownerWritten`: the owner is put in
 * the same transaction already holding its reference (DayZero's new variant).
 */
export function newLevelWrites(
  table: string,
  level: NewLevel,
  ownerWritten = false,
): NamedWrite<'stock' | 'record' | 'movement' | 'owner'>[] {
  return [...newStockRecordWrites(table, level.record, level.created), ...ownItemWrites(table, level.record, level.own, ownerWritten)];
}

/**
 * The same level as the fixtures loader writes it, unconditionally (a load overwrites): every
 * item the create puts (the owner's reference is on the owner item the loader builds).
 */
export function newLevelItems(level: NewLevel): Item[] {
  const { guard, item, movement } = newStockRecordItems(level.record, level.created);
  const puts = ownItemWrites('', level.record, level.own, true).flatMap(({ action }) => (action.Put ? [action.Put.Item as Item] : []));
  return [guard, item, movement, ...puts];
}
