import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { sideBySide } from '#shared/domain/concurrency';
import { ConcurrentChangeError } from '#shared/domain/errors';
import type {
  Reservation,
  ReservationFilter,
  ReservationListQuery,
  ReservationOrderField,
  ReservationStore,
} from '#shared/domain/reservation';
import { documentClient, tableName } from '#shared/store/client';
import { reservationKeys, type ReservationPartition } from '#shared/store/reservationKeys';
import { movementWrites } from '#shared/store/levelChanges';
import { locationLevelStore } from '#shared/store/locationLevel';
import { inventoryLinkStore } from '#shared/store/inventoryLink';
import { copyKeys, reservationCopies, reservationItem, reservationOf } from '#shared/store/reservationItem';
import { commit, type NamedWrite } from '#shared/store/transactions';

type Item = Record<string, unknown>;

/**
 * Reservations in one partition per tenant (reservationKeys), sorted by ID, which is the order they
 * were made in, with a copy in their item's, location's and line item's partitions. A write is one
 * transaction: the reservation (new, or over the version read) and its copies, with each level's
 * movement (movementWrites: the ledger entry over its version, its views, its history).
 */
export const reservationStore: ReservationStore = {
  readItem: (tenantId, itemId) => locationLevelStore.readItem(tenantId, itemId),
  readItems: (tenantId, itemIds) => inventoryLinkStore.readInventoryItems(tenantId, itemIds),
  readLevel: (tenantId, levelId) => locationLevelStore.readLevel(tenantId, levelId),

  async readReservation(tenantId, reservationId) {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: reservationKeys.reservation(tenantId, reservationId), ConsistentRead: true }),
    );
    return Item ? reservationOf(Item) : undefined;
  },

  listReservations,

  async writeReservation(change, attachment) {
    const TableName = tableName();
    const version = { '#version': 'version' };
    const asRead = (read: Reservation) => ({
      ConditionExpression: '#version = :read',
      ExpressionAttributeNames: version,
      ExpressionAttributeValues: { ':read': read.version },
    });
    const reservation: NamedWrite<'reservation'>[] = [];
    const copies: NamedWrite<'copy'>[] = [];
    if (change.put) {
      reservation.push({
        name: 'reservation',
        action: {
          Put: {
            TableName,
            Item: reservationItem(change.put),
            ...(change.read === undefined ? { ConditionExpression: 'attribute_not_exists(pk)' } : asRead(change.read)),
          },
        },
      });
      copies.push(...reservationCopies(change.put).map((Item) => ({ name: 'copy' as const, action: { Put: { TableName, Item } } })));
      // A copy the reservation no longer has (it moved to another location) goes.
      const kept = new Set(copyKeys(change.put).map((key) => key.pk));
      const gone = change.read ? copyKeys(change.read).filter((key) => !kept.has(key.pk)) : [];
      copies.push(...gone.map((Key) => ({ name: 'copy' as const, action: { Delete: { TableName, Key } } })));
    }
    if (change.remove) {
      reservation.push({
        name: 'reservation',
        action: {
          Delete: { TableName, Key: reservationKeys.reservation(change.remove.tenantId, change.remove.id), ...asRead(change.remove) },
        },
      });
      copies.push(...copyKeys(change.remove).map((Key) => ({ name: 'copy' as const, action: { Delete: { TableName, Key } } })));
    }
    const moves = change.moves.flatMap(({ next, movement, enteredLowStock }) => movementWrites(TableName, next, movement, enteredLowStock));
    const refused = await commit([...reservation, ...copies, ...moves], attachment);
    // Another write of the reservation, or a movement of its level, committed first: read and decide again.
    if (refused === 'reservation' || refused === 'record' || refused === 'view')
      throw new ConcurrentChangeError(`The reservation's ${refused} changed since it was read`);
    if (refused) throw new Error(`Reservation transaction refused by its ${refused} item`);
  },
};

/** Orders the key gives (the ID is made at created_at): one Query reads just the page. */
const KEY_ORDERS = new Set<ReservationOrderField>(['id', 'created_at']);

/**
 * A page and the count of all that match. In key order (ID or created_at, either way) without `q`:
 * the page's Query (up to offset + limit matches) and a COUNT Query of the same range, side by
 * side. Any other order, or `q` (a case-insensitive search DynamoDB cannot filter): every match is
 * read, then sorted and cut in memory. A line item, item or location filter reads that one's
 * partition of copies (rangeOf); other filters are FilterExpressions over what it reads.
 */
