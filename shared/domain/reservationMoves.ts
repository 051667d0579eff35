import type { Level } from '#shared/domain/catalog';
import { NotAllowedError } from '#shared/domain/errors';
import type { StockedItem } from '#shared/domain/inventoryLink';
import { viewShowing } from '#shared/domain/locationLevelMoves';
import { availableQty, isLowStock, movementOf, type StockMovement } from '#shared/domain/stock';

/** A reservation's effect on the ledger: the movements of the levels it holds units of (see reservation.ts). */

/** The history's reason for a reservation's movements; its reference is the reservation's ID. */
export const MEDUSA_RESERVATION = 'medusa-reservation';

/** One level's movement in a reservation's transaction. */
export interface LevelMove {
  next: Level;
  movement: StockMovement;
  enteredLowStock: boolean;
}

/** Reserves (`qty` > 0) or releases (`qty` < 0) units of a level: a movement to its next version. */
export function move(level: Level, qty: number, reservationId: string, subject: string, at: string): LevelMove {
  if (qty > 0 && qty > availableQty(level)) {
    throw new NotAllowedError('reservation-exceeds-available', `Reserving ${qty} exceeds the ${availableQty(level)} available`, {
      inventoryItemId: level.inventoryItemId ?? '',
      locationId: level.locationId,
      requested: qty,
      available: availableQty(level),
    });
  }
  // A release never takes reserved below zero: another API may have released units this reservation held.
  const moved = qty >= 0 ? qty : Math.max(qty, -level.reservedQty);
  const next: Level = { ...level, reservedQty: level.reservedQty + moved, version: level.version + 1, updatedAt: at };
  const change = {
    kind: qty >= 0 ? ('reserved' as const) : ('released' as const),
    qty: Math.abs(moved),
    reason: MEDUSA_RESERVATION,
    reference: reservationId,
    notes: null,
  };
  return { next, movement: movementOf(next, change, subject), enteredLowStock: !isLowStock(level) && isLowStock(next) };
}

/** The item as the moves leave it: each moved level's view shows the level's next version. */
export function afterMoves(stocked: StockedItem, moves: readonly LevelMove[]): StockedItem {
  const levels = stocked.levels.map((view) => {
    const moved = moves.find(({ next }) => next.locationId === view.locationId);
    return moved ? viewShowing(view, moved.next) : view;
  });
  return { item: stocked.item, levels };
}
