import type { RouteDemo } from '#functions/commons/demo';

/** A milk jug, a new item of no product, stocked at the main warehouse. */
export const demo: RouteDemo = {
  catalog: {},
  example: {
    path: '/admin/inventory-items',
    body: { sku: 'JUG-350', title: 'Milk jug', location_levels: [{ location_id: 'wh_main', stocked_quantity: 12 }] },
    note: '200 then 400: the first call makes a new item (iitem_…) with its level; the repeat meets the SKU the first took',
    expect: { first: 200, repeat: 400 },
  },
};
