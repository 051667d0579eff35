import type { RouteDemo } from '#functions/commons/demo';

/** A milk pitcher: a recount at the main warehouse and new stock on its way to the satellite store. */
export const demo: RouteDemo = {
  catalog: {
    inventoryItems: [
      {
        id: 'iitem_medusa_pitcher',
        sku: 'PTCH-600',
        title: 'Milk pitcher',
        levels: [
          { locationId: 'wh_main', stocked: 20 },
          { locationId: 'wh_def456', stocked: 2 },
        ],
      },
    ],
  },
  example: {
    path: '/admin/inventory-items/iitem_medusa_pitcher/location-levels/batch',
    body: {
      update: [
        { location_id: 'wh_main', stocked_quantity: 18 },
        { location_id: 'wh_def456', incoming_quantity: 10 },
      ],
    },
    note: '200 both times: {created, updated, deleted}; the recount is a movement every API sees',
    expect: { first: 200, repeat: 200 },
  },
};
