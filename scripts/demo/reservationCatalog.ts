import type { RouteDemo } from '#functions/commons/demo';

/** The demo reservation: two of the five scales reserved at the main warehouse hold line item ordli_…1042. */
export const DEMO_RESERVATION_ID = 'resitem_01JBRZ5E4Q8M7X2V9K3N6P1T0R';

/** A coffee scale stocked in both demo locations; at the main warehouse 5 are reserved, 2 of them by the demo reservation. */
export const scaleCatalog: RouteDemo['catalog'] = {
  inventoryItems: [
    {
      id: 'iitem_medusa_scale',
      sku: 'SCALE-01',
      title: 'Coffee scale',
      levels: [
        {
          locationId: 'wh_main',
          stocked: 40,
          reserved: 5,
          reservations: [
            { id: DEMO_RESERVATION_ID, quantity: 2, lineItemId: 'ordli_01JBRZ5E4Q8M7X2V9K3N6P1T1042', description: 'Order #1042' },
          ],
        },
        { locationId: 'wh_def456', stocked: 10 },
      ],
    },
  ],
};
