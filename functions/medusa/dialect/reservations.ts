import * as z from 'zod/mini';
import type { StockedItem } from '#shared/domain/inventoryLink';
import type {
  NewReservation,
  Reservation,
  ReservationChange,
  ReservationListQuery as DomainReservationListQuery,
  ReservationOrderField,
  ReservationView,
} from '#shared/domain/reservation';
import { anyObject, nothing, oneOrNull, responseSchema, value, type Entity } from '#functions/medusa/dialect/entity';
import { medusaPage } from '#functions/medusa/dialect/page';
import { medusaDeleted } from '#functions/medusa/dialect/deleted';
import { inventoryItem, itemWithNullableSums } from '#functions/medusa/dialect/entities';
import { ALWAYS_SELECTED, project, selectionOf, type Selection, type Shape } from '#functions/medusa/dialect/fields';
import { DEFAULT_INVENTORY_ITEM_FIELDS, ITEM_SUMS } from '#functions/medusa/dialect/inventoryLevels';
import {
  bodyId,
  expected,
  fieldsOf,
  pageQuery,
  pathId,
  queryText,
  strictBody,
  tooBig,
  toPage,
  unrecognizedQuery,
  wholeUnits,
} from '#functions/medusa/dialect/validation';

// ---------------------------------------------------------------------------
// The entity (Medusa's reservation_item)

const text = z.nullable(z.string());
const raw = (quantity: number) => ({ value: String(quantity), precision: 20 });

export const reservation: Entity<ReservationView> = {
  entity: 'ReservationItem',
  properties: {
    id: value(z.string(), ({ reservation }) => reservation.id),
    location_id: value(z.string(), ({ reservation }) => reservation.locationId),
    inventory_item_id: value(z.string(), ({ reservation }) => reservation.inventoryItemId),
    quantity: value(z.int(), ({ reservation }) => reservation.quantity),
    line_item_id: value(text, ({ reservation }) => reservation.lineItemId),
    description: value(text, ({ reservation }) => reservation.description),
    metadata: value(z.nullable(anyObject), ({ reservation }) => reservation.metadata),
    created_at: value(z.string(), ({ reservation }) => reservation.createdAt),
    updated_at: value(z.string(), ({ reservation }) => reservation.updatedAt),
    deleted_at: nothing(z.string()),
    // Medusa's admin route never sets who made it.
    created_by: nothing(z.string()),
    external_id: nothing(z.string()),
    allow_backorder: value(z.boolean(), () => false),
    raw_quantity: value(z.object({ value: z.string(), precision: z.int() }), ({ reservation }) => raw(reservation.quantity)),
    inventory_item: oneOrNull(
      () => itemWithNullableSums,
      ({ stocked }): StockedItem | null => stocked ?? null,
    ),
  },
};

/** Medusa's defaults (reservations/query-config.ts): the reservation's values and its inventory item's defaults. */
export const DEFAULT_RESERVATION_FIELDS = [
  'id',
  'location_id',
  'inventory_item_id',
  'quantity',
  'line_item_id',
  'description',
  'metadata',
  'created_at',
  'updated_at',
  // `inventory_item.*location_levels` is among them, and names no path: Medusa shows no levels there, nor do we.
  ...DEFAULT_INVENTORY_ITEM_FIELDS.map((field) => `inventory_item.${field}`),
];

/**
 * As Medusa's query joins the item: a path through it (`inventory_item.sku`, `*inventory_item`) shows
 * the join key `inventory_item_id` and the item's `id` too. The item named bare (`inventory_item`, and
 * no path through it) is Medusa's reference to it: `{id, reserved_quantity: null, stocked_quantity:
 * null}` (its sums null, as Medusa reads no levels for it), without the join key. Under a star
 * (`*inventory_item`, `inventory_item.*`) Medusa answers the sums null as well.
 */
const reservationSelection = (requested: readonly string[]): Selection => {
  const selection = selectionOf(requested, reservation as Shape);
  const item = selection.relations.get('inventory_item');
  if (!item) return selection;
  const throughItem = requested.some((field) => field.startsWith('inventory_item.') || field === '*inventory_item');
  if (throughItem) {
    selection.values.add('inventory_item_id');
    item.values.add('id');
  }
  // Under a star too, Medusa reads no levels for the sums (even beside `inventory_item.stocked_quantity`).
  if (!throughItem || item.star) item.nulls = new Set(ITEM_SUMS);
  return selection;
};

const fields = fieldsOf(DEFAULT_RESERVATION_FIELDS, reservationSelection);

// ---------------------------------------------------------------------------
// Requests

export const ReservationPath = z.object({ id: pathId('id') });
export type ReservationPath = z.output<typeof ReservationPath>;

/** Whole units, at least one: Medusa takes any number (0, negative, fractional); the ledger counts units. */
const quantity = wholeUnits('quantity', 1);

