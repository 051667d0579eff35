/**
 * `GET/POST /admin/reservations` and `GET/POST/DELETE /admin/reservations/{id}`, with the refusals a
 * reservation makes elsewhere. Reserves on the run's item NI at L (RS), deleted in `reservationTeardownCases`.
 */
import { type Case, UNKNOWN_ITEM, UNKNOWN_RESERVATION } from '#scripts/compare-medusa/model';

const group = 'reservations';
const reservations = '/admin/reservations';

export const reservationCases: Case[] = [
  {
    group,
    name: 'reservation create',
    method: 'POST',
    path: reservations,
    body: {
      inventory_item_id: '{NI}',
      location_id: '{L}',
      quantity: 2,
      line_item_id: 'ordli_compare_{RUN}',
      description: 'compare {RUN}',
      metadata: { source: 'compare' },
    },
    save: { RS: 'reservation.id' },
  },
  {
    group,
    name: 'reservation create beyond available',
    method: 'POST',
    path: reservations,
    body: { inventory_item_id: '{NI}', location_id: '{L}', quantity: 1000 },
  },
  {
    group,
    name: 'reservation create where not stocked',
    method: 'POST',
    path: reservations,
    body: { inventory_item_id: '{NI}', location_id: '{L2}', quantity: 1 },
  },
  {
    group,
    name: 'reservation create of unknown item',
    method: 'POST',
    path: reservations,
    body: { inventory_item_id: UNKNOWN_ITEM, location_id: '{L}', quantity: 1 },
  },
  {
    group,
    name: 'reservation create without quantity',
    method: 'POST',
    path: reservations,
    body: { inventory_item_id: '{NI}', location_id: '{L}' },
  },
  {
    group,
    name: 'reservation create quantity 0',
    method: 'POST',
    path: reservations,
    body: { inventory_item_id: '{NI}', location_id: '{L}', quantity: 0 },
    save: { RS0: 'reservation.id' },
    deliberate: 'Medusa reserves 0 units; we answer 400, a quantity is whole units >= 1',
  },
  {
    group,
    name: 'reservation create unknown field',
    method: 'POST',
    path: reservations,
    body: { inventory_item_id: '{NI}', location_id: '{L}', quantity: 1, nope: 1 },
  },
  { group, name: 'reservation default fields', method: 'GET', path: `${reservations}/{RS}` },
  { group, name: 'reservation fields=id,quantity', method: 'GET', path: `${reservations}/{RS}?fields=id,quantity` },
  { group, name: 'reservation fields=*inventory_item', method: 'GET', path: `${reservations}/{RS}?fields=id,*inventory_item` },
  { group, name: 'reservation fields=id,inventory_item.sku', method: 'GET', path: `${reservations}/{RS}?fields=id,inventory_item.sku` },
  { group, name: 'reservation fields=id,inventory_item', method: 'GET', path: `${reservations}/{RS}?fields=id,inventory_item` },
  { group, name: 'unknown reservation', method: 'GET', path: `${reservations}/${UNKNOWN_RESERVATION}` },
  { group, name: 'reservations list default fields', method: 'GET', path: reservations },
  { group, name: 'reservations list inventory_item_id filter', method: 'GET', path: `${reservations}?inventory_item_id={NI}` },
  { group, name: 'reservations list location_id filter', method: 'GET', path: `${reservations}?location_id={L}&fields=id,location_id` },
  {
    group,
    name: 'reservations list line_item_id filter',
    method: 'GET',
    path: `${reservations}?line_item_id=ordli_compare_{RUN}&fields=id`,
  },
  { group, name: 'reservations list limit=1&offset=0', method: 'GET', path: `${reservations}?limit=1&offset=0&fields=id` },
  { group, name: 'reservations list order=-created_at', method: 'GET', path: `${reservations}?order=-created_at&fields=id,created_at` },
  {
    group,
    name: 'reservations list fields=id,inventory_item',
    method: 'GET',
    path: `${reservations}?inventory_item_id={NI}&fields=id,inventory_item`,
  },
  { group, name: 'reservations list of none', method: 'GET', path: `${reservations}?inventory_item_id=${UNKNOWN_ITEM}` },
  {
    group,
    name: 'reservations list order=nope',
    method: 'GET',
    path: `${reservations}?order=nope`,
    deliberate: 'Medusa answers 500; we answer 400 naming the field',
  },
  {
    group,
    name: 'reservations list limit=-1',
    method: 'GET',
    path: `${reservations}?limit=-1`,
    deliberate: 'Medusa answers 500; we answer 400 naming the field',
  },
  { group, name: 'reservations list unknown filter', method: 'GET', path: `${reservations}?nope=1` },
  {
    group,
    name: 'reservation update',
    method: 'POST',
    path: `${reservations}/{RS}`,
    body: { quantity: 3, description: 'compare {RUN} more' },
  },
  {
    group,
    name: 'reservation update fields=id,quantity',
    method: 'POST',
    path: `${reservations}/{RS}?fields=id,quantity`,
    body: { metadata: { source: 'compare', again: true } },
  },
  { group, name: 'reservation update beyond available', method: 'POST', path: `${reservations}/{RS}`, body: { quantity: 1000 } },
  {
    group,
    name: 'reservation update of unknown reservation',
    method: 'POST',
    path: `${reservations}/${UNKNOWN_RESERVATION}`,
    body: { quantity: 1 },
  },
  { group, name: 'reservation update quantity not a number', method: 'POST', path: `${reservations}/{RS}`, body: { quantity: 'x' } },
  {
    group: 'links and levels',
    name: 'level delete with reservations',
    method: 'DELETE',
    path: '/admin/inventory-items/{NI}/location-levels/{L}',
  },
  { group: 'inventory items', name: 'item delete with reservations', method: 'DELETE', path: '/admin/inventory-items/{NI}' },
  {
    group,
    name: 'reservation moved to a location not stocked',
    method: 'POST',
    path: `${reservations}/{RS}`,
    body: { location_id: '{L2}' },
  },
  {
    group,
    name: 'reservation create without token',
    method: 'POST',
    path: reservations,
    body: { inventory_item_id: '{NI}', location_id: '{L}', quantity: 1 },
    auth: false,
  },
];

export const reservationTeardownCases: Case[] = [
  { group, name: 'reservation delete', method: 'DELETE', path: `${reservations}/{RS}` },
  { group, name: 'reservation delete again', method: 'DELETE', path: `${reservations}/{RS}` },
  { group, name: 'reservation delete of unknown reservation', method: 'DELETE', path: `${reservations}/${UNKNOWN_RESERVATION}` },
];
