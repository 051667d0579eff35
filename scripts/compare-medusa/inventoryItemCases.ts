/**
 * `GET/POST /admin/inventory-items` and `GET/POST/DELETE /admin/inventory-items/{id}`. The run makes
 * two items of its own (NI: SKU `m-compare-<run>-A`, 10 on hand at L; NI2: `…-B`, no level), which the
 * level batch and reservation cases use, and deletes them at the end (`itemTeardownCases`).
 */
import { type Case, UNKNOWN_ITEM, UNKNOWN_LOCATION } from '#scripts/compare-medusa/model';

const group = 'inventory items';
const items = '/admin/inventory-items';

export const itemSetupCases: Case[] = [
  {
    group,
    name: 'item create with a level',
    method: 'POST',
    path: items,
    body: { sku: 'm-compare-{RUN}-A', title: 'Compare A', location_levels: [{ location_id: '{L}', stocked_quantity: 10 }] },
    save: { NI: 'inventory_item.id' },
  },
  {
    group,
    name: 'item create without levels',
    method: 'POST',
    path: items,
    body: { sku: 'm-compare-{RUN}-B', title: 'Compare B', description: 'made by compare:medusa' },
    save: { NI2: 'inventory_item.id' },
  },
  {
    group,
    name: 'item create fields=id,sku',
    method: 'POST',
    path: `${items}?fields=id,sku`,
    body: { sku: 'm-compare-{RUN}-E', title: 'Compare E' },
    save: { NI4: 'inventory_item.id' },
  },
  { group, name: 'item create with a SKU taken', method: 'POST', path: items, body: { sku: 'm-compare-{RUN}-A', title: 'Again' } },
  {
    group,
    name: 'item create at unknown location',
    method: 'POST',
    path: items,
    body: { sku: 'm-compare-{RUN}-C', location_levels: [{ location_id: UNKNOWN_LOCATION, stocked_quantity: 1 }] },
    save: { NI3: 'inventory_item.id' },
  },
  { group, name: 'item create title not a string', method: 'POST', path: items, body: { title: 5 } },
  { group, name: 'item create unknown field', method: 'POST', path: items, body: { sku: 'm-compare-{RUN}-D', nope: 1 } },
];

export const itemReadCases: Case[] = [
  { group, name: 'item default fields', method: 'GET', path: `${items}/{NI}` },
  { group, name: 'item fields=id,sku,title', method: 'GET', path: `${items}/{NI}?fields=id,sku,title` },
  {
    group,
    name: 'item fields=id,stocked_quantity,reserved_quantity',
    method: 'GET',
    path: `${items}/{NI}?fields=id,stocked_quantity,reserved_quantity`,
  },
  { group, name: 'item fields=id,location_levels', method: 'GET', path: `${items}/{NI}?fields=id,location_levels` },
  { group, name: 'item without levels', method: 'GET', path: `${items}/{NI2}` },
  { group, name: 'unknown item', method: 'GET', path: `${items}/${UNKNOWN_ITEM}` },
  { group, name: 'items list default fields', method: 'GET', path: items },
  { group, name: 'items list fields=id,sku', method: 'GET', path: `${items}?fields=id,sku` },
  { group, name: 'items list limit=1&offset=1', method: 'GET', path: `${items}?limit=1&offset=1&fields=id` },
  { group, name: 'items list order=-sku', method: 'GET', path: `${items}?order=-sku&limit=3&fields=id,sku` },
  { group, name: 'items list sku filter', method: 'GET', path: `${items}?sku=m-compare-{RUN}-A` },
  { group, name: 'items list q', method: 'GET', path: `${items}?q=m-compare-{RUN}&fields=id,sku` },
  { group, name: 'items list id filter', method: 'GET', path: `${items}?id={NI2}` },
  { group, name: 'items list of none', method: 'GET', path: `${items}?sku=m-compare-{RUN}-none` },
  {
    group,
    name: 'items list order=nope',
    method: 'GET',
    path: `${items}?order=nope`,
    deliberate: 'Medusa answers 500; we answer 400 naming the field',
  },
  {
    group,
    name: 'items list limit=-1',
    method: 'GET',
    path: `${items}?limit=-1`,
    deliberate: 'Medusa answers 500; we answer 400 naming the field',
  },
  { group, name: 'items list unknown filter', method: 'GET', path: `${items}?nope=1` },
  { group, name: 'item update title', method: 'POST', path: `${items}/{NI}`, body: { title: 'Compare A renamed' } },
  { group, name: 'item update fields=id,title', method: 'POST', path: `${items}/{NI}?fields=id,title`, body: { title: 'Compare A again' } },
  { group, name: 'item update to a SKU taken', method: 'POST', path: `${items}/{NI}`, body: { sku: 'm-compare-{RUN}-B' } },
  { group, name: 'item update of unknown item', method: 'POST', path: `${items}/${UNKNOWN_ITEM}`, body: { title: 'x' } },
  {
    group,
    name: 'item update requires_shipping not a boolean',
    method: 'POST',
    path: `${items}/{NI}`,
    body: { requires_shipping: 'maybe' },
  },
  {
    group,
    name: 'item update location_levels',
    method: 'POST',
    path: `${items}/{NI}`,
    body: { location_levels: [{ location_id: '{L2}' }] },
  },
];

export const itemTeardownCases: Case[] = [
  { group, name: 'item delete', method: 'DELETE', path: `${items}/{NI}` },
  { group, name: 'item delete again', method: 'DELETE', path: `${items}/{NI}` },
  { group, name: 'item delete of the level-less item', method: 'DELETE', path: `${items}/{NI2}` },
  { group, name: 'item delete of the item made with fields', method: 'DELETE', path: `${items}/{NI4}` },
  { group, name: 'item delete without token', method: 'DELETE', path: `${items}/{NI4}`, auth: false },
  { group, name: 'item delete of unknown item', method: 'DELETE', path: `${items}/${UNKNOWN_ITEM}` },
];
