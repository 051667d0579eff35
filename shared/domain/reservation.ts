import type { Attach, Attachment } from '#shared/domain/attachment';
import { requireJsonWithin } from '#shared/domain/bounds';
import { nowIso, type Level, type LocationLevel } from '#shared/domain/catalog';
import { retryOnConcurrentChange } from '#shared/domain/concurrency';
import { ConcurrentChangeError, NotFoundError, NotMigratedError } from '#shared/domain/errors';
import type { StockedItem } from '#shared/domain/inventoryLink';
import { newMedusaId } from '#shared/domain/inventoryLink';
import type { Actor } from '#shared/domain/locationLevel';
import { afterMoves, move, type LevelMove } from '#shared/domain/reservationMoves';
import { MOVEMENT_DEADLINE_MS } from '#shared/domain/stockMovement';

/**
 * Medusa's reservations: each holds `quantity` units of one level (an inventory item at a
 * location) for a line item. A reservation is a reserve of the one ledger: its create, update and
 * delete are movements of that level (`reservedQty`, which ShopSynch shows as reservedQty,
 * OrderCloud as less QuantityAvailable and DayZero as reserved), written in the level's own
 * transaction with the reservation itself. A level holding reservations is never removed, as its
 * reserved units hold it (deleteLocationLevel).
 */
