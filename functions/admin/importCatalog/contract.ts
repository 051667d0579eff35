import { ImportRequest, ImportResponse } from '#functions/admin/dialect/catalog';
import { problemResponses } from '#functions/admin/dialect/errors';
import { MAX_IMPORT_ENTRIES } from '#shared/domain/catalogImport';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

/** Room for a chunk of MAX_IMPORT_ENTRIES entries with long names and addresses; far below Lambda's 6 MB request limit. */
export const IMPORT_MAX_BODY_BYTES = 4 * 1024 * 1024;

export const request = {
  maxBodyBytes: IMPORT_MAX_BODY_BYTES,
  body: ImportRequest,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'Admin',
  summary: 'Import a catalog',
  description: [
    'Upserts a catalog document in the fixtures format of `npm run seed` into the tenant of the token (the document must name that tenant).',
    'Every entry gets its own result: `created`, `updated`, `unchanged` (nothing written) or `refused` with a reason, such as a SKU held by another variant.',
    "A variant's `stock` sets on hand of its level at each location as a movement of the stock ledger (reason `import`; refused below what is reserved); `inventoryRecords` are created as OrderCloud's create makes them, `inventoryLinks` put as Medusa's link create puts them; prices, option values and DayZero prices are written with the variant. Stock records with explicit IDs and reserved units are refused (422).",
    'A product with `warehouseIds` gets a zero-quantity stock record in each of those warehouses (per variant for VARIABLE products); an existing record is never touched.',
    `Importing the same document again changes nothing. At most ${MAX_IMPORT_ENTRIES} entries (stock records, quantities, OrderCloud records and links included) and ${IMPORT_MAX_BODY_BYTES} bytes per request: send larger catalogs in chunks, each carrying the tenant's locations.`,
  ].join(' '),
  bodyExamples: {
    catalog: {
      summary: 'A warehouse and a VARIABLE product stocked in it',
      value: {
        tenants: [
          {
            id: 'tenant_demo',
            name: 'Demo Commerce Ltd',
            currency: 'usd',
            locations: [{ id: 'wh_main', name: 'Main Warehouse' }],
            products: [
              {
                id: 'prod_tee',
                name: 'Tee',
                type: 'VARIABLE',
                warehouseIds: ['wh_main'],
                variants: [{ id: 'var_tee_m', name: 'Tee / M', sku: 'TEE-M', attributes: { Size: 'M' } }],
              },
            ],
          },
        ],
      },
    },
  },
  responses: {
    200: {
      description: 'Every entry with its result. Refused entries are results too: the others were imported.',
      schema: ImportResponse,
      example: {
        summary: { created: 4, updated: 0, unchanged: 1, refused: 0 },
        results: [
          { path: 'tenants[0]', entity: 'tenant', id: 'tenant_demo', result: 'unchanged' },
          { path: 'tenants[0].locations[0]', entity: 'location', id: 'wh_main', result: 'created' },
          { path: 'tenants[0].products[0]', entity: 'product', id: 'prod_tee', result: 'created' },
          { path: 'tenants[0].products[0].variants[0]', entity: 'variant', id: 'var_tee_m', result: 'created' },
          { path: 'tenants[0].products[0].warehouseIds[0]', entity: 'stockRecord', id: 'prod_tee/var_tee_m@wh_main', result: 'created' },
        ],
      },
    },
    ...problemResponses({
      400: 'The body is missing or not JSON, or the content type is not JSON.',
      401: 'Token missing or not valid.',
      403: 'The token lacks the admin permission.',
      409: 'The Idempotency-Key is in use by a request still running.',
      413: `The body is larger than ${IMPORT_MAX_BODY_BYTES} bytes.`,
      422: 'The document breaks the fixtures format, names another tenant, or holds too many entries: every problem with its JSON path. Or the Idempotency-Key was used for a different request.',
      500: 'Unexpected failure; details are only in the logs.',
      503: 'The database is unavailable; retry after the Retry-After header (a retry changes nothing twice).',
    }),
  },
});
