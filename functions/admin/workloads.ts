import { range, type Workload } from '#bench/workload';
import type { adminRoutes } from '#functions/admin/routes';
import { DEV_ADMIN_SCOPE, DEV_CURSOR_KEY } from '#scripts/local/devIssuer';
import { merchantApiKeyId } from '#shared/domain/merchantApiKey';
import { keyDigestUnderSecret } from '#shared/store/merchantKeyDigest';

type AdminRouteName = (typeof adminRoutes)[number]['name'];

const PRODUCTS = 200;
/** Products per import request, each with IMPORT_VARIANTS variants stocked in one warehouse. */
const IMPORT_PRODUCTS = 50;
const IMPORT_VARIANTS = 2;
/** Entries one import request reports: the tenant's settings, its location, and per product the product, its variants and their stock records. */
export const IMPORT_ENTRIES = 2 + IMPORT_PRODUCTS * (1 + 2 * IMPORT_VARIANTS);
const ADMIN_KEYS = 1_100;
const adminKey = (i: number) => `mk_bench_admin_${String(i).padStart(6, '0')}`;

/** The operator (admin) routes' benchmark workloads (bench/workloads.ts joins every vendor's). */
export const adminWorkloads = {
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
        type: 'VARIABLE' as const,
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
      path: `/admin/merchant-api-keys/${merchantApiKeyId(keyDigestUnderSecret(DEV_CURSOR_KEY, adminKey(i)))}`,
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
} satisfies Record<AdminRouteName, Workload>;
