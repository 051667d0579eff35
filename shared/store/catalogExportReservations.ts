import type { StoredGroup } from '#shared/domain/catalogRestoreTypes';
import { inBatches } from '#shared/domain/concurrency';
import { getMany } from '#shared/store/batch';
import { documentClient, tableName } from '#shared/store/client';
import { type Key } from '#shared/store/keys';
import { reservationKeys } from '#shared/store/reservationKeys';
import { copyKeys, reservationOf } from '#shared/store/reservationItem';

type Item = Record<string, unknown>;

/** Keys per BatchGetItem (DynamoDB reads at most 100 at once), and batches read at once. */
const PER_READ = 100;
const CONCURRENCY = 16;

/**
 * Medusa's reservations (the first page's): each its own group, the reservation and its copies as
 * stored (by its item, its location and its line item), so that a restore writes them all or
 * nothing and a filtered list finds what the unfiltered one finds. The tenant's reservations are
 * one partition (reservationKeys), read whole; the copies are read where the reservation says they are.
 */
export async function reservationGroups(tenantId: string, queryAll: (pk: string) => Promise<Item[]>): Promise<StoredGroup[]> {
  const reservations = await queryAll(reservationKeys.all(tenantId).pk);
  const wanted = reservations.map((item) => copyKeys(reservationOf(item)));
  const flat: Key[] = wanted.flat();
  const slices = Array.from({ length: Math.ceil(flat.length / PER_READ) }, (_, i) => flat.slice(i * PER_READ, (i + 1) * PER_READ));
  const found = (await inBatches(slices, CONCURRENCY, (slice) => getMany(documentClient(), tableName(), slice))).flat();
  let next = 0;
  return reservations.map((item, i) => {
    const copies = wanted[i]!.map(() => found[next++]).filter((copy): copy is Item => copy !== undefined);
    return { of: `reservation ${String(item.id)}`, items: [item, ...copies] };
  });
}
