import * as z from 'zod/mini';
import type { CatalogPage, VariantExtras } from '#shared/domain/catalogExport';
import { FixturesSchema, type Fixtures } from '#shared/fixtures/format';
import { EXPORT_FORMAT_VERSION } from '#shared/fixtures/stored';

/** A page is itself a fixtures document (so it can be imported as it is) beside the cursor of the next page. */
export const ExportResponse = z.object({ catalog: FixturesSchema, nextCursor: z.nullable(z.string()) });

/**
 * One page in the fixtures format, version 2: the document's own sections (what an import into a
 * tenant that holds data upserts) and `stored`, the tenant's items exactly (what a restore into an
 * empty tenant writes). Merchant keys and stock records with their history are only in `stored`:
 * a key is kept as its digest, which the `merchantApiKeys` section (plain keys) cannot carry.
 */
export function exportResponse(page: CatalogPage): { catalog: Fixtures; nextCursor: string | null } {
  const { tenant } = page;
  return {
    catalog: {
      formatVersion: EXPORT_FORMAT_VERSION,
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
          locations: page.locations.map((location) => ({
            id: location.id,
            name: location.name,
            ownerId: location.ownerId,
            address: location.address,
          })),
          vendors: page.vendors.map((vendor) => ({ id: vendor.id, name: vendor.name })),
          products: page.products.map(({ product, variants, extras }) => ({
            id: product.id,
            name: product.name,
            type: product.productType,
            variants: variants.map((variant) => ({
              id: variant.id,
              name: variant.name,
              ...(variant.sku === null ? {} : { sku: variant.sku }),
              attributes: variant.attributes,
              ...(variant.prices && variant.prices.length > 0
                ? { prices: variant.prices.map(({ currencyCode, ...price }) => ({ ...price, currency: currencyCode })) }
                : {}),
              ...dayZero(extras?.[variant.id]),
            })),
          })),
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
          restore: { sourceTenantId: tenant.id, exportId: page.exportId },
          stored: page.stored,
        },
      ],
    },
    nextCursor: page.nextCursor,
  };
}

/** DayZero's prices and the units on hand per location (set by movements with reason `import` in a tenant that holds data). */
function dayZero(extras: VariantExtras | undefined) {
  if (!extras) return {};
  return {
    ...(extras.unitPriceCents === null ? {} : { unitPrice: extras.unitPriceCents }),
    ...(extras.unitCostCents === null ? {} : { unitCost: extras.unitCostCents }),
    ...(extras.stock.length > 0 ? { stock: extras.stock } : {}),
  };
}
