import { createHash } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { nowIso, PRODUCT_TYPES, type Address } from '#shared/domain/catalog';
import { creationMovement, MAX_QTY, newStockRecord } from '#shared/domain/stock';
import { putMany } from '#shared/store/batch';
import { toItem } from '#shared/store/items';
import { indexKeys, keys } from '#shared/store/keys';
import { hashMerchantApiKey } from '#shared/store/merchantApiKeys';
import { newStockRecordItems } from '#shared/store/stock';
import { ENTITY } from '#shared/store/table';

/**
 * Catalog fixtures: the file format of `npm run seed` and of the demo data.
 * Everything the four endpoints read but do not create (tenants, keys, locations,
 * products, variants, vendors, inventory items) is loaded this way, and stock records
 * with explicit IDs (written as the create writes them, with their first movement).
 */
const id = z.string().min(1).max(200);
const text = z.string().max(1_000);

const AddressSchema = z
  .object({
    companyName: text.default(''),
    firstName: text.default(''),
    lastName: text.default(''),
    street1: text.default(''),
    street2: text.default(''),
    city: text.default(''),
    state: text.default(''),
    zip: text.default(''),
    country: text.default(''),
    phone: text.default(''),
    addressName: text.default(''),
    xp: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();

const LocationSchema = z
  .object({
    id,
    name: text.min(1),
    ownerId: id.optional(),
    address: AddressSchema.default(AddressSchema.parse({})),
  })
  .strict();

const VariantSchema = z
  .object({
    id,
    name: text.min(1),
    sku: text.min(1).optional(),
    attributes: z.record(z.string(), z.string()).default({}),
    /** DayZero prices in cents. */
    unitPrice: z.number().int().min(0).optional(),
    unitCost: z.number().int().min(0).optional(),
    /** Stock records of the variant, one per location. */
    stock: z.array(z.object({ locationId: id, onHand: z.number().int().min(0), reserved: z.number().int().min(0).default(0) }).strict()).default([]),
  })
  .strict();

const ProductSchema = z
  .object({
    id,
    name: text.min(1),
    type: z.enum(PRODUCT_TYPES),
    variants: z.array(VariantSchema).default([]),
  })
  .strict();

const LevelSchema = z
  .object({
    locationId: id,
    stocked: z.number().int().min(0),
    reserved: z.number().int().min(0).default(0),
    incoming: z.number().int().min(0).default(0),
  })
  .strict();

const InventoryItemSchema = z
  .object({
    id,
    sku: text.optional(),
    title: text.optional(),
    description: text.optional(),
    requiresShipping: z.boolean().default(true),
    levels: z.array(LevelSchema).default([]),
  })
  .strict();

/** A stock record with an explicit ID (ShopSynch's `inv_` and 32 hex digits), so that demos can address it. */
const StockRecordSchema = z
  .object({
    id: z.string().regex(/^inv_[0-9a-f]{32}$/, 'inv_ followed by 32 lower-case hex digits'),
    productId: id,
    skuId: id.optional(),
    warehouseId: id,
    location: text.max(100).optional(),
    onHandQty: z.number().int().min(0).max(MAX_QTY),
    reservedQty: z.number().int().min(0).default(0),
    reorderLevel: z.number().int().min(0).optional(),
    reorderQty: z.number().int().min(0).optional(),
  })
  .strict()
  .refine((record) => record.reservedQty <= record.onHandQty, { path: ['reservedQty'], message: 'at most onHandQty' });

const TenantSchema = z
  .object({
    id,
    name: text.min(1),
    currency: z.string().regex(/^[a-z]{3}$/, 'a lower-case ISO 4217 code such as "usd"').default('usd'),
    defaultLocationId: id.optional(),
    stripe: z.object({ accountId: z.string().regex(/^acct_\w+$/, 'a Stripe account ID such as "acct_1Nv0FG"').optional(), syncRequired: z.boolean().default(false) }).strict().optional(),
    merchantApiKeys: z.array(z.string().min(8, 'at least 8 characters')).default([]),
    locations: z.array(LocationSchema).default([]),
    vendors: z.array(z.object({ id, name: text.min(1) }).strict()).default([]),
    products: z.array(ProductSchema).default([]),
    inventoryItems: z.array(InventoryItemSchema).default([]),
    stockRecords: z.array(StockRecordSchema).default([]),
  })
  .strict()
  .superRefine((tenant, ctx) => {
    const locationIds = new Set(tenant.locations.map((location) => location.id));
    if (tenant.defaultLocationId !== undefined && !locationIds.has(tenant.defaultLocationId)) {
      ctx.addIssue({ code: 'custom', path: ['defaultLocationId'], message: `no location with id "${tenant.defaultLocationId}"` });
    }
    tenant.products.forEach((product, i) =>
      product.variants.forEach((variant, j) =>
        variant.stock.forEach((stock, k) => {
          if (!locationIds.has(stock.locationId)) {
            ctx.addIssue({ code: 'custom', path: ['products', i, 'variants', j, 'stock', k, 'locationId'], message: `no location with id "${stock.locationId}"` });
          }
        }),
      ),
    );
    tenant.inventoryItems.forEach((item, i) =>
      item.levels.forEach((level, j) => {
        if (!locationIds.has(level.locationId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['inventoryItems', i, 'levels', j, 'locationId'],
            message: `no location with id "${level.locationId}"`,
          });
        }
      }),
    );
    tenant.stockRecords.forEach((record, i) => {
      const product = tenant.products.find((candidate) => candidate.id === record.productId);
      if (!product) ctx.addIssue({ code: 'custom', path: ['stockRecords', i, 'productId'], message: `no product with id "${record.productId}"` });
      else if (record.skuId !== undefined && !product.variants.some((variant) => variant.id === record.skuId)) {
        ctx.addIssue({ code: 'custom', path: ['stockRecords', i, 'skuId'], message: `no variant with id "${record.skuId}" in product "${record.productId}"` });
      }
      if (!locationIds.has(record.warehouseId)) ctx.addIssue({ code: 'custom', path: ['stockRecords', i, 'warehouseId'], message: `no location with id "${record.warehouseId}"` });
    });
  });

export const FixturesSchema = z.object({ tenants: z.array(TenantSchema).min(1) }).strict();
export type Fixtures = z.input<typeof FixturesSchema>;
export type TenantFixture = z.input<typeof TenantSchema>;

/** Validates raw fixture data; the error lists every problem with its JSON path. */
export function parseFixtures(raw: unknown): z.output<typeof FixturesSchema> {
  const result = FixturesSchema.safeParse(raw);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${formatPath(issue.path)}: ${issue.message}`);
  throw new Error(`Invalid fixtures:\n${lines.join('\n')}`);
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, segment) => (typeof segment === 'number' ? `${out}[${segment}]` : out ? `${out}.${String(segment)}` : String(segment)),
    '',
  ) || '(root)';
}

/** Turns fixtures into table items. */
export function fixtureItems(fixtures: z.output<typeof FixturesSchema>, now = nowIso()): Record<string, unknown>[] {
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
        return toItem(ENTITY.MerchantApiKey, keys.merchantApiKey(t, keyHash), { tenantId: t, keyHash, active: true, createdAt: now });
      }),
      ...tenant.locations.map((location) =>
        toItem(ENTITY.Location, keys.location(t, location.id), {
          id: location.id,
          tenantId: t,
          name: location.name,
          ownerId: location.ownerId ?? t,
          address: location.address satisfies Address,
          createdAt: now,
        }),
      ),
      ...tenant.vendors.map((vendor) => toItem(ENTITY.Vendor, keys.vendor(t, vendor.id), { id: vendor.id, tenantId: t, name: vendor.name })),
      ...tenant.products.flatMap((product) => [
        toItem(ENTITY.Product, keys.product(t, product.id), {
          id: product.id,
          tenantId: t,
          name: product.name,
          productType: product.type,
          createdAt: now,
        }),
        // A fixture SKU is taken, as if its variant had been created through the API.
        ...product.variants.flatMap((variant) =>
          variant.sku ? [toItem(ENTITY.SkuGuard, keys.skuGuard(t, variant.sku), { tenantId: t, sku: variant.sku, productId: product.id, variantId: variant.id })] : [],
        ),
        ...product.variants.map((variant) =>
          toItem(ENTITY.Variant, keys.variant(t, product.id, variant.id), {
            id: variant.id,
            tenantId: t,
            productId: product.id,
            name: variant.name,
            sku: variant.sku ?? null,
            attributes: variant.attributes,
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
        const variant = tenant.products.find((product) => product.id === stock.productId)?.variants.find((candidate) => candidate.id === stock.skuId);
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
