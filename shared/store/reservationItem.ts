import * as z from 'zod/mini';
import type { Reservation } from '#shared/domain/reservation';
import { fromItem, toItem } from '#shared/store/items';
import { type Key } from '#shared/store/keys';
import { reservationKeys, type ReservationPartition } from '#shared/store/reservationKeys';
import { ENTITY } from '#shared/store/table';

/** A reservation as stored: `metadata` is client JSON kept as text (DynamoDB maps cannot hold every JSON value). */
const StoredReservation = z.object({
  id: z.string(),
  tenantId: z.string(),
  inventoryItemId: z.string(),
  locationId: z.string(),
  quantity: z.number(),
  lineItemId: z.nullable(z.string()),
  description: z.nullable(z.string()),
  metadataJson: z.nullable(z.string()),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export function reservationItem(reservation: Reservation): Record<string, unknown> {
  const { metadata, ...rest } = reservation;
  return toItem(ENTITY.Reservation, reservationKeys.reservation(reservation.tenantId, reservation.id), {
    ...rest,
    metadataJson: metadata === null ? null : JSON.stringify(metadata),
  });
}

/** Where a reservation's copies are: by its item, its location and, if it has one, its line item. */
export function copyKeys(reservation: Reservation): Key[] {
  const by: [ReservationPartition, string | null][] = [
    ['ITEM', reservation.inventoryItemId],
    ['LOCATION', reservation.locationId],
    ['LINE', reservation.lineItemId],
  ];
  return by.flatMap(([partition, value]) =>
    value === null ? [] : [reservationKeys.copy(reservation.tenantId, partition, value, reservation.id)],
  );
}

/** The reservation's copies, each the whole reservation under its copy key. */
export function reservationCopies(reservation: Reservation): Record<string, unknown>[] {
  const { metadata, ...rest } = reservation;
  return copyKeys(reservation).map((key) =>
    toItem(ENTITY.ReservationCopy, key, { ...rest, metadataJson: metadata === null ? null : JSON.stringify(metadata) }),
  );
}

export function reservationOf(item: Record<string, unknown>): Reservation {
  const { metadataJson, ...rest } = fromItem(StoredReservation, item);
  return { ...rest, metadata: metadataJson === null ? null : (JSON.parse(metadataJson) as Record<string, unknown>) };
}

/** A reservation a fixture level holds (shared/fixtures/reservations), as its create writes it. */
export function fixtureReservationItems(
  item: { id: string; tenantId: string },
  locationId: string,
  held: { id: string; quantity: number; lineItemId?: string | undefined; description?: string | undefined },
  now: string,
): Record<string, unknown>[] {
  const reservation: Reservation = {
    id: held.id,
    tenantId: item.tenantId,
    inventoryItemId: item.id,
    locationId,
    quantity: held.quantity,
    lineItemId: held.lineItemId ?? null,
    description: held.description ?? null,
    metadata: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  return [reservationItem(reservation), ...reservationCopies(reservation)];
}
