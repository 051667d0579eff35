import { part, tenantRoot, type Key } from '#shared/store/keys';

/**
 * Medusa's reservations: one partition per tenant, sorted by ID (`resitem_` and a ULID, so in the
 * order they were made). A GetItem reads one; a Query of the prefix lists them.
 */
export const reservationKeys = {
  reservation: (tenantId: string, reservationId: string): Key => ({
    pk: `${tenantRoot(tenantId)}#RESERVATIONS`,
    sk: `RESERVATION#${part(reservationId)}`,
  }),
  all: (tenantId: string): Key => ({ pk: `${tenantRoot(tenantId)}#RESERVATIONS`, sk: 'RESERVATION#' }),
  /**
   * A copy of each reservation in a partition per inventory item, per location and per line item
   * (written in the reservation's own transaction), sorted alike: a list filtered by one of them is
   * a Query of that partition.
   */
  copy: (tenantId: string, by: ReservationPartition, value: string, reservationId: string): Key => ({
    pk: `${tenantRoot(tenantId)}#RESERVATIONS#${by}#${part(value)}`,
    sk: `RESERVATION#${part(reservationId)}`,
  }),
  copies: (tenantId: string, by: ReservationPartition, value: string): Key => ({
    pk: `${tenantRoot(tenantId)}#RESERVATIONS#${by}#${part(value)}`,
    sk: 'RESERVATION#',
  }),
};

/** The attributes a reservation is copied by (reservationKeys.copy). */
export type ReservationPartition = 'ITEM' | 'LOCATION' | 'LINE';
