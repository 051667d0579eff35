import { DEV_ADMIN_SCOPE } from '#scripts/local/devIssuer';
import { hashMerchantApiKey, merchantApiKeyId } from '#shared/domain/merchantApiKey';
import type { TenantFixture } from '#shared/store/fixtures';

/** A stream of distinct successful requests for one route, and the catalog they need. */
export interface Workload {
  /** Catalog the requests refer to, loaded into each benchmark tenant. */
  catalog: Omit<TenantFixture, 'id' | 'name'>;
  /** How many distinct successful requests the catalog allows. */
  capacity: number;
  /** The i-th request (0 ≤ i < capacity) for a tenant. */
  request(i: number, tenantId: string): { path: string; query?: string; headers: Record<string, string>; body: unknown };
  /** The status of a success. */
  status: number;
  /** The token's permissions, when the route needs others than a writer's (the admin routes). */
  scope?: string;
  /** Concurrent clients in the load test, when fewer than the default make sense (an operator's import). */
  loadConnections?: number;
}

const range = (count: number, make: (i: number) => string) => Array.from({ length: count }, (_, i) => make(i));

const PRODUCTS = 200;
const WAREHOUSES = 150;
const VARIANTS = 200;
const ITEMS = 3;
const LEVEL_ITEMS = 300;
const LEVEL_LOCATIONS = 6;
/** Products per import request, each with IMPORT_VARIANTS variants stocked in one warehouse. */
export const IMPORT_PRODUCTS = 50;
const IMPORT_VARIANTS = 2;
/** Entries one import request reports: the tenant's settings, its location, and per product the product, its variants and their stock records. */
export const IMPORT_ENTRIES = 2 + IMPORT_PRODUCTS * (1 + 2 * IMPORT_VARIANTS);
const ADMIN_KEYS = 1_100;
const adminKey = (i: number) => `mk_bench_admin_${String(i).padStart(6, '0')}`;

/** ShopSynch stock workloads share one catalog: STOCK_RECORDS records over 5 warehouses, LOW_RECORDS of them low. */
const STOCK_RECORDS = 50;
const LOW_RECORDS = 10;
const STOCK_KEY = 'mk_bench_stock_0123456789';
/** Each workload its own record IDs (the scale run loads every workload into one tenant, and a record's history stays with its ID). */
const stockId = (workload: number, i: number) => `inv_${workload.toString(16).padStart(8, '0')}${i.toString(16).padStart(24, '0')}`;

function stockWorkload(
  workload: number,
  shape: { status: number; request: (i: number, id: (i: number) => string) => { path: string; query?: string; body?: unknown } },
): Workload {
  const id = (i: number) => stockId(workload, i);
  return {
    catalog: {
      merchantApiKeys: [STOCK_KEY],
      locations: range(5, (i) => `wh_stock_${i}`).map((id) => ({ id, name: `Warehouse ${id}` })),
      products: range(STOCK_RECORDS, (i) => `prod_stock_${i}`).map((id) => ({ id, name: `Product ${id}`, type: 'SIMPLE' as const })),
      stockRecords: range(STOCK_RECORDS, id).map((recordId, i) => ({
        id: recordId,
        productId: `prod_stock_${i}`,
        warehouseId: `wh_stock_${i % 5}`,
        onHandQty: 1_000_000,
        reservedQty: 500_000,
        // Low: available 500,000 at or below the level; the others stay far above theirs.
        reorderLevel: i < LOW_RECORDS ? 600_000 : 10,
      })),
    },
    capacity: Number.MAX_SAFE_INTEGER,
    request: (i) => {
      const { path, query, body } = shape.request(i, id);
      return { path, ...(query ? { query } : {}), headers: { 'x-merchantapikey': STOCK_KEY }, body };
    },
    status: shape.status,
  };
}

/** Records per level in the OrderCloud workloads: 1,000 listed, plus enough for a delete workload's warm-up. */
const OC_RECORDS = 1_100;
const recordId = (i: number) => `rec-${String(i % OC_RECORDS).padStart(5, '0')}`;

