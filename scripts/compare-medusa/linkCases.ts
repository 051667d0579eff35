/** The variant link routes and the level routes around them (read-only, or refused writes). */
import { type Case, UNKNOWN_ITEM, UNKNOWN_LOCATION, UNKNOWN_VARIANT } from '#scripts/compare-medusa/model';

const group = 'links and levels';

export const linkCases: Case[] = [
  { group, name: 'variant default fields', method: 'GET', path: '/admin/products/{P}/variants/{V}' },
  { group, name: 'variant *inventory_items', method: 'GET', path: '/admin/products/{P}/variants/{V}?fields=*inventory_items' },
  {
    group,
    name: 'variant dotted levels path',
    method: 'GET',
    path: '/admin/products/{P}/variants/{V}?fields=id,inventory_items.inventory.location_levels.stocked_quantity',
  },
  { group, name: 'variant fields=id,inventory_items', method: 'GET', path: '/admin/products/{P}/variants/{V}?fields=id,inventory_items' },
  // The linked item named bare at the end of a path: link rows with `variant_id` only; a path into it adds the join keys.
  {
    group,
    name: 'variant fields=id,inventory_items.inventory',
    method: 'GET',
    path: '/admin/products/{P}/variants/{V}?fields=id,inventory_items.inventory',
  },
  {
    group,
    name: 'variant fields=+inventory_items.inventory',
    method: 'GET',
    path: '/admin/products/{P}/variants/{V}?fields=%2Binventory_items.inventory',
  },
  {
    group,
    name: 'variant fields=id,inventory_items.inventory.location_levels',
    method: 'GET',
    path: '/admin/products/{P}/variants/{V}?fields=id,inventory_items.inventory.location_levels',
  },
  {
    group,
    name: 'variant fields=id,inventory_items.required_quantity',
    method: 'GET',
    path: '/admin/products/{P}/variants/{V}?fields=id,inventory_items.required_quantity',
  },
  {
    group,
    name: 'variants list fields=id,inventory_items.inventory',
    method: 'GET',
    path: '/admin/products/{P}/variants?fields=id,inventory_items.inventory',
  },
  { group, name: 'unknown variant', method: 'GET', path: `/admin/products/{P}/variants/${UNKNOWN_VARIANT}` },
  {
    group,
    name: 'variants list +inventory_quantity',
    method: 'GET',
    path: '/admin/products/{P}/variants?fields=id,sku,%2Binventory_quantity',
  },
  { group, name: 'variants list sku filter', method: 'GET', path: '/admin/products/{P}/variants?fields=id,sku&sku={SKU}' },
  // Lists of values match any (`[]`, or `[n]` as the js-sdk sends them); $in/$nin on the timestamps; deleted_at matches none.
  { group, name: 'variants list sku[] filter', method: 'GET', path: '/admin/products/{P}/variants?fields=id,sku&sku[]={SKU}&sku[]=nope' },
  { group, name: 'variants list sku[0] filter', method: 'GET', path: '/admin/products/{P}/variants?fields=id,sku&sku[0]={SKU}' },
  { group, name: 'variants list id[] filter', method: 'GET', path: '/admin/products/{P}/variants?fields=id&id[]={V}&id[]=nope' },
  {
    group,
    name: 'variants list created_at[$nin][]',
    method: 'GET',
    path: '/admin/products/{P}/variants?fields=id&created_at[$nin][]=2020-01-01',
  },
  {
    group,
    name: 'variants list created_at[$in][0]',
    method: 'GET',
    path: '/admin/products/{P}/variants?fields=id&created_at[$in][0]=2020-01-01',
  },
  {
    group,
    name: 'variants list created_at[$in] one value',
    method: 'GET',
    path: '/admin/products/{P}/variants?created_at[$in]=2020-01-01',
  },
  {
    group,
    name: 'variants list deleted_at[$gte]',
    method: 'GET',
    path: '/admin/products/{P}/variants?fields=id&deleted_at[$gte]=2020-01-01',
  },
  { group, name: 'variants list deleted_at=null', method: 'GET', path: '/admin/products/{P}/variants?fields=id&deleted_at=null' },
  {
    group,
    name: 'variants list order=nope',
    method: 'GET',
    path: '/admin/products/{P}/variants?order=nope',
    deliberate: 'Medusa answers 500; we answer 400 naming the field',
  },
  {
    group,
    name: 'variants list limit=-1',
    method: 'GET',
    path: '/admin/products/{P}/variants?limit=-1',
    deliberate: 'Medusa answers 500; we answer 400 naming the field',
  },
  { group, name: 'levels list', method: 'GET', path: '/admin/inventory-items/{I}/location-levels' },
  { group, name: 'levels list order', method: 'GET', path: '/admin/inventory-items/{I}/location-levels?order=-location_id' },
  { group, name: 'levels list location_id=a,b', method: 'GET', path: '/admin/inventory-items/{I}/location-levels?location_id={L},{L2}' },
  { group, name: 'levels of unknown item', method: 'GET', path: `/admin/inventory-items/${UNKNOWN_ITEM}/location-levels` },
  {
    group,
    name: 'link update of unknown variant',
    method: 'POST',
    path: `/admin/products/{P}/variants/${UNKNOWN_VARIANT}/inventory-items/{I}`,
    body: { required_quantity: 2 },
  },
  {
    group,
    name: 'batch updates a pair twice',
    method: 'POST',
    path: '/admin/products/{P}/variants/inventory-items/batch',
    body: {
      update: [
        { variant_id: '{V}', inventory_item_id: '{I}', required_quantity: 2 },
        { variant_id: '{V}', inventory_item_id: '{I}', required_quantity: 3 },
      ],
    },
  },
  {
    group,
    name: 'batch deletes a pair that is not linked',
    method: 'POST',
    path: '/admin/products/{P}/variants/inventory-items/batch',
    body: { delete: [{ variant_id: UNKNOWN_VARIANT, inventory_item_id: '{I}' }] },
  },
  {
    group,
    name: 'link delete of unknown variant',
    method: 'DELETE',
    path: `/admin/products/{P}/variants/${UNKNOWN_VARIANT}/inventory-items/{I}`,
  },
  {
    group,
    name: 'level delete at unknown location',
    method: 'DELETE',
    path: `/admin/inventory-items/{I}/location-levels/${UNKNOWN_LOCATION}`,
  },
  {
    group,
    name: 'level create at unknown location',
    method: 'POST',
    path: '/admin/inventory-items/{I}/location-levels',
    body: { location_id: UNKNOWN_LOCATION },
  },
  { group, name: 'no token', method: 'GET', path: '/admin/inventory-items/{I}/location-levels', auth: false },
];
