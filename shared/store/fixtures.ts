import { createHash } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { nowIso, type Address } from '#shared/domain/catalog';
import { creationMovement, newStockRecord } from '#shared/domain/stock';
import { FixturesSchema, formatPath, optionValueOf, type ParsedFixtures } from '#shared/fixtures/format';
import type { VariantPrice } from '#shared/domain/catalog';
import type { VariantInventoryLink } from '#shared/domain/inventoryLink';
import { putMany } from '#shared/store/batch';
import { toItem } from '#shared/store/items';
import { inventoryRecordItems } from '#shared/store/inventoryRecord';
import { catalogEntry, indexKeys, keys } from '#shared/store/keys';
import { hashMerchantApiKey } from '#shared/store/merchantApiKeys';
import { newStockRecordItems } from '#shared/store/stock';
import { ENTITY } from '#shared/store/table';

export type { Fixtures, TenantFixture } from '#shared/fixtures/format';

/** Validates raw fixture data; the error lists every problem with its JSON path. */
export function parseFixtures(raw: unknown): ParsedFixtures {
  const result = z.safeParse(FixturesSchema, raw);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${formatPath(issue.path)}: ${issue.message}`);
  throw new Error(`Invalid fixtures:\n${lines.join('\n')}`);
}

/** Turns fixtures into table items. */
export function fixtureItems(fixtures: ParsedFixtures, now = nowIso()): Record<string, unknown>[] {
  return fixtures.tenants.flatMap((tenant) => {
    const t = tenant.id;
    return [
      toItem(ENTITY.Tenant, keys.tenant(t), {
        id: t,
        name: tenant.name,
        currency: tenant.currency,
        ...(tenant.defaultLocationId ? { defaultLocationId: tenant.defaultLocationId } : {}),
        ...(tenant.stripe ? { stripe: tenant.stripe } : {}),
        createdAt: now,
      }),
      ...tenant.merchantApiKeys.map((key) => {
        const keyHash = hashMerchantApiKey(key);
        return toItem(ENTITY.MerchantApiKey, keys.merchantApiKey(t, keyHash), {
          tenantId: t,
          keyHash,
          last4: key.slice(-4),
          active: true,
          createdAt: now,
        });
      }),
      ...tenant.locations.map((location) =>
        toItem(ENTITY.Location, keys.location(t, location.id), {
          id: location.id,
          tenantId: t,
          name: location.name,
          ownerId: location.ownerId ?? t,
          address: location.address satisfies Address,
          createdAt: now,
          ...catalogEntry.location(t, location.id),
        }),
      ),
      ...tenant.vendors.map((vendor) =>
        toItem(ENTITY.Vendor, keys.vendor(t, vendor.id), {
          id: vendor.id,
          tenantId: t,
          name: vendor.name,
          ...catalogEntry.vendor(t, vendor.id),
        }),
      ),
      ...tenant.products.flatMap((product) => [
        toItem(ENTITY.Product, keys.product(t, product.id), {
          id: product.id,
          tenantId: t,
          name: product.name,
          productType: product.type,
          createdAt: now,
          ...catalogEntry.product(t, product.id),
        }),
        // A fixture SKU is taken, as if its variant had been created through the API.
        ...product.variants.flatMap((variant) =>
          variant.sku
            ? [
                toItem(ENTITY.SkuGuard, keys.skuGuard(t, variant.sku), {
                  tenantId: t,
                  sku: variant.sku,
                  productId: product.id,
                  variantId: variant.id,
                }),
              ]
            : [],
        ),
        ...product.variants.map((variant) =>
          toItem(ENTITY.Variant, keys.variant(t, product.id, variant.id), {
            id: variant.id,
            tenantId: t,
            productId: product.id,
            name: variant.name,
            sku: variant.sku ?? null,
            attributes: variant.attributes,
            ...(variant.prices.length > 0
              ? { prices: variant.prices.map(({ currency, ...price }) => ({ ...price, currencyCode: currency }) satisfies VariantPrice) }
              : {}),
            ...(product.options.length > 0
              ? { options: Object.entries(variant.attributes).map(([title, value]) => optionValueOf(product.options, title, value)!) }
              : {}),
            createdAt: now,
            updatedAt: now,
            // What DayZero reads of a variant, as if it had been created there.
            productName: product.name,
            manufacturerSku: null,
            unitPriceCents: variant.unitPrice ?? null,
            unitCostCents: variant.unitCost ?? null,
            unitCostPrecise: null,
            uom: 'EA',
            defaultVendorId: null,
            stripeProductId: null,
            stripePriceId: null,
            archived: false,
            stockLocationId: tenant.defaultLocationId ?? null,
            ...indexKeys.variantById(t, variant.id),
            ...indexKeys.variantList({
              tenantId: t,
              productId: product.id,
              id: variant.id,
              name: variant.name,
              createdAt: now,
              archived: false,
            }),
          }),
        ),
        // Stock records like any other (ShopSynch's layout), which the variant's index keys find with it.
        ...product.variants.flatMap((variant) =>
          variant.stock.flatMap((stock) => {
            const record = newStockRecord({
              // A ShopSynch record ID (inv_ + 32 hex digits), deterministic for the variant and location.
              id: `inv_${createHash('sha256').update(`${variant.id}\u0000${stock.locationId}`).digest('hex').slice(0, 32)}`,
              tenantId: t,
              productId: product.id,
              variantId: variant.id,
              location: tenant.locations.find((location) => location.id === stock.locationId)!,
              bin: null,
              onHandQty: stock.onHand,
              reservedQty: stock.reserved,
              reorderLevel: null,
              reorderQty: null,
              attributes: variant.attributes,
              countedAt: now,
              at: now,
            });
            const { guard, item, movement } = newStockRecordItems(record, creationMovement(record, 'fixtures'));
            return [guard, item, movement];
          }),
        ),
        ...product.inventoryRecords.flatMap((record) => {
          const location = tenant.locations.find((candidate) => candidate.id === record.addressId)!;
          const address = {
            id: location.id,
            tenantId: t,
            name: location.name,
            ownerId: location.ownerId ?? t,
            address: location.address,
            createdAt: now,
          };
          const items = inventoryRecordItems({
            record: {
              ...record,
              tenantId: t,
              productId: product.id,
              variantId: record.variantId ?? null,
              ownerId: address.ownerId,
              lastUpdated: now,
            },
            address,
          });
          return [items.guard, items.record];
        }),
        ...product.variants.flatMap((variant) =>
          variant.inventoryLinks.map((link) =>
            toItem(ENTITY.VariantInventoryLink, keys.variantInventoryLink(t, product.id, variant.id, link.inventoryItemId), {
              ...link,
              tenantId: t,
              productId: product.id,
              variantId: variant.id,
              createdAt: now,
              updatedAt: now,
            } satisfies VariantInventoryLink),
          ),
        ),
      ]),
      ...tenant.inventoryItems.flatMap((item) => [
        toItem(ENTITY.InventoryItem, keys.inventoryItem(t, item.id), {
          id: item.id,
          tenantId: t,
          sku: item.sku ?? null,
          title: item.title ?? null,
          description: item.description ?? null,
          requiresShipping: item.requiresShipping,
          createdAt: now,
          updatedAt: now,
          ...catalogEntry.inventoryItem(t, item.id),
        }),
        ...item.levels.map((level) =>
          toItem(ENTITY.LocationLevel, keys.locationLevel(t, item.id, level.locationId), {
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
      ...tenant.stockRecords.flatMap((stock) => {
        const variant = tenant.products
          .find((product) => product.id === stock.productId)
          ?.variants.find((candidate) => candidate.id === stock.skuId);
        const record = newStockRecord({
          id: stock.id,
          tenantId: t,
          productId: stock.productId,
          variantId: stock.skuId ?? null,
          location: tenant.locations.find((location) => location.id === stock.warehouseId)!,
          bin: stock.location ?? null,
          onHandQty: stock.onHandQty,
          reservedQty: stock.reservedQty,
          reorderLevel: stock.reorderLevel ?? null,
          reorderQty: stock.reorderQty ?? null,
          attributes: variant?.attributes ?? {},
          countedAt: null,
          at: now,
        });
        const { guard, item, movement } = newStockRecordItems(record, creationMovement(record, 'fixtures'));
        return [guard, item, movement];
      }),
    ];
  });
}

export async function loadFixtures(db: DynamoDBDocumentClient, table: string, raw: unknown): Promise<void> {
  await putMany(db, table, fixtureItems(parseFixtures(raw)));
}
