import type { Attach } from '#shared/domain/attachment';
import { nowIso, type InventoryItem, type Level, type Location, type LocationLevel } from '#shared/domain/catalog';
import { retryOnConcurrentChange } from '#shared/domain/concurrency';
import { BusinessRuleError, NotAllowedError, NotMigratedError } from '#shared/domain/errors';
import type { StockedItem } from '#shared/domain/inventoryLink';
import { locationsOf, newItemId, type InventoryItemStore, type ItemFields, type NewLevel } from '#shared/domain/inventoryItem';
import { levelExists, levelView, newItemLevel, type Actor } from '#shared/domain/locationLevel';
import { newLevelId } from '#shared/domain/ownItem';
import { creationMovement, MAX_QTY } from '#shared/domain/stock';
import { randomUUID } from 'node:crypto';

/** DynamoDB's most actions in one transaction. */
export const MAX_TRANSACTION_WRITES = 100;

/** A level to make: where, and what it starts with. */
export interface LevelToCreate {
  locationId: string;
  stockedQuantity?: number | undefined;
  incomingQuantity?: number | undefined;
}

/** Writes of one new level of an item no product owns: the location check, the ledger level, its history entry and its view. */
export const NEW_LEVEL_WRITES = 4;
/** Writes of one removed level (its history apart, which may follow the transaction): the ledger level and its view. */
export const REMOVED_LEVEL_WRITES = 2;
/** Writes of each link an item's delete removes: the link and its copy in the item's partition. */
const REMOVED_LINK_WRITES = 2;

/** Refused before any write when one transaction cannot hold it (with the request's own answer, one action more). */
export function withinOneTransaction(writes: number): void {
  const maximum = MAX_TRANSACTION_WRITES - 1;
  if (writes > maximum) throw new BusinessRuleError('too-many-writes', `${writes} writes do not fit one transaction`, { writes, maximum });
}

/** New levels of an item at locations it has none at, each a ledger level of the item's owner (or of none). */
export function newLevels(
  item: InventoryItem,
  levels: readonly LevelToCreate[],
  locations: Map<string, Location>,
  existing: readonly LocationLevel[],
  actor: Actor,
  attributes: Record<string, string> = {},
): NewLevel[] {
  const at = nowIso();
  const seen = new Set(existing.map((level) => level.locationId));
  return levels.map((request) => {
    if (seen.has(request.locationId)) throw levelExists(item.id, request.locationId);
    seen.add(request.locationId);
    const onHandQty = request.stockedQuantity ?? 0;
    if (onHandQty > MAX_QTY)
      throw new BusinessRuleError('on-hand-above-maximum', `Stocking ${onHandQty} takes on hand above ${MAX_QTY}`, {
        change: onHandQty,
        maximum: MAX_QTY,
      });
    const level = newItemLevel({
      id: `inv_${randomUUID().replaceAll('-', '')}`,
      levelId: newLevelId(),
      item,
      location: locations.get(request.locationId)!,
      onHandQty,
      reservedQty: 0,
      incomingQty: request.incomingQuantity ?? 0,
      attributes,
      at,
    });
    return { level, created: creationMovement(level, actor.subject), view: levelView(level) };
  });
}

const byLocation = (a: LocationLevel, b: LocationLevel) => a.locationId.localeCompare(b.locationId);

/**
 * A new item of no product (Medusa's standalone item, such as a kit's part), with its first levels
 * if given: the item, each level's ledger entry, history entry and view, in one transaction.
 */
export async function createInventoryItem(
  store: InventoryItemStore,
  actor: Actor,
  request: ItemFields & { levels: readonly LevelToCreate[] },
  attach?: Attach<StockedItem>,
): Promise<StockedItem> {
  withinOneTransaction(1 + request.levels.length * NEW_LEVEL_WRITES);
  const locations = await locationsOf(
    store,
    actor.tenantId,
    request.levels.map((level) => level.locationId),
  );
  const at = nowIso();
  const item: InventoryItem = {
    id: newItemId(),
    tenantId: actor.tenantId,
    sku: request.sku ?? null,
    title: request.title ?? null,
    description: request.description ?? null,
    requiresShipping: request.requiresShipping ?? true,
    createdAt: at,
    updatedAt: at,
  };
  const levels = newLevels(item, request.levels, locations, [], actor);
  const result = { item, levels: levels.map(({ view }) => view).sort(byLocation) };
  await store.insertItem(item, levels, attach?.(result));
  return result;
}

/**
 * Removes an item with its levels, as Medusa does, unless a level holds reservations (Medusa's
 * refusal) or the item is a product's or variant's own (ours: it holds their stock for every API).
 * An item that is not there is removed already: the same answer.
 */
export async function deleteInventoryItem(
  store: InventoryItemStore,
  actor: Actor,
  itemId: string,
  attach?: Attach<{ id: string }>,
): Promise<{ id: string }> {
  const result = { id: itemId };
  return retryOnConcurrentChange(async () => {
    const stocked = (await store.readItems(actor.tenantId, [itemId])).get(itemId);
    if (!stocked) return result;
    const { owner } = stocked.item;
    if (owner)
      throw new NotAllowedError('own-item-cannot-be-deleted', `Inventory item ${itemId} holds its owner's stock`, {
        inventoryItemId: itemId,
        productId: owner.productId,
        variantId: owner.variantId,
      });
    const levels = stocked.levels.map((view): Level | LocationLevel => view.ledger ?? view);
    if (levels.some((level) => ('reservedQty' in level ? level.reservedQty : level.reservedQuantity) > 0))
      throw new BusinessRuleError('item-has-reservations', `Inventory item ${itemId} has reservations`, { inventoryItemId: itemId });
    // Its links go with it (Medusa's delete removes them), found by their copies beside it: an item
    // stored before the copies waits for the migration that writes them.
    if (stocked.item.linksCopied !== true)
      throw new NotMigratedError(`The links of inventory item ${itemId} were stored before their copies`);
    withinOneTransaction(1 + levels.length * REMOVED_LEVEL_WRITES + (stocked.linkedVariants ?? []).length * REMOVED_LINK_WRITES);
    await store.deleteItem(stocked, levels, attach?.(result));
    return result;
  });
}