export interface Reservation {
  /** `resitem_` and a ULID, as Medusa names them. */
  id: string;
  tenantId: string;
  inventoryItemId: string;
  locationId: string;
  quantity: number;
  lineItemId: string | null;
  description: string | null;
  metadata: Record<string, unknown> | null;
  /** Counts the reservation's writes: each one is conditional on the version it read. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A reservation with its inventory item and that item's levels, as the write left them (or as read). */
export interface ReservationView {
  reservation: Reservation;
  stocked: StockedItem | undefined;
}

/** Medusa's `metadata` of a reservation, as JSON: at most this many bytes. */
export const MAX_RESERVATION_METADATA_BYTES = 8 * 1024;

export interface ReservationFilter {
  inventoryItemId?: string;
  locationId?: string;
  lineItemId?: string;
  description?: string;
  /** Matches a reservation whose description contains it, in any case. */
  q?: string;
}

export type ReservationOrderField = 'id' | 'created_at' | 'updated_at' | 'quantity' | 'location_id' | 'inventory_item_id' | 'line_item_id';

export interface ReservationListQuery {
  filter: ReservationFilter;
  order?: { field: ReservationOrderField; descending: boolean };
  limit: number;
  offset: number;
}

export interface ReservationStore {
  /** The item with its levels (one query of its partition), or undefined. */
  readItem(tenantId: string, itemId: string): Promise<StockedItem | undefined>;
  /** Several items with their levels, read side by side. */
  readItems(tenantId: string, itemIds: readonly string[]): Promise<Map<string, StockedItem>>;
  /** The ledger entry a level view names, read consistently. */
  readLevel(tenantId: string, levelId: string): Promise<Level | undefined>;
  readReservation(tenantId: string, reservationId: string): Promise<Reservation | undefined>;
  /** A page of the tenant's reservations that match, in `order` (else as made), and the count of all that match. */
  listReservations(tenantId: string, query: ReservationListQuery): Promise<{ reservations: Reservation[]; count: number }>;
  /**
   * One transaction: the reservation written (`put`, new when `read` is undefined, else only over
   * the version of `read`, the reservation as read) or removed (`remove`, only as read), with each
   * level's movement over the level's version read. ConcurrentChangeError when any of them changed meanwhile.
   */
  writeReservation(
    change: { put?: Reservation; read?: Reservation; remove?: Reservation; moves: LevelMove[] },
    attachment?: Attachment,
  ): Promise<void>;
}

const notStocked = (inventoryItemId: string, locationId: string) =>
  new NotFoundError('LocationLevel', locationId, { inventoryItemId, forReservation: true });

/** The level of an item at a location, as its view's copy shows it (or read, for a view written before it carried one). */
async function levelAt(
  store: ReservationStore,
  tenantId: string,
  stocked: StockedItem | undefined,
  itemId: string,
  locationId: string,
): Promise<{ view: LocationLevel; level: Level }> {
  const view = stocked?.levels.find((current) => current.locationId === locationId);
  if (!view) throw notStocked(itemId, locationId);
  if (view.ledger) return { view, level: view.ledger };
  if (view.stockRecordId === undefined) throw new NotMigratedError(`Level of ${itemId} at ${locationId}`);
  const level = await store.readLevel(tenantId, view.stockRecordId);
  if (!level) throw new ConcurrentChangeError('The level was removed since its view was read');
  return { view, level };
}

const contending = () => ({ deadline: Date.now() + MOVEMENT_DEADLINE_MS });

export interface NewReservation {
  inventoryItemId: string;
  locationId: string;
  quantity: number;
  lineItemId?: string | null | undefined;
  description?: string | null | undefined;
  metadata?: Record<string, unknown> | null | undefined;
}

/** Reserves units of the item's level at the location: refused beyond what it has available, or where it has no level. */
export async function createReservation(
  store: ReservationStore,
  actor: Actor,
  request: NewReservation,
  attach?: Attach<ReservationView>,
): Promise<ReservationView> {
  if (request.metadata) requireJsonWithin('metadata', request.metadata, MAX_RESERVATION_METADATA_BYTES);
  return retryOnConcurrentChange(async () => {
    const stocked = await store.readItem(actor.tenantId, request.inventoryItemId);
    const { level } = await levelAt(store, actor.tenantId, stocked, request.inventoryItemId, request.locationId);
    const at = nowIso();
    // The ID's time (to the millisecond) is the creation time: the list's key order is the order the reservations were made in.
    const id = newMedusaId('resitem');
    const moves = [move(level, request.quantity, id, actor.subject, at)];
    const reservation: Reservation = {
      id,
      tenantId: actor.tenantId,
      inventoryItemId: request.inventoryItemId,
      locationId: request.locationId,
      quantity: request.quantity,
      lineItemId: request.lineItemId ?? null,
      description: request.description ?? null,
      metadata: request.metadata ?? null,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    const result = { reservation, stocked: afterMoves(stocked!, moves) };
    await store.writeReservation({ put: reservation, moves }, attach?.(result));
    return result;
  }, contending());
}

export interface ReservationChange {
  locationId?: string | undefined;
  quantity?: number | undefined;
  description?: string | null | undefined;
  metadata?: Record<string, unknown> | null | undefined;
}

/**
 * Changes a reservation: a new quantity moves its level by the difference; a new location releases
 * the old level and reserves at the new one, both in one transaction (refused where the new level
 * has not enough available). Description and metadata alone move nothing.
 */
export async function updateReservation(
  store: ReservationStore,
  actor: Actor,
  reservationId: string,
  change: ReservationChange,
  attach?: Attach<ReservationView>,
): Promise<ReservationView> {
  if (change.metadata) requireJsonWithin('metadata', change.metadata, MAX_RESERVATION_METADATA_BYTES);
  return retryOnConcurrentChange(async () => {
    const read = await store.readReservation(actor.tenantId, reservationId);
    if (!read) throw new NotFoundError('Reservation', reservationId, { forUpdate: true });
    const stocked = await store.readItem(actor.tenantId, read.inventoryItemId);
    const locationId = change.locationId ?? read.locationId;
    const quantity = change.quantity ?? read.quantity;
    const at = nowIso();
    const moves: LevelMove[] = [];
    if (locationId !== read.locationId) {
      const to = await levelAt(store, actor.tenantId, stocked, read.inventoryItemId, locationId);
      const from = stocked?.levels.find((view) => view.locationId === read.locationId);
      // The old level may be gone (its units released through another API, then removed): nothing to give back there.
      if (from)
        moves.push(
          move(
            (await levelAt(store, actor.tenantId, stocked, read.inventoryItemId, read.locationId)).level,
            -read.quantity,
            read.id,
            actor.subject,
            at,
          ),
        );
      moves.push(move(to.level, quantity, read.id, actor.subject, at));
    } else if (quantity !== read.quantity) {
      const { level } = await levelAt(store, actor.tenantId, stocked, read.inventoryItemId, locationId);
      moves.push(move(level, quantity - read.quantity, read.id, actor.subject, at));
    }
    const reservation: Reservation = {
      ...read,
      locationId,
      quantity,
      ...(change.description !== undefined ? { description: change.description } : {}),
      ...(change.metadata !== undefined ? { metadata: change.metadata } : {}),
      version: read.version + 1,
      updatedAt: at,
    };
    const result = { reservation, stocked: stocked && afterMoves(stocked, moves) };
    await store.writeReservation({ put: reservation, read, moves }, attach?.(result));
    return result;
  }, contending());
}

/**
 * Removes a reservation and gives its units back to its level, in one transaction. An unknown
 * reservation is removed already: Medusa answers it as deleted, and so do we (nothing is written).
 */
export async function deleteReservation(
  store: ReservationStore,
  actor: Actor,
  reservationId: string,
  attach?: Attach<{ id: string }>,
): Promise<{ id: string }> {
  const result = { id: reservationId };
  return retryOnConcurrentChange(async () => {
    const read = await store.readReservation(actor.tenantId, reservationId);
    if (!read) return result;
    const stocked = await store.readItem(actor.tenantId, read.inventoryItemId);
    const there = stocked?.levels.some((view) => view.locationId === read.locationId);
    const moves = there
      ? [
          move(
            (await levelAt(store, actor.tenantId, stocked, read.inventoryItemId, read.locationId)).level,
            -read.quantity,
            read.id,
            actor.subject,
            nowIso(),
          ),
        ]
      : [];
    await store.writeReservation({ remove: read, moves }, attach?.(result));
    return result;
  }, contending());
}

async function existingReservation(store: ReservationStore, tenantId: string, reservationId: string): Promise<Reservation> {
  const reservation = await store.readReservation(tenantId, reservationId);
  if (!reservation) throw new NotFoundError('Reservation', reservationId);
  return reservation;
}

/** One reservation with its item (as read now). */
export async function getReservation(store: ReservationStore, tenantId: string, reservationId: string): Promise<ReservationView> {
  const reservation = await existingReservation(store, tenantId, reservationId);
  return { reservation, stocked: await store.readItem(tenantId, reservation.inventoryItemId) };
}

/** A page of the tenant's reservations, each with its item, and the count of all that match. */
export async function listReservations(
  store: ReservationStore,
  tenantId: string,
  query: ReservationListQuery,
): Promise<{ views: ReservationView[]; count: number }> {
  const { reservations, count } = await store.listReservations(tenantId, query);
  const items = await store.readItems(
    tenantId,
    reservations.map((reservation) => reservation.inventoryItemId),
  );
  return { views: reservations.map((reservation) => ({ reservation, stocked: items.get(reservation.inventoryItemId) })), count };
}
