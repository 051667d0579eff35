import { createHash } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { nowIso, type Location, type StockRecord } from '#shared/domain/catalog';
import { creationMovement, newStockRecord } from '#shared/domain/stock';
import { FixturesSchema, formatPath, optionValueOf, type ParsedFixtures, type ParsedTenantFixture } from '#shared/fixtures/format';
import { putMany } from '#shared/store/batch';
import { catalogItem, catalogVariant, plainMerchantApiKey } from '#shared/store/catalogItems';
import { fixtureRecordItems } from '#shared/store/fixtureRecords';
import { newStockRecordItems } from '#shared/store/stock';

export type { Fixtures, TenantFixture } from '#shared/fixtures/format';

type Item = Record<string, unknown>;
type ProductFixture = ParsedTenantFixture['products'][number];

/** Validates raw fixture data; the error lists every problem with its JSON path. */
export function parseFixtures(raw: unknown): ParsedFixtures {
  const result = z.safeParse(FixturesSchema, raw);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${formatPath(issue.path)}: ${issue.message}`);
  throw new Error(`Invalid fixtures:\n${lines.join('\n')}`);
}

/**
 * Turns fixtures into table items, each built by its entity's one builder (catalogItem, and
 * the stock and inventory record stores' own), so a loaded entity is stored exactly as the
 * import or a vendor route would store it. Fixtures also carry what the import refuses
 * (stock, prices, links, OrderCloud records): those use the same builders.
 */
export function fixtureItems(fixtures: ParsedFixtures, now = nowIso()): Item[] {
  return fixtures.tenants.flatMap((tenant) => tenantItems(tenant, now));
}

/** Loads fixtures as they are (a load overwrites what is there); answers how many items it wrote. */
export async function writeFixtures(db: DynamoDBDocumentClient, table: string, fixtures: ParsedFixtures): Promise<number> {
  const items = fixtureItems(fixtures);
  await putMany(db, table, items);
  return items.length;
}

export async function loadFixtures(db: DynamoDBDocumentClient, table: string, raw: unknown): Promise<void> {
  await writeFixtures(db, table, parseFixtures(raw));
}

function tenantItems(tenant: ParsedTenantFixture, now: string): Item[] {
  const t = tenant.id;
  const locations = tenant.locations.map((location): Location => ({
    id: location.id,
    tenantId: t,
    name: location.name,
    ownerId: location.ownerId ?? t,
    address: location.address,
    createdAt: now,
  }));
  // The schema checked that every location a fixture names exists.
  const locationOf = (id: string) => locations.find((location) => location.id === id)!;
  return [
    catalogItem.tenant({
      id: t,
      name: tenant.name,
      currency: tenant.currency,
      defaultLocationId: tenant.defaultLocationId,
      stripe: tenant.stripe,
      createdAt: now,
    }),
    ...tenant.merchantApiKeys.map((key) => catalogItem.merchantApiKey(t, plainMerchantApiKey(key, now))),
    ...locations.map(catalogItem.location),
    ...tenant.vendors.map((vendor) => catalogItem.vendor({ id: vendor.id, tenantId: t, name: vendor.name, createdAt: now })),
    ...tenant.products.flatMap((product) => productItems(tenant, product, locationOf, now)),
    ...tenant.inventoryItems.flatMap((item) => [
      catalogItem.inventoryItem({
        id: item.id,
        tenantId: t,
        sku: item.sku ?? null,
        title: item.title ?? null,
        description: item.description ?? null,
        requiresShipping: item.requiresShipping,
        createdAt: now,
        updatedAt: now,
      }),
      ...item.levels.map((level) =>
        catalogItem.locationLevel({
          id: `ilev_${item.id}_${level.locationId}`,
          tenantId: t,
          inventoryItemId: item.id,
          locationId: level.locationId,
          stockedQuantity: level.stocked,
          reservedQuantity: level.reserved,
          incomingQuantity: level.incoming,
          createdAt: now,
          updatedAt: now,
        }),
      ),
    ]),
    ...tenant.stockRecords.flatMap((stock) =>
      stockRecordItems(
        newStockRecord({
          id: stock.id,
          tenantId: t,
          productId: stock.productId,
          variantId: stock.skuId ?? null,
          location: locationOf(stock.warehouseId),
          bin: stock.location ?? null,
          onHandQty: stock.onHandQty,
          reservedQty: stock.reservedQty,
          reorderLevel: stock.reorderLevel ?? null,
          reorderQty: stock.reorderQty ?? null,
          attributes:
            tenant.products.find((product) => product.id === stock.productId)?.variants.find((variant) => variant.id === stock.skuId)
              ?.attributes ?? {},
          countedAt: null,
          at: now,
        }),
      ),
    ),
  ];
}

/** A product, its variants (each with its SKU guard, stock and links) and its OrderCloud records (levels of their own items). */
function productItems(tenant: ParsedTenantFixture, product: ProductFixture, locationOf: (id: string) => Location, now: string): Item[] {
  const t = tenant.id;
  const base = { tenantId: t, productId: product.id };
  // OrderCloud records are levels of their owner's own inventory item, which the owner names.
  const records = fixtureRecordItems(t, product, locationOf, now);
  const ownItem = (variantId: string | null) => {
    const inventoryItemId = records.ownItems.get(variantId);
    return inventoryItemId === undefined ? {} : { inventoryItemId };
  };
  return [
    catalogItem.product({ id: product.id, tenantId: t, name: product.name, productType: product.type, createdAt: now, ...ownItem(null) }),
    ...product.variants.flatMap((variant) => [
      catalogItem.variant({
        ...catalogVariant({
          ...base,
          id: variant.id,
          productName: product.name,
          name: variant.name,
          sku: variant.sku ?? null,
          attributes: variant.attributes,
          ...(variant.prices.length > 0
            ? { prices: variant.prices.map(({ currency, ...price }) => ({ ...price, currencyCode: currency })) }
            : {}),
          ...(product.options.length > 0
            ? { options: Object.entries(variant.attributes).map(([title, value]) => optionValueOf(product.options, title, value)!) }
            : {}),
          unitPriceCents: variant.unitPrice ?? null,
          unitCostCents: variant.unitCost ?? null,
          // Where DayZero counts the variant's stock, as if it had been created there.
          stockLocationId: tenant.defaultLocationId ?? null,
          createdAt: now,
        }),
        ...ownItem(variant.id),
      }),
      // A fixture SKU is taken, as if its variant had been created through the API.
      ...(variant.sku ? [catalogItem.skuGuard({ ...base, id: variant.id, sku: variant.sku })] : []),
      // Stock records like any other (ShopSynch's layout), which the variant's index keys find with it.
      ...variant.stock.flatMap((stock) =>
        stockRecordItems(
          newStockRecord({
            // A ShopSynch record ID (inv_ + 32 hex digits), deterministic for the variant and location.
            id: `inv_${createHash('sha256').update(`${variant.id}\u0000${stock.locationId}`).digest('hex').slice(0, 32)}`,
            ...base,
            variantId: variant.id,
            location: locationOf(stock.locationId),
            bin: null,
            onHandQty: stock.onHand,
            reservedQty: stock.reserved,
            reorderLevel: null,
            reorderQty: null,
            attributes: variant.attributes,
            countedAt: now,
            at: now,
          }),
        ),
      ),
      ...variant.inventoryLinks.map((link) =>
        catalogItem.variantInventoryLink({ ...link, ...base, variantId: variant.id, createdAt: now, updatedAt: now }),
      ),
    ]),
    ...records.items,
  ];
}

/** A record with its guard and first movement, as ShopSynch's create writes them. */
function stockRecordItems(record: StockRecord): Item[] {
  const { guard, item, movement } = newStockRecordItems(record, creationMovement(record, 'fixtures'));
  return [guard, item, movement];
}
