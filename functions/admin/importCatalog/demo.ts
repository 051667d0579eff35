import { baseCatalog } from '#scripts/demo/base';
import type { RouteDemo } from '#functions/commons/demo';
import { DEV_ADMIN_SCOPE } from '#scripts/local/devIssuer';

const { merchantApiKeys: _keys, ...settings } = baseCatalog;

export const demo: RouteDemo = {
  catalog: {},
  example: {
    path: '/admin/catalog',
    scope: DEV_ADMIN_SCOPE,
    body: {
      tenants: [
        {
          ...settings,
          products: [
            {
              id: 'prod_admin_tee',
              name: 'Organic Tee',
              type: 'VARIABLE',
              warehouseIds: ['wh_main'],
              variants: [
                { id: 'var_admin_tee_m', name: 'Organic Tee / M', sku: 'ORG-TEE-M', attributes: { Size: 'M' } },
                { id: 'var_admin_tee_l', name: 'Organic Tee / L', sku: 'ORG-TEE-L', attributes: { Size: 'L' } },
              ],
            },
          ],
        },
      ],
    },
    note: '200 with each entry created (the product, its variants, a zero stock record per variant in wh_main); repeated: 200, every entry unchanged',
    expect: { first: 200, repeat: 200 },
  },
};