const MAX_TEXT = 1000;
const nullishText = (field: string) =>
  z.nullish(z.string({ error: (issue) => expected(field, 'string', issue.input) }).check(z.maxLength(MAX_TEXT, tooBig(field, MAX_TEXT))));
const metadata = z.nullish(z.record(z.string(), z.unknown(), { error: (issue) => expected('metadata', 'object', issue.input) }));

export const CreateReservationRequest = z.strictObject(
  {
    line_item_id: z.nullish(bodyId('line_item_id')),
    location_id: bodyId('location_id'),
    inventory_item_id: bodyId('inventory_item_id'),
    quantity,
    description: nullishText('description'),
    metadata,
  },
  strictBody,
);
export type CreateReservationRequest = z.output<typeof CreateReservationRequest>;

export const UpdateReservationRequest = z.strictObject(
  { location_id: z.optional(bodyId('location_id')), quantity: z.optional(quantity), description: nullishText('description'), metadata },
  strictBody,
);
export type UpdateReservationRequest = z.output<typeof UpdateReservationRequest>;

export const ReservationQuery = z.strictObject({ fields }, unrecognizedQuery);
export type ReservationQuery = z.output<typeof ReservationQuery>;

/** Most reservations one page holds: Medusa sets no bound, but each page's items are read with it. */
export const MAX_RESERVATION_LIMIT = 100;

export const RESERVATION_ORDER_FIELDS = [
  'id',
  'created_at',
  'updated_at',
  'quantity',
  'location_id',
  'inventory_item_id',
  'line_item_id',
] as const satisfies readonly ReservationOrderField[];

export const ReservationListQuery = z.strictObject(
  {
    fields,
    ...pageQuery(20, MAX_RESERVATION_LIMIT, RESERVATION_ORDER_FIELDS),
    q: queryText('q'),
    location_id: queryText('location_id'),
    inventory_item_id: queryText('inventory_item_id'),
    line_item_id: queryText('line_item_id'),
    description: queryText('description'),
  },
  unrecognizedQuery,
);
export type ReservationListQuery = z.output<typeof ReservationListQuery>;

// ---------------------------------------------------------------------------
// Mapping

export function toNewReservation(body: CreateReservationRequest): NewReservation {
  return {
    inventoryItemId: body.inventory_item_id,
    locationId: body.location_id,
    quantity: body.quantity,
    lineItemId: body.line_item_id,
    description: body.description,
    metadata: body.metadata,
  };
}

export function toReservationChange(body: UpdateReservationRequest): ReservationChange {
  return { locationId: body.location_id, quantity: body.quantity, description: body.description, metadata: body.metadata };
}

export function toReservationListQuery(query: ReservationListQuery): DomainReservationListQuery {
  const given = <T>(key: string, wanted: T | undefined) => (wanted === undefined || wanted === '' ? {} : { [key]: wanted });
  return {
    ...toPage(query),
    filter: {
      ...given('inventoryItemId', query.inventory_item_id),
      ...given('locationId', query.location_id),
      ...given('lineItemId', query.line_item_id),
      ...given('description', query.description),
      ...given('q', query.q),
    },
  };
}

// ---------------------------------------------------------------------------
// Responses

const ReservationBody = responseSchema(reservation, [ALWAYS_SELECTED]);

export const ReservationResponse = z.object({ reservation: ReservationBody });

export function reservationResponse(view: ReservationView, selection: Selection): z.output<typeof ReservationResponse> {
  return { reservation: project(view, reservation, selection) };
}

const reservationPage = medusaPage('reservations', reservation);

export const ReservationListResponse = reservationPage.schema;

export const reservationListResponse = (page: { views: ReservationView[]; count: number }, query: ReservationListQuery) =>
  reservationPage.answer(page.views, page.count, query);

const reservationDeleted = medusaDeleted('reservation');

export const ReservationDeletedResponse = reservationDeleted.schema;

export const reservationDeletedResponse = reservationDeleted.answer;

/** The demo's reservation of two cups at the main warehouse, for the contracts' examples. */
export const sampleReservation = (stocked: StockedItem): ReservationView => {
  const at = '2024-11-01T10:00:00Z';
  const held: Reservation = {
    id: 'resitem_01JBRZ5E4Q8M7X2V9K3N6P1T0R',
    tenantId: 'tenant_demo',
    inventoryItemId: stocked.item.id,
    locationId: 'wh_main',
    quantity: 2,
    lineItemId: 'ordli_01JBRZ5E4Q8M7X2V9K3N6P1T0L',
    description: 'Order #1042',
    metadata: { channel: 'web' },
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  return { reservation: held, stocked };
};

/** The 200 of a write of a reservation (create, update), with its sample answer for the OpenAPI document. */
export const reservationWritten = (stocked: StockedItem) => ({
  description: 'The reservation as `fields` selects it, with its item as the write left it.',
  schema: ReservationResponse,
  example: reservationResponse(sampleReservation(stocked), z.parse(ReservationQuery, {}).fields),
});
