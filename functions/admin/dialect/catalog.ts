import * as z from 'zod/mini';
import type { CatalogDocument, ImportReport } from '#shared/domain/catalogImport';
import { FixturesSchema, optionValueOf, type ParsedFixtures, type ParsedTenantFixture } from '#shared/fixtures/format';

/**
 * PUT /admin/catalog takes a fixtures document, as `npm run seed` reads one. It refuses, rather
 * than drops, what it does not write: stock records with explicit IDs (see docs/admin.md) and
 * reserved units (orders hold them, through the APIs' reservations).
 */
export const ImportRequest = FixturesSchema.check(
  z.superRefine((document, ctx) => {
    const refuse = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message, input: undefined });
    document.tenants.forEach((tenant, t) => {
      if (tenant.stockRecords.length > 0)
        refuse(
          ['tenants', t, 'stockRecords'],
          "stock records with explicit IDs are not imported: the ledger names a level itself. Give a variant's quantities as its stock, a SIMPLE or DIGITAL product's as an inventory record, or load the file with npm run seed",
        );
      tenant.inventoryItems.forEach((item, i) =>
        item.levels.forEach((level, l) => {
          if ((level.reservations ?? []).length > 0)
            refuse(
              ['tenants', t, 'inventoryItems', i, 'levels', l, 'reservations'],
              'reservations are not imported: orders reserve through the APIs (or load the file with npm run seed)',
            );
        }),
      );
      tenant.products.forEach((product, p) =>
        product.variants.forEach((variant, v) =>
          variant.stock.forEach((stock, k) => {
            if (stock.reserved > 0)
              refuse(
                ['tenants', t, 'products', p, 'variants', v, 'stock', k, 'reserved'],
                'reserved units are not imported: the import sets on hand; orders reserve through the APIs (or load the file with npm run seed)',
              );
          }),
        ),
      );
    });
  }),
);

/** A tenant of the document as the import reads it: prices and option values as the variant stores them. */
export function toCatalogDocument(tenant: ParsedTenantFixture): CatalogDocument {
  return {
    ...tenant,
    products: tenant.products.map((product) => ({
      ...product,
      variants: product.variants.map(({ prices, unitPrice, unitCost, stock, ...variant }) => ({
        ...variant,
        prices: prices.map(({ currency, ...price }) => ({ ...price, currencyCode: currency })),
        options:
          product.options.length > 0
            ? Object.entries(variant.attributes).flatMap(([title, value]) => optionValueOf(product.options, title, value) ?? [])
            : [],
        ...(unitPrice === undefined ? {} : { unitPriceCents: unitPrice }),
        ...(unitCost === undefined ? {} : { unitCostCents: unitCost }),
        stock: stock.map(({ locationId, onHand }) => ({ locationId, onHand })),
      })),
    })),
  };
}

export const toCatalogDocuments = (body: ParsedFixtures): CatalogDocument[] => body.tenants.map(toCatalogDocument);

const count = z.int();
export const ImportResponse = z.object({
  summary: z.object({ created: count, updated: count, unchanged: count, refused: count }),
  results: z.array(
    z.object({
      path: z.string(),
      entity: z.enum([
        'tenant',
        'location',
        'merchantApiKey',
        'vendor',
        'product',
        'variant',
        'inventoryItem',
        'locationLevel',
        'stockRecord',
        'stock',
        'inventoryRecord',
        'inventoryLink',
        'stored',
      ]),
      id: z.string(),
      result: z.enum(['created', 'updated', 'unchanged', 'refused']),
      reason: z.optional(z.string()),
    }),
  ),
});

export const importResponse = (report: ImportReport): z.output<typeof ImportResponse> => report;

/** Roots (vendors, products, inventory items) per export page. */
export const EXPORT_PAGE_LIMIT = { default: 100, max: 500 } as const;

export const ExportQuery = z.object({
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2_000))),
  limit: z._default(
    z.pipe(
      z.string().check(z.regex(/^\d{1,4}$/, 'must be a whole number')),
      z.pipe(
        z.transform((value: string) => Number(value)),
        z.int().check(z.minimum(1), z.maximum(EXPORT_PAGE_LIMIT.max)),
      ),
    ),
    EXPORT_PAGE_LIMIT.default,
  ),
});

export { ExportResponse, exportResponse } from '#functions/admin/dialect/catalogExport';
