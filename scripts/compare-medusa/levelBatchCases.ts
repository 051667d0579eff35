/**
 * `POST /admin/inventory-items/{id}/location-levels/batch` and `POST /admin/inventory-items/location-levels/batch`,
 * with the level route's refusals they set up. Runs on the items `itemSetupCases` made: NI gets a
 * level at L2 (LV2, 5 on hand) that is refused removal without `force` and removed with it; NI2 gets
 * an empty level at L, which the level route removes.
 */
import { type Case, UNKNOWN_ITEM, UNKNOWN_LOCATION } from '#scripts/compare-medusa/model';

const group = 'level batches';
const itemBatch = '/admin/inventory-items/{NI}/location-levels/batch';
const bulk = '/admin/inventory-items/location-levels/batch';
const STUB =
  'Medusa shows an updated level with an inventory_item stub of nulls and its available_quantity before the update; we show the level as updated';

export const levelBatchCases: Case[] = [
  {
    group,
    name: 'item batch creates and updates',
    method: 'POST',
    path: itemBatch,
    body: { create: [{ location_id: '{L2}', stocked_quantity: 5 }], update: [{ location_id: '{L}', stocked_quantity: 12 }] },
    save: { LV2: 'created.0.id' },
    deliberate: STUB,
  },
  {
    group,
    name: 'item batch of unknown item',
    method: 'POST',
    path: `/admin/inventory-items/${UNKNOWN_ITEM}/location-levels/batch`,
    body: { update: [{ location_id: '{L}', stocked_quantity: 1 }] },
  },
  {
    group,
    name: 'item batch deletes a level of unknown item',
    method: 'POST',
    path: `/admin/inventory-items/${UNKNOWN_ITEM}/location-levels/batch`,
    body: { delete: ['ilev_01ZZZZZZZZZZZZZZZZZZZZZZZZ'] },
  },
  {
    group,
    name: 'item batch creates for unknown item',
    method: 'POST',
    path: `/admin/inventory-items/${UNKNOWN_ITEM}/location-levels/batch`,
    // Creates only: with an update beside them Medusa's parallel steps race, and it now and then answers "not stocked".
    body: { create: [{ location_id: '{L}' }] },
  },
  {
    group,
    name: 'bulk batch creates for unknown item',
    method: 'POST',
    path: bulk,
    body: { create: [{ inventory_item_id: UNKNOWN_ITEM, location_id: '{L}' }] },
  },
  {
    group,
    name: 'item batch creates a level that exists',
    method: 'POST',
    path: itemBatch,
    body: { create: [{ location_id: '{L}', stocked_quantity: 1 }] },
  },
  {
    group,
    name: 'item batch create without location_id',
    method: 'POST',
    path: itemBatch,
    body: { create: [{ stocked_quantity: 1 }] },
  },
  {
    group,
    name: 'item batch updates a level the item does not have',
    method: 'POST',
    path: '/admin/inventory-items/{NI2}/location-levels/batch',
    body: { update: [{ location_id: '{L}', stocked_quantity: 1 }] },
  },
  {
    group,
    name: 'item batch stocked_quantity not a number',
    method: 'POST',
    path: itemBatch,
    body: { update: [{ location_id: '{L}', stocked_quantity: 'many' }] },
  },
  {
    group: 'links and levels',
    name: 'level delete with units on hand',
    method: 'DELETE',
    path: '/admin/inventory-items/{NI}/location-levels/{L2}',
  },
  { group, name: 'item batch deletes a stocked level without force', method: 'POST', path: itemBatch, body: { delete: ['{LV2}'] } },
  {
    group,
    name: 'item batch deletes a stocked level with force',
    method: 'POST',
    path: itemBatch,
    body: { delete: ['{LV2}'], force: true },
  },
  {
    group,
    name: 'bulk batch updates',
    method: 'POST',
    path: bulk,
    body: { update: [{ inventory_item_id: '{NI}', location_id: '{L}', stocked_quantity: 11 }] },
    deliberate: STUB,
  },
  {
    group,
    name: 'bulk batch creates an empty level',
    method: 'POST',
    path: bulk,
    body: { create: [{ inventory_item_id: '{NI2}', location_id: '{L}', stocked_quantity: 0 }] },
  },
  {
    group: 'links and levels',
    name: 'level delete of an empty level',
    method: 'DELETE',
    path: '/admin/inventory-items/{NI2}/location-levels/{L}',
  },
  {
    group,
    name: 'bulk batch update without inventory_item_id',
    method: 'POST',
    path: bulk,
    body: { update: [{ location_id: '{L}', stocked_quantity: 1 }] },
  },
  {
    group,
    name: 'bulk batch of unknown item',
    method: 'POST',
    path: bulk,
    body: { update: [{ inventory_item_id: UNKNOWN_ITEM, location_id: '{L}', stocked_quantity: 1 }] },
  },
  {
    group,
    name: 'bulk batch creates at unknown location',
    method: 'POST',
    path: bulk,
    body: { create: [{ inventory_item_id: '{NI2}', location_id: UNKNOWN_LOCATION }] },
    deliberate: 'Medusa stores a level at a location that does not exist; we answer 404 Stock locations with ids',
  },
];
