import { range, type Workload } from '#bench/workload';
import type { ordercloudRoutes } from '#functions/ordercloud/routes';

type OrdercloudRouteName = (typeof ordercloudRoutes)[number]['name'];

/** Records per level: 1,000 listed, plus enough for a delete workload's warm-up. */
const OC_RECORDS = 1_100;
const recordId = (i: number) => `rec-${String(i % OC_RECORDS).padStart(5, '0')}`;
/** A record names the stock of its variant (or product) at its address, one record per address: each record its own. */
const addressId = (i: number) => `addr_${String(i % OC_RECORDS).padStart(5, '0')}`;
const addresses = (count: number, id: (i: number) => string) => range(count, id).map((id) => ({ id, name: id }));

/**
 * An inventory record workload over OC_RECORDS records of one variant, or of a SIMPLE product
 * itself. Each workload its own product: the scale run loads every workload into one tenant, and
 * a level's history stays with it, so two workloads moving the same levels would collide.
 */
function ocRecords(
  workload: string,
  level: 'variant' | 'product',
  request: (i: number) => { id?: string; query?: string; body?: unknown },
  status: number,
): Workload {
  const productId = `prod_oc_${workload}`;
  const base = level === 'variant' ? `/products/${productId}/variants/var_oc/inventoryrecords` : `/products/${productId}/inventoryrecords`;
  const records = range(OC_RECORDS, recordId).map((id, i) => ({
    id,
    addressId: addressId(i),
    quantityAvailable: i,
    ...(level === 'variant' ? { variantId: 'var_oc' } : {}),
  }));
  return {
    catalog: {
      locations: addresses(OC_RECORDS, addressId),
      products: [
        level === 'variant'
          ? { id: productId, name: 'Shirt', type: 'VARIABLE' as const, variants: [{ id: 'var_oc', name: 'M' }], inventoryRecords: records }
          : { id: productId, name: 'Tote', type: 'SIMPLE' as const, inventoryRecords: records },
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

/** Creates walk a grid of owners (variants, or SIMPLE products) by addresses, each pair free: one record per owner and address. */
const CREATE_OWNERS = 100;
const CREATE_ADDRESSES = 100;
const createAddress = (i: number) => `addr_new_${Math.floor(i / CREATE_OWNERS)}`;
const createLocations = addresses(CREATE_ADDRESSES, (i) => `addr_new_${i}`);

/**
 * The OrderCloud routes' benchmark workloads (bench/workloads.ts joins every vendor's): lists page
 * through 1,000 records of one variant (or of a SIMPLE product); reads and writes walk them.
 */
export const ordercloudWorkloads = {
  // No ID: every create generates its own, so every request is distinct.
  createVariantInventoryRecord: {
    catalog: {
      locations: createLocations,
      products: [
        {
          id: 'prod_oc_create',
          name: 'Shirt',
          type: 'VARIABLE' as const,
          variants: range(CREATE_OWNERS, (i) => ({ id: `var_oc_${i}`, name: `Size ${i}` })),
        },
      ],
    },
    capacity: CREATE_OWNERS * CREATE_ADDRESSES,
    request: (i) => ({
      path: `/products/prod_oc_create/variants/var_oc_${i % CREATE_OWNERS}/inventoryrecords`,
      headers: {},
      body: { AddressID: createAddress(i), QuantityAvailable: 10, NotificationPoint: 2, xp: { Aisle: '4' } },
    }),
    status: 201,
  },
  listVariantInventoryRecords: ocRecords('listv', 'variant', (i) => ({ query: `page=${(i % 50) + 1}&pageSize=20` }), 200),
  getVariantInventoryRecord: ocRecords('getv', 'variant', (i) => ({ id: recordId(i) }), 200),
  saveVariantInventoryRecord: ocRecords(
    'savev',
    'variant',
    (i) => ({ id: recordId(i), body: { AddressID: addressId(i), QuantityAvailable: i, xp: { Aisle: '4' } } }),
    200,
  ),
  patchVariantInventoryRecord: ocRecords(
    'patchv',
    'variant',
    (i) => ({ id: recordId(i), body: { QuantityAvailable: i, xp: { Bin: { Row: i % 7 } } } }),
    200,
  ),
  deleteVariantInventoryRecord: { ...ocRecords('deletev', 'variant', (i) => ({ id: recordId(i) }), 204), capacity: OC_RECORDS },
  listProductInventoryRecords: ocRecords('listp', 'product', (i) => ({ query: `page=${(i % 50) + 1}&pageSize=20` }), 200),
  createProductInventoryRecord: {
    catalog: {
      locations: createLocations,
      products: range(CREATE_OWNERS, (i) => ({ id: `prod_oc_create_${i}`, name: `Tote ${i}`, type: 'SIMPLE' as const })),
    },
    capacity: CREATE_OWNERS * CREATE_ADDRESSES,
    request: (i) => ({
      path: `/products/prod_oc_create_${i % CREATE_OWNERS}/inventoryrecords`,
      headers: {},
      body: { AddressID: createAddress(i), QuantityAvailable: 10, xp: { Aisle: '4' } },
    }),
    status: 201,
  },
  getProductInventoryRecord: ocRecords('getp', 'product', (i) => ({ id: recordId(i) }), 200),
  saveProductInventoryRecord: ocRecords(
    'savep',
    'product',
    (i) => ({ id: recordId(i), body: { AddressID: addressId(i), QuantityAvailable: i, xp: { Aisle: '4' } } }),
    200,
  ),
  patchProductInventoryRecord: ocRecords(
    'patchp',
    'product',
    (i) => ({ id: recordId(i), body: { QuantityAvailable: i, xp: { Bin: { Row: i % 7 } } } }),
    200,
  ),
  deleteProductInventoryRecord: { ...ocRecords('deletep', 'product', (i) => ({ id: recordId(i) }), 204), capacity: OC_RECORDS },
} satisfies Record<OrdercloudRouteName, Workload>;
