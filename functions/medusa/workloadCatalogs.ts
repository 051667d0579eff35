import { range, type Workload } from '#bench/workload';

/** The catalogs the Medusa workloads load (functions/medusa/workloads.ts), and their sizes. */
export const VARIANTS = 200;
export const ITEMS = 3;
export const LEVEL_ITEMS = 300;
export const LEVEL_LOCATIONS = 6;
export const RESERVED_ITEMS = 50;
export const RESERVATIONS_PER_LEVEL = 2;

/** Many inventory items, each stocked at the first two of a few locations (with `stocked` units each, if given). */
export function stockedItemsCatalog(stocked?: number): Workload['catalog'] {
  return {
    locations: range(LEVEL_LOCATIONS, (i) => `loc_${i}`).map((id) => ({ id, name: `Location ${id}` })),
    inventoryItems: range(LEVEL_ITEMS, (i) => `item_${i}`).map((id) => ({
      id,
      title: `Item ${id}`,
      levels: [
        { locationId: 'loc_0', stocked: stocked ?? 100 },
        { locationId: 'loc_1', stocked: stocked ?? 40 },
      ],
    })),
  };
}

type KitVariant = NonNullable<NonNullable<Workload['catalog']['products']>[number]['variants']>[number];

/** A kit of VARIANTS variants (`variant` makes each) and ITEMS items, each item stocked at two locations. */
function kitCatalog(variant: (id: string, v: number) => KitVariant): Workload['catalog'] {
  return {
    locations: [
      { id: 'loc_a', name: 'A' },
      { id: 'loc_b', name: 'B' },
    ],
    products: [{ id: 'prod_kit', name: 'Kit', type: 'VARIABLE' as const, variants: range(VARIANTS, (i) => `var_${i}`).map(variant) }],
    inventoryItems: range(ITEMS, (i) => `item_${i}`).map((id) => ({
      id,
      title: `Item ${id}`,
      levels: [
        { locationId: 'loc_a', stocked: 100, reserved: 5 },
        { locationId: 'loc_b', stocked: 40 },
      ],
    })),
  };
}

/** The kit with no links yet, for the workload that makes them: each variant has an attribute of its own. */
export const unlinkedKitCatalog = () => kitCatalog((id) => ({ id, name: `Variant ${id}`, attributes: { Edition: id } }));

/** The kit whose every variant is linked to every item. */
export const linkedKitCatalog = () =>
  kitCatalog((id, v) => ({
    id,
    name: `Variant ${id}`,
    prices: [{ id: `price_${id}`, amount: 100 + v, currency: 'usd' }],
    inventoryLinks: range(ITEMS, (i) => `item_${i}`).map((inventoryItemId, i) => ({
      id: `pvitem_${String(v * ITEMS + i).padStart(26, '0')}`,
      inventoryItemId,
      requiredQuantity: i + 1,
    })),
  }));

/** The n-th seeded reservation's ID: Medusa's shape, `resitem_` and 26 base-32 digits. */
export function reservationId(workload: number, n: number): string {
  return `resitem_${workload}${String(n).padStart(25, '0')}`;
}

/**
 * Items stocked with 100 units at one location, each level holding two reservations of 2 units. Each
 * workload (1 to 5) has items and reservations of its own: the scale tenant holds every workload's
 * catalog, and one's movements must not meet another's reloaded levels.
 */
export function reservedItemsCatalog(workload: number): Workload['catalog'] {
  return {
    locations: [{ id: 'res_loc', name: 'Reservations' }],
    inventoryItems: range(RESERVED_ITEMS, (i) => `res${workload}_item_${i}`).map((id, i) => ({
      id,
      title: `Item ${id}`,
      levels: [
        {
          locationId: 'res_loc',
          stocked: 100,
          reserved: 2 * RESERVATIONS_PER_LEVEL,
          reservations: range(RESERVATIONS_PER_LEVEL, (r) => ({
            id: reservationId(workload, i * RESERVATIONS_PER_LEVEL + r),
            quantity: 2,
          })),
        },
      ],
    })),
  };
}