async function listReservations(tenantId: string, query: ReservationListQuery): Promise<{ reservations: Reservation[]; count: number }> {
  const base = rangeOf(tenantId, query.filter);
  const { order } = query;
  const keyOrder = (!order || KEY_ORDERS.has(order.field)) && query.filter.q === undefined;
  if (keyOrder) {
    const forward = !order?.descending;
    const wanted = query.offset + query.limit;
    const [page, count] = await sideBySide([
      wanted === 0 ? Promise.resolve([]) : queryUntil({ ...base, ScanIndexForward: forward }, wanted),
      countAll(base),
    ]);
    return { reservations: page.slice(query.offset, wanted).map(reservationOf), count };
  }
  const needle = query.filter.q?.toLowerCase();
  const all = (await queryUntil(base, Number.POSITIVE_INFINITY))
    .map(reservationOf)
    .filter((reservation) => needle === undefined || (reservation.description ?? '').toLowerCase().includes(needle));
  if (order) {
    const value = ORDER_VALUES[order.field];
    all.sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      const byField = x === y ? 0 : x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
      return (order.descending ? -byField : byField) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    });
  }
  return { reservations: all.slice(query.offset, query.offset + query.limit), count: all.length };
}

const ORDER_VALUES: Record<ReservationOrderField, (reservation: Reservation) => string | number | null> = {
  id: (reservation) => reservation.id,
  created_at: (reservation) => reservation.createdAt,
  updated_at: (reservation) => reservation.updatedAt,
  quantity: (reservation) => reservation.quantity,
  location_id: (reservation) => reservation.locationId,
  inventory_item_id: (reservation) => reservation.inventoryItemId,
  line_item_id: (reservation) => reservation.lineItemId,
};

type Range = Omit<QueryCommandInput, 'TableName'>;

/**
 * The partition that holds what the filters ask for: a line item's, an item's or a location's copies
 * (in that order of preference: the narrowest first), else the tenant's reservations; the other
 * filters are a FilterExpression, applied as DynamoDB reads that partition.
 */
const PARTITION_ATTRIBUTE: Record<ReservationPartition, string> = { LINE: 'lineItemId', ITEM: 'inventoryItemId', LOCATION: 'locationId' };

function rangeOf(tenantId: string, filter: ReservationFilter): Range {
  const by: [ReservationPartition, string | undefined][] = [
    ['LINE', filter.lineItemId],
    ['ITEM', filter.inventoryItemId],
    ['LOCATION', filter.locationId],
  ];
  const chosen = by.find(([, value]) => value !== undefined) as [ReservationPartition, string] | undefined;
  const { pk, sk } = chosen ? reservationKeys.copies(tenantId, chosen[0], chosen[1]) : reservationKeys.all(tenantId);
  const names: Record<string, string> = { '#pk': 'pk', '#sk': 'sk' };
  const values: Record<string, unknown> = { ':pk': pk, ':prefix': sk };
  const conditions: string[] = [];
  const equals: Record<string, string | undefined> = {
    lineItemId: filter.lineItemId,
    inventoryItemId: filter.inventoryItemId,
    locationId: filter.locationId,
    description: filter.description,
  };
  // The partition holds only what its filter asks for.
  if (chosen) delete equals[PARTITION_ATTRIBUTE[chosen[0]]];
  for (const [attribute, wanted] of Object.entries(equals)) {
    if (wanted === undefined) continue;
    names[`#${attribute}`] = attribute;
    values[`:${attribute}`] = wanted;
    conditions.push(`#${attribute} = :${attribute}`);
  }
  return {
    KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
    ...(conditions.length > 0 ? { FilterExpression: conditions.join(' AND ') } : {}),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ConsistentRead: true,
  };
}

/** Matching items in key order until `wanted` of them (or the end), following DynamoDB's pages. */
async function queryUntil(range: Range, wanted: number): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const page = await documentClient().send(
      new QueryCommand({ ...range, TableName: tableName(), ...(start ? { ExclusiveStartKey: start } : {}) }),
    );
    items.push(...((page.Items ?? []) as Item[]));
    start = page.LastEvaluatedKey as Item | undefined;
  } while (start && items.length < wanted);
  return items;
}

/** How many items match, following DynamoDB's pages (each reads up to 1 MB). */
async function countAll(range: Range): Promise<number> {
  let count = 0;
  let start: Item | undefined;
  do {
    const page = await documentClient().send(
      new QueryCommand({ ...range, TableName: tableName(), Select: 'COUNT', ...(start ? { ExclusiveStartKey: start } : {}) }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey as Item | undefined;
  } while (start);
  return count;
}
