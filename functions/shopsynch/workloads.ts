import { range, type Workload } from '#bench/workload';
import type { shopsynchRoutes } from '#functions/shopsynch/routes';

type ShopsynchRouteName = (typeof shopsynchRoutes)[number]['name'];

const PRODUCTS = 200;
const WAREHOUSES = 150;

/** The stock workloads share one catalog: STOCK_RECORDS records over 5 warehouses, LOW_RECORDS of them low. */
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

/** The ShopSynch routes' benchmark workloads (bench/workloads.ts joins every vendor's). */
export const shopsynchWorkloads = {
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
} satisfies Record<ShopsynchRouteName, Workload>;
