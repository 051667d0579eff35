import { range, type Workload } from '#bench/workload';
import type { dayzeroRoutes } from '#functions/dayzero/routes';

type DayzeroRouteName = (typeof dayzeroRoutes)[number]['name'];

const VARIANTS = 200;

type CoffeeVariant = NonNullable<NonNullable<Workload['catalog']['products']>[number]['variants']>[number];

/** One product of VARIANTS variants, named after their IDs (`fields` adds the rest of each), and the default location. */
function coffeeCatalog(
  productId: string,
  variantId: (i: number) => string,
  fields: (i: number) => Omit<CoffeeVariant, 'id' | 'name'>,
): Workload['catalog'] {
  return {
    defaultLocationId: 'loc_dz',
    locations: [{ id: 'loc_dz', name: 'Main' }],
    products: [
      {
        id: productId,
        name: 'Coffee',
        type: 'VARIABLE' as const,
        variants: range(VARIANTS, variantId).map((id, i) => ({ id, name: `Variant ${id}`, ...fields(i) })),
      },
    ],
  };
}

/** The DayZero routes' benchmark workloads (bench/workloads.ts joins every vendor's). */
export const dayzeroWorkloads = {
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
  // Reads spread over catalog variants, each with stock at the default location.
  getVariant: {
    catalog: coffeeCatalog(
      'prod_dz_read',
      (i) => `var_dz_${i}`,
      (i) => ({ sku: `READ-${i}`, unitPrice: 2999, unitCost: 1450, stock: [{ locationId: 'loc_dz', onHand: 40 }] }),
    ),
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
    catalog: coffeeCatalog(
      'prod_dz_list',
      (i) => `var_dz_list_${i}`,
      (i) => ({ sku: `LIST-${i}`, unitPrice: 2999, unitCost: 1450 }),
    ),
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
    catalog: coffeeCatalog(
      'prod_dz_update',
      (i) => `var_dz_up_${i}`,
      (i) => ({ sku: `UP-${i}`, unitPrice: 2999, unitCost: 1450 }),
    ),
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
    catalog: coffeeCatalog(
      'prod_dz_adjust',
      (i) => `var_dz_adj_${i}`,
      () => ({ unitCost: 1450, stock: [{ locationId: 'loc_dz', onHand: 40 }] }),
    ),
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
    catalog: coffeeCatalog(
      'prod_dz_archive',
      (i) => `var_dz_arc_${i}`,
      (i) => ({ sku: `ARC-${i}` }),
    ),
    capacity: Number.MAX_SAFE_INTEGER,
    request: (i, tenantId) => ({
      path: `/api/v1/inventory/products/variants/var_dz_arc_${i % VARIANTS}`,
      headers: { 'x-business-id': tenantId },
      body: undefined,
    }),
    status: 200,
  },
} satisfies Record<DayzeroRouteName, Workload>;