/** An OrderCloud inventory record workload over OC_RECORDS records of one variant, or of the product itself. */
function ocRecords(
  level: 'variant' | 'product',
  request: (i: number) => { id?: string; query?: string; body?: unknown },
  status: number,
): Workload {
  const base = level === 'variant' ? '/products/prod_oc/variants/var_oc/inventoryrecords' : '/products/prod_oc/inventoryrecords';
  return {
    catalog: {
      locations: [{ id: 'addr_a', name: 'A' }],
      products: [
        {
          id: 'prod_oc',
          name: 'Shirt',
          type: 'VARIABLE' as const,
          variants: [{ id: 'var_oc', name: 'M' }],
          inventoryRecords: range(OC_RECORDS, recordId).map((id, i) => ({
            id,
            addressId: 'addr_a',
            quantityAvailable: i,
            ...(level === 'variant' ? { variantId: 'var_oc' } : {}),
          })),
        },
      ],
    },
    capacity: Number.MAX_SAFE_INTEGER,
    request: (i) => {
      const { id, query, body } = request(i);
      return { path: id ? `${base}/${id}` : base, ...(query ? { query } : {}), headers: {}, body };
    },
    status,
  };
}

export const WORKLOADS: Record<string, Workload> = {
  // One record per product and warehouse: walk the product × warehouse grid.
  createInventoryRecord: {
    catalog: {
      merchantApiKeys: ['mk_bench_0123456789'],
      locations: range(WAREHOUSES, (i) => `wh_${i}`).map((id) => ({ id, name: `Warehouse ${id}` })),
      products: range(PRODUCTS, (i) => `prod_${i}`).map((id) => ({ id, name: `Product ${id}`, type: 'SIMPLE' as const })),
    },
    capacity: PRODUCTS * WAREHOUSES,
    request: (i) => ({
      path: '/v1/inventory',
      headers: { 'x-merchantapikey': 'mk_bench_0123456789' },
      body: {
        productId: `prod_${i % PRODUCTS}`,
        warehouseId: `wh_${Math.floor(i / PRODUCTS)}`,
        initialQty: 10,
        location: 'A-1',
        reorderLevel: 2,
        reorderQty: 5,
      },
    }),
    status: 200,
  },
  // Links upsert: walk variants × items so each variant ends with at most ITEMS links.
  linkVariantInventoryItem: {
    catalog: {
      locations: [
        { id: 'loc_a', name: 'A' },
        { id: 'loc_b', name: 'B' },
      ],
      products: [
        {
          id: 'prod_kit',
          name: 'Kit',
          type: 'VARIABLE' as const,
          variants: range(VARIANTS, (i) => `var_${i}`).map((id) => ({ id, name: `Variant ${id}`, attributes: { Edition: id } })),
        },
      ],
      inventoryItems: range(ITEMS, (i) => `item_${i}`).map((id) => ({
        id,
        title: `Item ${id}`,
        levels: [
          { locationId: 'loc_a', stocked: 100, reserved: 5 },
          { locationId: 'loc_b', stocked: 40 },
        ],
      })),
    },
    capacity: Number.MAX_SAFE_INTEGER,
    request: (i) => ({
      path: `/admin/products/prod_kit/variants/var_${i % VARIANTS}/inventory-items`,
      headers: {},
      body: { inventory_item_id: `item_${Math.floor(i / VARIANTS) % ITEMS}`, required_quantity: (i % 3) + 1 },
    }),
    status: 200,
  },
  // No ID: every create generates its own, so every request is distinct.
  createVariantInventoryRecord: {
    catalog: {
      locations: [{ id: 'addr_a', name: 'A' }],
      products: [{ id: 'prod_oc', name: 'Shirt', type: 'VARIABLE' as const, variants: [{ id: 'var_oc', name: 'M' }] }],
    },
    capacity: Number.MAX_SAFE_INTEGER,
    request: () => ({
      path: '/products/prod_oc/variants/var_oc/inventoryrecords',
      headers: {},
      body: { AddressID: 'addr_a', QuantityAvailable: 10, NotificationPoint: 2, xp: { Aisle: '4' } },
    }),
    status: 201,
  },
  // A new SKU per request.
  createVariant: {
    catalog: {
      locations: [{ id: 'loc_dz', name: 'Main' }],
      vendors: [{ id: 'vendor_dz', name: 'Roaster' }],
      products: [{ id: 'prod_dz', name: 'Coffee', type: 'VARIABLE' as const }],
    },
    capacity: Number.MAX_SAFE_INTEGER,
    request: (i, tenantId) => ({
      path: '/api/v1/inventory/products/variants',
      headers: { 'x-business-id': tenantId },
      body: {
        product_id: 'prod_dz',
        name: `Variant ${i}`,
        sku: `SKU-${i}`,
        unit_price: 2999,
        unit_cost: 1450,
        uom: 'KG',
        default_vendor_id: 'vendor_dz',
        initial_inventory_quantity: 40,
      },
    }),
    status: 201,
  },
  getInventoryRecord: stockWorkload(1, { status: 200, request: (i, id) => ({ path: `/v1/inventory/${id(i % STOCK_RECORDS)}` }) }),
  // Alternates between the whole list and one warehouse's: both index families.
  listInventoryRecords: stockWorkload(2, {
    status: 200,
    request: (i) => ({ path: '/v1/inventory', query: i % 2 === 0 ? 'limit=20' : `warehouseId=wh_stock_${i % 5}&limit=20` }),
  }),
  // Each request moves one unit of one of the records, round robin: far from any floor.
  reserveInventory: stockWorkload(3, {
    status: 200,
    request: (i, id) => ({ path: `/v1/inventory/${id(i % STOCK_RECORDS)}/reserve`, body: { qty: 1, reference: `order-${i}` } }),
  }),
  releaseInventory: stockWorkload(4, {
    status: 200,
    request: (i, id) => ({ path: `/v1/inventory/${id(i % STOCK_RECORDS)}/release`, body: { qty: 1, reference: `order-${i}` } }),
  }),
  adjustInventory: stockWorkload(5, {
    status: 200,
    request: (i, id) => ({ path: `/v1/inventory/${id(i % STOCK_RECORDS)}/adjust`, body: { qty: i % 2 === 0 ? 1 : -1, reason: 'count' } }),
  }),
  listInventoryMovements: stockWorkload(6, {
    status: 200,
    request: (i, id) => ({ path: `/v1/inventory/${id(i % STOCK_RECORDS)}/movements`, query: 'limit=20' }),
  }),
  // LOW_RECORDS of the records are low: the report reads those and nothing else.
  listLowStockInventory: stockWorkload(7, { status: 200, request: () => ({ path: '/v1/inventory/low-stock' }) }),
  // OrderCloud inventory records: lists page through 1,000 records of one variant (or product-level); reads and writes walk them.
  listVariantInventoryRecords: ocRecords('variant', (i) => ({ query: `page=${(i % 50) + 1}&pageSize=20` }), 200),
  getVariantInventoryRecord: ocRecords('variant', (i) => ({ id: recordId(i) }), 200),
  saveVariantInventoryRecord: ocRecords(
    'variant',
    (i) => ({ id: recordId(i), body: { AddressID: 'addr_a', QuantityAvailable: i, xp: { Aisle: '4' } } }),
    200,
  ),
  patchVariantInventoryRecord: ocRecords(
    'variant',
    (i) => ({ id: recordId(i), body: { QuantityAvailable: i, xp: { Bin: { Row: i % 7 } } } }),
    200,
  ),
  deleteVariantInventoryRecord: { ...ocRecords('variant', (i) => ({ id: recordId(i) }), 204), capacity: OC_RECORDS },
  listProductInventoryRecords: ocRecords('product', (i) => ({ query: `page=${(i % 50) + 1}&pageSize=20` }), 200),
  createProductInventoryRecord: ocRecords(
    'product',
    () => ({ body: { AddressID: 'addr_a', QuantityAvailable: 10, xp: { Aisle: '4' } } }),
    201,
  ),
  getProductInventoryRecord: ocRecords('product', (i) => ({ id: recordId(i) }), 200),
  saveProductInventoryRecord: ocRecords(
    'product',
    (i) => ({ id: recordId(i), body: { AddressID: 'addr_a', QuantityAvailable: i, xp: { Aisle: '4' } } }),
    200,
  ),
  patchProductInventoryRecord: ocRecords(
    'product',
    (i) => ({ id: recordId(i), body: { QuantityAvailable: i, xp: { Bin: { Row: i % 7 } } } }),
    200,
  ),
  deleteProductInventoryRecord: { ...ocRecords('product', (i) => ({ id: recordId(i) }), 204), capacity: OC_RECORDS },
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
  // Each seeded level can be removed once (none holds reservations).
  deleteLocationLevel: {
    catalog: stockedItemsCatalog(),
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
  // Reads spread over catalog variants, each with stock at the default location.
  getVariant: {
    catalog: {
      defaultLocationId: 'loc_dz',
      locations: [{ id: 'loc_dz', name: 'Main' }],
      products: [
        {
          id: 'prod_dz_read',
          name: 'Coffee',
          type: 'VARIABLE' as const,
          variants: range(VARIANTS, (i) => `var_dz_${i}`).map((id, i) => ({
            id,
            name: `Variant ${id}`,
            sku: `READ-${i}`,
            unitPrice: 2999,
            unitCost: 1450,
            stock: [{ locationId: 'loc_dz', onHand: 40 }],
          })),
        },
      ],
    },
    capacity: Number.MAX_SAFE_INTEGER,
    request: (i, tenantId) => ({
      path: `/api/v1/inventory/products/variants/var_dz_${i % VARIANTS}`,
      headers: { 'x-business-id': tenantId },
      body: undefined,
    }),
    status: 200,
  },
  // Pages of 20: the business's newest variants, and one product's by name with a total (one page Query beside the COUNT Query).
  listVariants: {
    catalog: {
      defaultLocationId: 'loc_dz',
      locations: [{ id: 'loc_dz', name: 'Main' }],
      products: [
        {
          id: 'prod_dz_list',
          name: 'Coffee',
          type: 'VARIABLE' as const,
          variants: range(VARIANTS, (i) => `var_dz_list_${i}`).map((id, i) => ({
            id,
            name: `Variant ${id}`,
            sku: `LIST-${i}`,
            unitPrice: 2999,
            unitCost: 1450,
          })),
        },
      ],
    },
    capacity: Number.MAX_SAFE_INTEGER,
    request: (i, tenantId) => ({
      path: '/api/v1/inventory/products/variants',
      query: i % 2 === 0 ? 'limit=20' : 'product_id=prod_dz_list&sort_by=name&descending=false&limit=20&include_total_count=true',
      headers: { 'x-business-id': tenantId },
      body: undefined,
    }),
    status: 200,
  },
  // Price changes spread over catalog variants (no SKU change: one Put in the transaction).
  updateVariant: {
    catalog: {
      defaultLocationId: 'loc_dz',
      locations: [{ id: 'loc_dz', name: 'Main' }],
      products: [
        {
          id: 'prod_dz_update',
          name: 'Coffee',
          type: 'VARIABLE' as const,
          variants: range(VARIANTS, (i) => `var_dz_up_${i}`).map((id, i) => ({
            id,
            name: `Variant ${id}`,
            sku: `UP-${i}`,
            unitPrice: 2999,
            unitCost: 1450,
          })),
        },
      ],
    },
    capacity: Number.MAX_SAFE_INTEGER,
    request: (i, tenantId) => ({
      path: `/api/v1/inventory/products/variants/var_dz_up_${i % VARIANTS}`,
      headers: { 'x-business-id': tenantId },
      body: { unit_price: 1000 + i },
    }),
    status: 200,
  },
  // Small additions spread over catalog variants: every request is a new adjustment and never runs out of stock.
  createAdjustment: {
    catalog: {
      defaultLocationId: 'loc_dz',
      locations: [{ id: 'loc_dz', name: 'Main' }],
      products: [
        {
          id: 'prod_dz_adjust',
          name: 'Coffee',
          type: 'VARIABLE' as const,
          variants: range(VARIANTS, (i) => `var_dz_adj_${i}`).map((id) => ({
            id,
            name: `Variant ${id}`,
            unitCost: 1450,
            stock: [{ locationId: 'loc_dz', onHand: 40 }],
          })),
        },
      ],
    },
    capacity: Number.MAX_SAFE_INTEGER,
    request: (i, tenantId) => ({
      path: '/api/v1/inventory/adjustments',
      headers: { 'x-business-id': tenantId },
      body: { variant_id: `var_dz_adj_${i % VARIANTS}`, quantity_change: 1, reason: ['found', 'count_variance', 'return'][i % 3] },
    }),
    status: 201,
  },
  // The last 30 days of a business's adjustments (those the bench's own adjustment runs made, if any).
  adjustmentReasonsReport: {
    catalog: {},
    capacity: Number.MAX_SAFE_INTEGER,
    request: (_i, tenantId) => ({
      path: '/api/v1/inventory/reports/adjustment-reasons',
      headers: { 'x-business-id': tenantId },
      body: undefined,
    }),
    status: 200,
  },
  // Archiving catalog variants (archiving again answers the same).
  deleteVariant: {
    catalog: {
      defaultLocationId: 'loc_dz',
      locations: [{ id: 'loc_dz', name: 'Main' }],
      products: [
        {
          id: 'prod_dz_archive',
          name: 'Coffee',
          type: 'VARIABLE' as const,
          variants: range(VARIANTS, (i) => `var_dz_arc_${i}`).map((id, i) => ({ id, name: `Variant ${id}`, sku: `ARC-${i}` })),
        },
      ],
    },
    capacity: Number.MAX_SAFE_INTEGER,
    request: (i, tenantId) => ({
      path: `/api/v1/inventory/products/variants/var_dz_arc_${i % VARIANTS}`,
      headers: { 'x-business-id': tenantId },
      body: undefined,
    }),
    status: 200,
  },
  // Each request imports a fresh chunk: IMPORT_PRODUCTS new products with their variants and stock records.
  importCatalog: {
    catalog: { locations: [{ id: 'loc_imp', name: 'Import warehouse' }] },
    // A request takes about a second: 50 warm-up requests and 40 measured ones.
    capacity: 90,
    scope: DEV_ADMIN_SCOPE,
    // An operator imports in a few chunks at a time (`npm run seed -- --api` sends one), not a hundred.
    loadConnections: 4,
    request: (i, tenantId) => ({
      path: '/admin/catalog',
      headers: {},
      body: {
        tenants: [
          {
            id: tenantId,
            name: `Bench ${tenantId}`,
            defaultLocationId: 'loc_imp',
            locations: [{ id: 'loc_imp', name: 'Import warehouse' }],
            products: range(IMPORT_PRODUCTS, (j) => `prod_imp_${i}_${j}`).map((id) => ({
              id,
              name: `Product ${id}`,
              type: 'VARIABLE',
              warehouseIds: ['loc_imp'],
              variants: range(IMPORT_VARIANTS, (k) => `${id}_v${k}`).map((variantId) => ({
                id: variantId,
                name: `Variant ${variantId}`,
                sku: variantId.toUpperCase(),
                attributes: { Size: variantId.slice(-1) },
              })),
            })),
          },
        ],
      },
    }),
    status: 200,
  },
  // Pages of 100 through PRODUCTS products, from the start or from the cursor of a first page.
  exportCatalog: {
    catalog: {
      locations: [{ id: 'loc_exp', name: 'Main' }],
      products: range(PRODUCTS, (i) => `prod_exp_${i}`).map((id) => ({
        id,
        name: `Product ${id}`,
        type: 'SIMPLE' as const,
        variants: [{ id: `${id}_v`, name: 'Default', sku: `${id.toUpperCase()}-V` }],
      })),
    },
    capacity: Number.MAX_SAFE_INTEGER,
    scope: DEV_ADMIN_SCOPE,
    request: () => ({ path: '/admin/catalog', query: 'limit=100', headers: {}, body: undefined }),
    status: 200,
  },
  createMerchantApiKey: {
    catalog: {},
    capacity: Number.MAX_SAFE_INTEGER,
    scope: DEV_ADMIN_SCOPE,
    request: () => ({ path: '/admin/merchant-api-keys', headers: {}, body: undefined }),
    status: 201,
  },
  listMerchantApiKeys: {
    catalog: { merchantApiKeys: range(50, adminKey) },
    capacity: Number.MAX_SAFE_INTEGER,
    scope: DEV_ADMIN_SCOPE,
    request: () => ({ path: '/admin/merchant-api-keys', query: 'limit=20', headers: {}, body: undefined }),
    status: 200,
  },
  // Each request revokes another key (revoking again answers the same).
  revokeMerchantApiKey: {
    catalog: { merchantApiKeys: range(ADMIN_KEYS, adminKey) },
    capacity: ADMIN_KEYS,
    scope: DEV_ADMIN_SCOPE,
    request: (i) => ({
      path: `/admin/merchant-api-keys/${merchantApiKeyId(hashMerchantApiKey(adminKey(i)))}`,
      headers: {},
      body: undefined,
    }),
    status: 200,
  },
  getBusinessSettings: {
    catalog: { locations: [{ id: 'loc_set', name: 'Main' }] },
    capacity: Number.MAX_SAFE_INTEGER,
    scope: DEV_ADMIN_SCOPE,
    request: () => ({ path: '/admin/settings', headers: {}, body: undefined }),
    status: 200,
  },
  updateBusinessSettings: {
    catalog: {
      locations: [
        { id: 'loc_set', name: 'Main' },
        { id: 'loc_set_2', name: 'Second' },
      ],
    },
    capacity: Number.MAX_SAFE_INTEGER,
    scope: DEV_ADMIN_SCOPE,
    request: (i) => ({
      path: '/admin/settings',
      headers: {},
      body: { currency: i % 2 === 0 ? 'usd' : 'eur', defaultLocationId: i % 2 === 0 ? 'loc_set' : 'loc_set_2' },
    }),
    status: 200,
  },
};

/** Many inventory items, each stocked at the first two of a few locations. */
function stockedItemsCatalog(): Workload['catalog'] {
  return {
    locations: range(LEVEL_LOCATIONS, (i) => `loc_${i}`).map((id) => ({ id, name: `Location ${id}` })),
    inventoryItems: range(LEVEL_ITEMS, (i) => `item_${i}`).map((id) => ({
      id,
      title: `Item ${id}`,
      levels: [
        { locationId: 'loc_0', stocked: 100 },
        { locationId: 'loc_1', stocked: 40 },
      ],
    })),
  };
}

/** A kit whose every variant is linked to every item, each item stocked at two locations. */
function linkedKitCatalog(): Workload['catalog'] {
  return {
    locations: [
      { id: 'loc_a', name: 'A' },
      { id: 'loc_b', name: 'B' },
    ],
    products: [
      {
        id: 'prod_kit',
        name: 'Kit',
        type: 'VARIABLE' as const,
        variants: range(VARIANTS, (i) => `var_${i}`).map((id, v) => ({
          id,
          name: `Variant ${id}`,
          prices: [{ id: `price_${id}`, amount: 100 + v, currency: 'usd' }],
          inventoryLinks: range(ITEMS, (i) => `item_${i}`).map((inventoryItemId, i) => ({
            id: `pvitem_${String(v * ITEMS + i).padStart(26, '0')}`,
            inventoryItemId,
            requiredQuantity: i + 1,
          })),
        })),
      },
    ],
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
