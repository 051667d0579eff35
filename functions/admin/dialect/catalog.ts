import * as z from 'zod/mini';
import type { CatalogPage } from '#shared/domain/catalogExport';
import type { CatalogDocument, ImportReport } from '#shared/domain/catalogImport';
import { FixturesSchema, type ParsedFixtures } from '#shared/fixtures/format';

/**
 * PUT /admin/catalog takes a fixtures document, as `npm run seed` reads one, but refuses what
 * the import does not write (each has its own route, or `npm run seed`), rather than dropping it.
 */
export const ImportRequest = FixturesSchema.check(
  z.superRefine((document, ctx) => {
    const refuse = (path: (string | number)[], what: string) =>
      ctx.addIssue({
        code: 'custom',
        path,
        message: `${what} are not imported: set them through their own routes, or load the file with npm run seed`,
        input: undefined,
      });
    document.tenants.forEach((tenant, t) => {
      if (tenant.stockRecords.length > 0) refuse(['tenants', t, 'stockRecords'], 'stock records with explicit IDs');
      tenant.products.forEach((product, p) => {
        const at = ['tenants', t, 'products', p];
        if (product.inventoryRecords.length > 0) refuse([...at, 'inventoryRecords'], 'OrderCloud inventory records');
        if (product.options.length > 0) refuse([...at, 'options'], 'product options');
        product.variants.forEach((variant, v) => {
          const variantAt = [...at, 'variants', v];
          if (variant.prices.length > 0) refuse([...variantAt, 'prices'], 'prices');
          if (variant.inventoryLinks.length > 0) refuse([...variantAt, 'inventoryLinks'], 'inventory links');
          if (variant.stock.length > 0) refuse([...variantAt, 'stock'], 'stock quantities');
          if (variant.unitPrice !== undefined) refuse([...variantAt, 'unitPrice'], 'DayZero prices');
          if (variant.unitCost !== undefined) refuse([...variantAt, 'unitCost'], 'DayZero costs');
        });
      });
    });
  }),
);

export const toCatalogDocuments = (body: ParsedFixtures): CatalogDocument[] => body.tenants;

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

/** A page is itself a fixtures document (so it can be imported as it is) beside the cursor of the next page. */
export const ExportResponse = z.object({ catalog: FixturesSchema, nextCursor: z.nullable(z.string()) });

export function exportResponse(page: CatalogPage): { catalog: ParsedFixtures; nextCursor: string | null } {
  const { tenant } = page;
  return {
    catalog: {
      tenants: [
        {
          id: tenant.id,
          name: tenant.name,
          currency: tenant.currency,
          ...(tenant.defaultLocationId ? { defaultLocationId: tenant.defaultLocationId } : {}),
          ...(tenant.stripe
            ? {
                stripe: {
                  ...(tenant.stripe.accountId ? { accountId: tenant.stripe.accountId } : {}),
                  syncRequired: tenant.stripe.syncRequired,
                },
              }
            : {}),
          // Keys are stored as hashes only: they are managed by their own routes, never exported.
          merchantApiKeys: [],
          locations: page.locations.map((location) => ({
            id: location.id,
            name: location.name,
            ownerId: location.ownerId,
            address: location.address,
          })),
          vendors: page.vendors.map((vendor) => ({ id: vendor.id, name: vendor.name })),
          products: page.products.map(({ product, variants }) => ({
            id: product.id,
            name: product.name,
            type: product.productType,
            // Prices, links, options, records and quantities are not part of the export (see docs/admin.md).
            variants: variants.map((variant) => ({
              id: variant.id,
              name: variant.name,
              ...(variant.sku === null ? {} : { sku: variant.sku }),
              attributes: variant.attributes,
              prices: [],
              inventoryLinks: [],
              stock: [],
            })),
            inventoryRecords: [],
            options: [],
          })),
          stockRecords: [],
          inventoryItems: page.inventoryItems.map(({ item, levels }) => ({
            id: item.id,
            ...(item.sku === null ? {} : { sku: item.sku }),
            ...(item.title === null ? {} : { title: item.title }),
            ...(item.description === null ? {} : { description: item.description }),
            requiresShipping: item.requiresShipping,
            levels: levels.map((level) => ({
              locationId: level.locationId,
              stocked: level.stockedQuantity,
              reserved: level.reservedQuantity,
              incoming: level.incomingQuantity,
            })),
          })),
        },
      ],
    },
    nextCursor: page.nextCursor,
  };
}
