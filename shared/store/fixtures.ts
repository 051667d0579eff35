import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { nowIso, PRODUCT_TYPES, type Address } from '#shared/domain/catalog';
import { putMany } from '#shared/store/batch';
import { toItem } from '#shared/store/items';
import { indexKeys, keys } from '#shared/store/keys';
import { hashMerchantApiKey } from '#shared/store/merchantApiKeys';
import { ENTITY } from '#shared/store/table';

/**
 * Catalog fixtures: the file format of `npm run seed` and of the demo data.
 * Everything the four endpoints read but do not create (tenants, keys, locations,
 * products, variants, vendors, inventory items) is loaded this way.
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
        ...product.variants.flatMap((variant) =>
          variant.stock.map((stock) =>
            toItem(ENTITY.StockRecord, keys.stock(t, product.id, variant.id, stock.locationId), {
              id: `inv_${variant.id}_${stock.locationId}`,
              tenantId: t,
              productId: product.id,
              variantId: variant.id,
              locationId: stock.locationId,
              bin: null,
              onHandQty: stock.onHand,
              reservedQty: stock.reserved,
              reorderLevel: null,
              reorderQty: null,
              attributes: variant.attributes,
              countedAt: now,
              createdAt: now,
              updatedAt: now,
              ...indexKeys.variantById(t, variant.id, stock.locationId),
            }),
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
    ];
  });
}

export async function loadFixtures(db: DynamoDBDocumentClient, table: string, raw: unknown): Promise<void> {
  await putMany(db, table, fixtureItems(parseFixtures(raw)));
}
