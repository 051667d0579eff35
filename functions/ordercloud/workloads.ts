import { range, type Workload } from '#bench/workload';
import type { ordercloudRoutes } from '#functions/ordercloud/routes';

type OrdercloudRouteName = (typeof ordercloudRoutes)[number]['name'];

/** Records per level: 1,000 listed, plus enough for a delete workload's warm-up. */
const OC_RECORDS = 1_100;
const recordId = (i: number) => `rec-${String(i % OC_RECORDS).padStart(5, '0')}`;

/** An inventory record workload over OC_RECORDS records of one variant, or of the product itself. */
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

/**
 * The OrderCloud routes' benchmark workloads (bench/workloads.ts joins every vendor's): lists page
 * through 1,000 records of one variant (or product-level); reads and writes walk them.
 */
export const ordercloudWorkloads = {
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
} satisfies Record<OrdercloudRouteName, Workload>;
