import type { Attach } from '#shared/domain/attachment';
import { nowIso, type Level, type StockRecord } from '#shared/domain/catalog';
import { retryOnConcurrentChange } from '#shared/domain/concurrency';
import { BusinessRuleError, NotFoundError } from '#shared/domain/errors';
import { availableQty, isLowStock, MAX_QTY, movementOf, type StockMovement, type StockRecordStore } from '#shared/domain/stock';

/** Moving a stock record's quantities: each movement decides on the record as read, and writes over that version only. */

export interface Reservation {
  qty: number;
  reference?: string | undefined;
  notes?: string | undefined;
}

export interface Adjustment {
  /** Units added to on hand; negative removes them. */
  qty: number;
  reason: string;
  reference?: string | undefined;
  reorderLevel?: number | undefined;
  reorderQty?: number | undefined;
  bin?: string | undefined;
}

/** The next state of a record, or a BusinessRuleError when the movement would break a floor. */
type Movement = (record: StockRecord) => {
  next: Omit<StockRecord, 'version' | 'updatedAt'>;
  change: Pick<StockMovement, 'kind' | 'qty' | 'reason' | 'reference' | 'notes'>;
};

/** Holds `qty` more units for an order: never more than is available. */
export const reserve =
  (request: Reservation): Movement =>
  (record) => {
    const available = availableQty(record);
    if (request.qty > available)
      throw new BusinessRuleError('reserve-exceeds-available', `Reserving ${request.qty} exceeds the ${available} available`, {
        requested: request.qty,
        available,
      });
    return {
      next: { ...record, reservedQty: record.reservedQty + request.qty },
      change: { kind: 'reserved', qty: request.qty, reason: null, reference: request.reference ?? null, notes: request.notes ?? null },
    };
  };

/** Gives back `qty` reserved units: never more than are reserved. */
export const release =
  (request: Reservation): Movement =>
  (record) => {
    if (request.qty > record.reservedQty) {
      throw new BusinessRuleError('release-exceeds-reserved', `Releasing ${request.qty} exceeds the ${record.reservedQty} reserved`, {
        requested: request.qty,
        reserved: record.reservedQty,
      });
    }
    return {
      next: { ...record, reservedQty: record.reservedQty - request.qty },
      change: { kind: 'released', qty: request.qty, reason: null, reference: request.reference ?? null, notes: request.notes ?? null },
    };
  };

/**
 * Adds or removes on-hand units (a count, a delivery, damage): on hand never falls below what is reserved.
 * Any level moves alike, a stock record or the level of an item no product owns (Medusa's level update).
 */
export const adjust =
  (request: Adjustment) =>
  <R extends Level>(record: R): { next: R; change: ReturnType<Movement>['change'] } => {
    const onHandQty = record.onHandQty + request.qty;
    if (onHandQty < record.reservedQty) {
      throw new BusinessRuleError(
        'on-hand-below-reserved',
        `Adjusting by ${request.qty} leaves ${onHandQty} on hand, below what is reserved`,
        {
          change: request.qty,
          onHand: onHandQty,
          reserved: record.reservedQty,
        },
      );
    }
    if (onHandQty > MAX_QTY)
      throw new BusinessRuleError('on-hand-above-maximum', `Adjusting by ${request.qty} takes on hand above ${MAX_QTY}`, {
        change: request.qty,
        maximum: MAX_QTY,
      });
    return {
      next: {
        ...record,
        onHandQty,
        reorderLevel: request.reorderLevel ?? record.reorderLevel,
        reorderQty: request.reorderQty ?? record.reorderQty,
        bin: request.bin ?? record.bin,
      },
      change: { kind: 'adjusted', qty: request.qty, reason: request.reason, reference: request.reference ?? null, notes: null },
    };
  };

/**
 * A movement that lost its race is read and tried again until this long after it began;
 * then 503. Inside the function's timeout (29 s; the pipeline answers 503 itself at 28 s),
 * and long enough for a burst of contenders on one record to drain: each lost race means
 * another movement was written.
 */
export const MOVEMENT_DEADLINE_MS = 25_000;

/**
 * Applies a movement to a record: read it, decide in the domain (floors, low-stock
 * state), and write the next version with its history entry only over the version
 * read. A concurrent movement in between makes the write refuse; the record is then
 * read again and the movement decided again, with a jittered pause, until the
 * deadline. So 50 concurrent reserves against 20 units end with exactly 20 successes.
 */
export async function moveStock(
  store: Pick<StockRecordStore, 'readStockRecord' | 'writeMovement'>,
  actor: { tenantId: string; subject: string },
  recordId: string,
  movement: Movement,
  attach?: Attach<StockRecord>,
  deadline = Date.now() + MOVEMENT_DEADLINE_MS,
): Promise<StockRecord> {
  return retryOnConcurrentChange(
    async () => {
      const record = await store.readStockRecord(actor.tenantId, recordId);
      if (!record) throw new NotFoundError('StockRecord', recordId);
      const { next: fields, change } = movement(record);
      const next: StockRecord = { ...fields, version: record.version + 1, updatedAt: nowIso() };
      if (change.kind === 'adjusted') next.lastAdjustedAt = next.updatedAt;
      await store.writeMovement(next, movementOf(next, change, actor.subject), !isLowStock(record) && isLowStock(next), attach?.(next));
      return next;
    },
    { deadline },
  );
}
