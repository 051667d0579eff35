import { EXPORT_PAGE_LIMIT, ExportQuery, ExportResponse } from '#functions/admin/dialect/catalog';
import { problemResponses } from '#functions/admin/dialect/errors';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  query: ExportQuery,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'Admin',
  summary: 'Export the catalog',
  description: `Pages through the tenant's catalog in the fixtures format: each page is a document PUT /admin/catalog accepts as it is, carrying the tenant's settings and all its locations, then up to \`limit\` (default ${EXPORT_PAGE_LIMIT.default}, at most ${EXPORT_PAGE_LIMIT.max}) vendors, products with their variants, and inventory items with their levels. Merchant API keys are never exported (only their hashes are stored). Pass \`nextCursor\` back as \`cursor\` until it is null.`,
  responses: {
    200: {
      description: 'One page of the catalog and the cursor of the next one (null on the last page).',
      schema: ExportResponse,
      example: {
        catalog: {
          tenants: [
            {
              id: 'tenant_demo',
              name: 'Demo Commerce Ltd',
              currency: 'usd',
              merchantApiKeys: [],
              locations: [
                {
                  id: 'wh_main',
                  name: 'Main Warehouse',
                  ownerId: 'tenant_demo',
                  address: {
                    companyName: '',
                    firstName: '',
                    lastName: '',
                    street1: '',
                    street2: '',
                    city: '',
                    state: '',
                    zip: '',
                    country: '',
                    phone: '',
                    addressName: '',
                    xp: {},
                  },
                },
              ],
              vendors: [],
              products: [
                {
                  id: 'prod_tee',
                  name: 'Tee',
                  type: 'VARIABLE',
                  variants: [
                    {
                      id: 'var_tee_m',
                      name: 'Tee / M',
                      sku: 'TEE-M',
                      attributes: { Size: 'M' },
                      prices: [],
                      inventoryLinks: [],
                      stock: [],
                    },
                  ],
                  inventoryRecords: [],
                  options: [],
                },
              ],
              inventoryItems: [],
              stockRecords: [],
            },
          ],
        },
        nextCursor: null,
      },
    },
    ...problemResponses({
      401: 'Token missing or not valid.',
      403: 'The token lacks the admin permission.',
      404: 'The tenant has no settings yet (nothing was imported).',
      422: 'A query parameter is not valid, or the cursor is not one this export handed out.',
      500: 'Unexpected failure; details are only in the logs.',
      503: 'The database is unavailable; retry after the Retry-After header.',
    }),
  },
});
