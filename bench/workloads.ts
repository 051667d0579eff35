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
}

const range = (count: number, make: (i: number) => string) => Array.from({ length: count }, (_, i) => make(i));

const PRODUCTS = 200;
const WAREHOUSES = 150;
const VARIANTS = 200;
const ITEMS = 3;

/** ShopSynch stock workloads share one catalog: STOCK_RECORDS records over 5 warehouses, LOW_RECORDS of them low. */
const STOCK_RECORDS = 50;
const LOW_RECORDS = 10;
const STOCK_KEY = 'mk_bench_stock_0123456789';
/** Each workload its own record IDs (the scale run loads every workload into one tenant, and a record's history stays with its ID). */
const stockId = (workload: number, i: number) => `inv_${workload.toString(16).padStart(8, '0')}${i.toString(16).padStart(24, '0')}`;

function stockWorkload(workload: number, shape: { status: number; request: (i: number, id: (i: number) => string) => { path: string; query?: string; body?: unknown } }): Workload {
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
      body: { productId: `prod_${i % PRODUCTS}`, warehouseId: `wh_${Math.floor(i / PRODUCTS)}`, initialQty: 10, location: 'A-1', reorderLevel: 2, reorderQty: 5 },
    }),
    status: 200,
  },
  // Links upsert: walk variants × items so each variant ends with at most ITEMS links.
  linkVariantInventoryItem: {
    catalog: {
      locations: [{ id: 'loc_a', name: 'A' }, { id: 'loc_b', name: 'B' }],
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
      body: { product_id: 'prod_dz', name: `Variant ${i}`, sku: `SKU-${i}`, unit_price: 2999, unit_cost: 1450, uom: 'KG', default_vendor_id: 'vendor_dz', initial_inventory_quantity: 40 },
    }),
    status: 201,
  },
  getInventoryRecord: stockWorkload(1, { status: 200, request: (i, id) => ({ path: `/v1/inventory/${id(i % STOCK_RECORDS)}` }) }),
  // Alternates between the whole list and one warehouse's: both index families.
  listInventoryRecords: stockWorkload(2, { status: 200, request: (i) => ({ path: '/v1/inventory', query: i % 2 === 0 ? 'limit=20' : `warehouseId=wh_stock_${i % 5}&limit=20` }) }),
  // Each request moves one unit of one of the records, round robin: far from any floor.
  reserveInventory: stockWorkload(3, { status: 200, request: (i, id) => ({ path: `/v1/inventory/${id(i % STOCK_RECORDS)}/reserve`, body: { qty: 1, reference: `order-${i}` } }) }),
  releaseInventory: stockWorkload(4, { status: 200, request: (i, id) => ({ path: `/v1/inventory/${id(i % STOCK_RECORDS)}/release`, body: { qty: 1, reference: `order-${i}` } }) }),
  adjustInventory: stockWorkload(5, { status: 200, request: (i, id) => ({ path: `/v1/inventory/${id(i % STOCK_RECORDS)}/adjust`, body: { qty: i % 2 === 0 ? 1 : -1, reason: 'count' } }) }),
  listInventoryMovements: stockWorkload(6, { status: 200, request: (i, id) => ({ path: `/v1/inventory/${id(i % STOCK_RECORDS)}/movements`, query: 'limit=20' }) }),
  // LOW_RECORDS of the records are low: the report reads those and nothing else.
  listLowStockInventory: stockWorkload(7, { status: 200, request: () => ({ path: '/v1/inventory/low-stock' }) }),
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
          variants: range(VARIANTS, (i) => `var_dz_${i}`).map((id, i) => ({ id, name: `Variant ${id}`, sku: `READ-${i}`, unitPrice: 2999, unitCost: 1450, stock: [{ locationId: 'loc_dz', onHand: 40 }] })),
        },
      ],
    },
    capacity: Number.MAX_SAFE_INTEGER,
    request: (i, tenantId) => ({ path: `/api/v1/inventory/products/variants/var_dz_${i % VARIANTS}`, headers: { 'x-business-id': tenantId }, body: undefined }),
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
          variants: range(VARIANTS, (i) => `var_dz_up_${i}`).map((id, i) => ({ id, name: `Variant ${id}`, sku: `UP-${i}`, unitPrice: 2999, unitCost: 1450 })),
        },
      ],
    },
    capacity: Number.MAX_SAFE_INTEGER,
    request: (i, tenantId) => ({ path: `/api/v1/inventory/products/variants/var_dz_up_${i % VARIANTS}`, headers: { 'x-business-id': tenantId }, body: { unit_price: 1000 + i } }),
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
          variants: range(VARIANTS, (i) => `var_dz_adj_${i}`).map((id) => ({ id, name: `Variant ${id}`, unitCost: 1450, stock: [{ locationId: 'loc_dz', onHand: 40 }] })),
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
    request: (_i, tenantId) => ({ path: '/api/v1/inventory/reports/adjustment-reasons', headers: { 'x-business-id': tenantId }, body: undefined }),
    status: 200,
  },
  // Archiving catalog variants (archiving again answers the same).
  deleteVariant: {
    catalog: {
      defaultLocationId: 'loc_dz',
      locations: [{ id: 'loc_dz', name: 'Main' }],
      products: [{ id: 'prod_dz_archive', name: 'Coffee', type: 'VARIABLE' as const, variants: range(VARIANTS, (i) => `var_dz_arc_${i}`).map((id, i) => ({ id, name: `Variant ${id}`, sku: `ARC-${i}` })) }],
    },
    capacity: Number.MAX_SAFE_INTEGER,
    request: (i, tenantId) => ({ path: `/api/v1/inventory/products/variants/var_dz_arc_${i % VARIANTS}`, headers: { 'x-business-id': tenantId }, body: undefined }),
    status: 200,
  },
};
