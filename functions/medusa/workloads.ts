import { range, type Workload } from '#bench/workload';
import type { medusaRoutes } from '#functions/medusa/routes';
import {
  VARIANTS,
  ITEMS,
  LEVEL_ITEMS,
  LEVEL_LOCATIONS,
  RESERVED_ITEMS,
  RESERVATIONS_PER_LEVEL,
  linkedKitCatalog,
  reservationId,
  reservedItemsCatalog,
  stockedItemsCatalog,
  unlinkedKitCatalog,
} from '#functions/medusa/workloadCatalogs';

type MedusaRouteName = (typeof medusaRoutes)[number]['name'];

/** The Medusa routes' benchmark workloads (bench/workloads.ts joins every vendor's). */
export const medusaWorkloads = {
  // Links upsert: walk variants × items so each variant ends with at most ITEMS links.
  linkVariantInventoryItem: {
    catalog: unlinkedKitCatalog(),
    capacity: Number.MAX_SAFE_INTEGER,
    request: (i) => ({
      path: `/admin/products/prod_kit/variants/var_${i % VARIANTS}/inventory-items`,
      headers: {},
      body: { inventory_item_id: `item_${Math.floor(i / VARIANTS) % ITEMS}`, required_quantity: (i % 3) + 1 },
    }),
    status: 200,
  },
  // Reads of a variant with its links and their items' levels: one Query for the range, one per linked item.
  getProductVariant: {
    catalog: linkedKitCatalog(),
    capacity: Number.MAX_SAFE_INTEGER,
    request: (i) => ({ path: `/admin/products/prod_kit/variants/var_${i % VARIANTS}`, headers: {}, body: undefined }),
    status: 200,
  },
  // Pages of 10 with +inventory_quantity: only the page's linked items' levels are read.
  listProductVariants: {
    catalog: linkedKitCatalog(),
    capacity: Number.MAX_SAFE_INTEGER,
    request: (i) => ({
      path: '/admin/products/prod_kit/variants',
      query: `fields=%2Binventory_quantity&limit=10&offset=${(i * 10) % VARIANTS}`,
      headers: {},
      body: undefined,
    }),
    status: 200,
  },
  // Walk the seeded links, changing each one's required quantity.
  updateVariantInventoryItem: {
    catalog: linkedKitCatalog(),
    capacity: Number.MAX_SAFE_INTEGER,
    request: (i) => ({
      path: `/admin/products/prod_kit/variants/var_${i % VARIANTS}/inventory-items/item_${Math.floor(i / VARIANTS) % ITEMS}`,
      headers: {},
      body: { required_quantity: (i % 5) + 1 },
    }),
    status: 200,
  },
  // Each seeded link can be removed once.
  deleteVariantInventoryItem: {
    catalog: linkedKitCatalog(),
    capacity: VARIANTS * ITEMS,
    request: (i) => ({
      path: `/admin/products/prod_kit/variants/var_${i % VARIANTS}/inventory-items/item_${Math.floor(i / VARIANTS)}`,
      headers: {},
      body: undefined,
    }),
    status: 200,
  },
  // The levels of one of many items, each stocked at two locations.
  listLocationLevels: {
    catalog: stockedItemsCatalog(),
    capacity: Number.MAX_SAFE_INTEGER,
    request: (i) => ({ path: `/admin/inventory-items/item_${i % LEVEL_ITEMS}/location-levels`, headers: {}, body: undefined }),
    status: 200,
  },
  // Each item gains a level at each of the locations it is not stocked at yet.
  createLocationLevel: {
    catalog: stockedItemsCatalog(),
    capacity: LEVEL_ITEMS * (LEVEL_LOCATIONS - 2),
    request: (i) => ({
      path: `/admin/inventory-items/item_${i % LEVEL_ITEMS}/location-levels`,
      headers: {},
      body: { location_id: `loc_${2 + Math.floor(i / LEVEL_ITEMS)}`, stocked_quantity: 10 },
    }),
    status: 200,
  },
  updateLocationLevel: {
    catalog: stockedItemsCatalog(),
    capacity: Number.MAX_SAFE_INTEGER,
    request: (i) => ({
      path: `/admin/inventory-items/item_${i % LEVEL_ITEMS}/location-levels/loc_${Math.floor(i / LEVEL_ITEMS) % 2}`,
      headers: {},
      body: { stocked_quantity: 50 + (i % 7) },
    }),
    status: 200,
  },
  // Each seeded level can be removed once (none holds any units: a level holding some stays).
  deleteLocationLevel: {
    catalog: stockedItemsCatalog(0),
    capacity: LEVEL_ITEMS * 2,
    request: (i) => ({
      path: `/admin/inventory-items/item_${i % LEVEL_ITEMS}/location-levels/loc_${Math.floor(i / LEVEL_ITEMS)}`,
      headers: {},
      body: undefined,
    }),
    status: 200,
  },
  // Each request relinks one variant: replaces its first item's link and updates its second's.
  batchVariantInventoryItems: {
    catalog: linkedKitCatalog(),
    capacity: Number.MAX_SAFE_INTEGER,
    request: (i) => ({
      path: '/admin/products/prod_kit/variants/inventory-items/batch',
      headers: {},
      body: {
        create: [{ variant_id: `var_${i % VARIANTS}`, inventory_item_id: 'item_0', required_quantity: (i % 4) + 1 }],
        update: [{ variant_id: `var_${i % VARIANTS}`, inventory_item_id: 'item_1', required_quantity: (i % 3) + 1 }],
      },
    }),
    status: 200,
  },
  // Pages of 2 over the tenant's few locations, by name.
  listStockLocations: {
    catalog: stockedItemsCatalog(),
    capacity: Number.MAX_SAFE_INTEGER,
    request: (i) => ({
      path: '/admin/stock-locations',
      query: `order=name&limit=2&offset=${(i * 2) % LEVEL_LOCATIONS}`,
      headers: {},
      body: undefined,
    }),
    status: 200,
  },
  getStockLocation: {
    catalog: stockedItemsCatalog(),
    capacity: Number.MAX_SAFE_INTEGER,
    request: (i) => ({ path: `/admin/stock-locations/loc_${i % LEVEL_LOCATIONS}`, headers: {}, body: undefined }),
    status: 200,
  },
  // Pages of 20 over the many items, levels included (Medusa's default fields).
  listInventoryItems: {
    catalog: stockedItemsCatalog(),
    capacity: Number.MAX_SAFE_INTEGER,
    request: (i) => ({ path: '/admin/inventory-items', query: `offset=${(i * 20) % LEVEL_ITEMS}`, headers: {}, body: undefined }),
    status: 200,
  },
  getInventoryItem: {
    catalog: stockedItemsCatalog(),
    capacity: Number.MAX_SAFE_INTEGER,
    request: (i) => ({ path: `/admin/inventory-items/item_${i % LEVEL_ITEMS}`, headers: {}, body: undefined }),
    status: 200,
  },
  // New items, each stocked at two locations.
  createInventoryItem: {
    catalog: stockedItemsCatalog(),
    capacity: Number.MAX_SAFE_INTEGER,
    request: (i) => ({
      path: '/admin/inventory-items',
      headers: {},
      body: {
        sku: `NEW-${i}`,
        title: `New item ${i}`,
        location_levels: [
          { location_id: 'loc_0', stocked_quantity: 10 },
          { location_id: 'loc_1', stocked_quantity: 5 },
        ],
      },
    }),
    status: 200,
  },
  updateInventoryItem: {
    catalog: stockedItemsCatalog(),
    capacity: Number.MAX_SAFE_INTEGER,
    request: (i) => ({ path: `/admin/inventory-items/item_${i % LEVEL_ITEMS}`, headers: {}, body: { title: `Item ${i}` } }),
    status: 200,
  },
  // Each item once, with its two levels.
  deleteInventoryItem: {
    catalog: stockedItemsCatalog(),
    capacity: LEVEL_ITEMS,
    request: (i) => ({ path: `/admin/inventory-items/item_${i}`, headers: {}, body: undefined }),
    status: 200,
  },
  // Each request recounts an item at one location and sets what is incoming at the other.
  batchLocationLevels: {
    catalog: stockedItemsCatalog(),
    capacity: Number.MAX_SAFE_INTEGER,
    request: (i) => ({
      path: `/admin/inventory-items/item_${i % LEVEL_ITEMS}/location-levels/batch`,
      headers: {},
      body: {
        update: [
          { location_id: 'loc_0', stocked_quantity: 50 + (i % 7) },
          { location_id: 'loc_1', incoming_quantity: i % 5 },
        ],
      },
    }),
    status: 200,
  },
  // Two items recounted at the first location in each request.
  batchInventoryItemsLocationLevels: {
    catalog: stockedItemsCatalog(),
    capacity: Number.MAX_SAFE_INTEGER,
    request: (i) => ({
      path: '/admin/inventory-items/location-levels/batch',
      headers: {},
      body: {
        update: [
          { inventory_item_id: `item_${(2 * i) % LEVEL_ITEMS}`, location_id: 'loc_0', stocked_quantity: 50 + (i % 7) },
          { inventory_item_id: `item_${(2 * i + 1) % LEVEL_ITEMS}`, location_id: 'loc_0', stocked_quantity: 60 + (i % 5) },
        ],
      },
    }),
    status: 200,
  },
  // Pages of 10 of the tenant's reservations, each with its item.
  listReservations: {
    catalog: reservedItemsCatalog(1),
    capacity: Number.MAX_SAFE_INTEGER,
    request: (i) => ({
      path: '/admin/reservations',
      query: `limit=10&offset=${(i * 10) % (RESERVED_ITEMS * RESERVATIONS_PER_LEVEL)}`,
      headers: {},
      body: undefined,
    }),
    status: 200,
  },
  // One unit reserved at a time, spread over the items' levels (each has 100 units, 4 reserved).
  createReservation: {
    catalog: reservedItemsCatalog(2),
    capacity: RESERVED_ITEMS * 96,
    request: (i) => ({
      path: '/admin/reservations',
      headers: {},
      body: { inventory_item_id: `res2_item_${i % RESERVED_ITEMS}`, location_id: 'res_loc', quantity: 1, line_item_id: `ordli_${i}` },
    }),
    status: 200,
  },
  getReservation: {
    catalog: reservedItemsCatalog(3),
    capacity: Number.MAX_SAFE_INTEGER,
    request: (i) => ({
      path: `/admin/reservations/${reservationId(3, i % (RESERVED_ITEMS * RESERVATIONS_PER_LEVEL))}`,
      headers: {},
      body: undefined,
    }),
    status: 200,
  },
  // Walk the reservations, changing each one's quantity (a movement of its level every time it changes).
  updateReservation: {
    catalog: reservedItemsCatalog(4),
    capacity: Number.MAX_SAFE_INTEGER,
    request: (i) => ({
      path: `/admin/reservations/${reservationId(4, i % (RESERVED_ITEMS * RESERVATIONS_PER_LEVEL))}`,
      headers: {},
      body: { quantity: (Math.floor(i / (RESERVED_ITEMS * RESERVATIONS_PER_LEVEL)) % 3) + 1 },
    }),
    status: 200,
  },
  // Each seeded reservation can be removed once (a repeat answers 200 too, but writes nothing).
  deleteReservation: {
    catalog: reservedItemsCatalog(5),
    capacity: RESERVED_ITEMS * RESERVATIONS_PER_LEVEL,
    request: (i) => ({ path: `/admin/reservations/${reservationId(5, i)}`, headers: {}, body: undefined }),
    status: 200,
  },
} satisfies Record<MedusaRouteName, Workload>;
