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
  description: `Pages through everything the tenant holds, in the fixtures format (version 2): each page is a document PUT /admin/catalog accepts as it is, carrying the tenant's settings and all its locations, then up to \`limit\` (default ${EXPORT_PAGE_LIMIT.default}, at most ${EXPORT_PAGE_LIMIT.max}) vendors, products (variants, prices) and inventory items (levels). \`stored\` holds the same roots' items exactly as stored, grouped (a product with its variants, guards, Medusa links and OrderCloud records with xp; each stock level with its movements; inventory items with their levels), and the first page also the settings, the merchant keys as their stored digests (never the keys) and the adjustment history. Importing every page into a tenant without settings restores it exactly; into a tenant that holds data, the sections are upserted (see docs/backup-and-restore.md). Idempotency-Key records, the Stripe outbox and pending low-stock events are left out. Pass \`nextCursor\` back as \`cursor\` until it is null: every page of one run carries the same \`restore.exportId\`.`,
  responses: {
    200: {
      description: 'One page of the catalog and the cursor of the next one (null on the last page).',
      schema: ExportResponse,
      // A page is a document PUT /admin/catalog takes back: sections it does not need are left out.
      io: 'input',
      example: {
        catalog: {
          formatVersion: 2,
          tenants: [
            {
              id: 'tenant_demo',
              name: 'Demo Commerce Ltd',
              currency: 'usd',
              locations: [{ id: 'wh_main', name: 'Main Warehouse', ownerId: 'tenant_demo' }],
              vendors: [],
              products: [
                {
                  id: 'prod_tee',
                  name: 'Tee',
                  type: 'VARIABLE',
                  variants: [{ id: 'var_tee_m', name: 'Tee / M', sku: 'TEE-M', attributes: { Size: 'M' } }],
                },
              ],
              inventoryItems: [],
              restore: { sourceTenantId: 'tenant_demo', exportId: 'exp_0123456789abcdef0123456789abcdef' },
              stored: [
                {
                  of: 'location wh_main',
                  items: [
                    {
                      pk: 'TENANT#tenant_demo#LOCATION#wh_main',
                      sk: 'LOCATION',
                      type: 'Location',
                      id: 'wh_main',
                      tenantId: 'tenant_demo',
                      name: 'Main Warehouse',
                      ownerId: 'tenant_demo',
                      createdAt: '2026-01-05T09:00:00Z',
                    },
                  ],
                },
              ],
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
