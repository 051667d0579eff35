import { createHash } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { nowIso, type InventoryItem, type Location } from '#shared/domain/catalog';
import { levelView, newItemLevel } from '#shared/domain/locationLevel';
import { creationMovement, newLevel } from '#shared/domain/stock';
import { FixturesSchema, formatPath, optionValueOf, type ParsedFixtures, type ParsedTenantFixture } from '#shared/fixtures/format';
import { unknownLinkedItems } from '#shared/fixtures/links';
import { typeIssues } from '#shared/fixtures/loadable';
import { putMany } from '#shared/store/batch';
import { catalogItem, catalogVariant, plainMerchantApiKey } from '#shared/store/catalogItems';
import { fixtureRecordItems } from '#shared/store/fixtureRecords';
import { linkItems, linksTo } from '#shared/store/linkCopies';
import { withItemCounts } from '#shared/store/itemCounts';
import { itemSkuGuard } from '#shared/store/itemSkus';
import { newLevelItems } from '#shared/store/ledgerCreate';
import { newLevelItems as newItemLevelWrites } from '#shared/store/ledgerLevel';
import { fixtureReservationItems } from '#shared/store/reservationItem';

export type { Fixtures, TenantFixture } from '#shared/fixtures/format';

type Item = Record<string, unknown>;
type ProductFixture = ParsedTenantFixture['products'][number];

/** Validates raw fixture data; the error lists every problem with its JSON path. */
export function parseFixtures(raw: unknown): ParsedFixtures {
  const result = z.safeParse(FixturesSchema, raw);
  const issues = result.success ? [...unknownLinkedItems(result.data), ...typeIssues(result.data)] : result.error.issues;
  if (result.success && issues.length === 0) return result.data;
  const lines = issues.map((issue) => `  ${formatPath(issue.path)}: ${issue.message}`);
  throw new Error(`Invalid fixtures:\n${lines.join('\n')}`);
}

/**
 * Turns fixtures into table items, each built by its entity's one builder (catalogItem, and
 * the stock and inventory record stores' own), so a loaded entity is stored exactly as the
 * import or a vendor route would store it, stock and OrderCloud records included (merchant keys: fixtureKeyItems).
 */
export function fixtureItems(fixtures: ParsedFixtures, now = nowIso()): Item[] {
  return fixtures.tenants.flatMap((tenant) => withItemCounts(tenant.id, tenantItems(tenant, now)));
}

/** The merchant keys of the fixtures, apart: their digest is keyed with the stack's secret, read asynchronously. */
export async function fixtureKeyItems(fixtures: ParsedFixtures, now = nowIso()): Promise<Item[]> {
  const perTenant = fixtures.tenants.map((tenant) =>
    Promise.all(tenant.merchantApiKeys.map(async (key) => catalogItem.merchantApiKey(tenant.id, await plainMerchantApiKey(key, now)))),
  );
  return (await Promise.all(perTenant)).flat();
}

/** Loads fixtures as they are (a load overwrites what is there); answers how many items it wrote. */
export async function writeFixtures(db: DynamoDBDocumentClient, table: string, fixtures: ParsedFixtures): Promise<number> {
  const now = nowIso();
  const items = [...fixtureItems(fixtures, now), ...(await fixtureKeyItems(fixtures, now))];
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
  const written = new Set<string>();
  return [
    catalogItem.tenant({
      id: t,
      name: tenant.name,
      currency: tenant.currency,
      defaultLocationId: tenant.defaultLocationId,
      stripe: tenant.stripe,
      createdAt: now,
    }),
    ...locations.map(catalogItem.location),
    ...tenant.vendors.map((vendor) => catalogItem.vendor({ id: vendor.id, tenantId: t, name: vendor.name, createdAt: now })),
    ...tenant.products.flatMap((product) => productItems(tenant, product, locationOf, written, now)),
    ...tenant.inventoryItems.flatMap((fixture) => {
      const item: InventoryItem = {
        id: fixture.id,
        tenantId: t,
        sku: fixture.sku ?? null,
        title: fixture.title ?? null,
        description: fixture.description ?? null,
        requiresShipping: fixture.requiresShipping,
        createdAt: now,
        updatedAt: now,
      };
      // It counts the levels made of it and the links made to it, as each one's transaction does (see insertLevel, linkCopies).
      const [levels, links] = [fixture.levels.length, linksTo(tenant.products, item.id)];
      return [
        catalogItem.inventoryItem({
          ...item,
          ...(levels > 0 ? { levelsVersion: levels } : {}),
          ...(links > 0 ? { linkVersion: links } : {}),
        }),
        // Its SKU is its own in the tenant (see itemSkus).
        ...(item.sku === null ? [] : [itemSkuGuard({ ...item, sku: item.sku })]),
        ...fixture.levels.flatMap((level) => itemLevelItems(item, level, locationOf(level.locationId), now)),
      ];
    }),
    ...tenant.stockRecords.flatMap((stock) => {
      // The schema checked that every product and SKU a record names exists.
      const product = tenant.products.find((candidate) => candidate.id === stock.productId)!;
      const variant = product.variants.find((candidate) => candidate.id === stock.skuId);
      return levelItems(t, { product, variant }, written, {
        id: stock.id,
        location: locationOf(stock.warehouseId),
        bin: stock.location ?? null,
        onHandQty: stock.onHandQty,
        reservedQty: stock.reservedQty,
        reorderLevel: stock.reorderLevel ?? null,
        reorderQty: stock.reorderQty ?? null,
        attributes: variant?.attributes ?? {},
        countedAt: null,
        at: now,
      });
    }),
  ];
}

/** A product, its variants (each with its SKU guard, stock and links) and its OrderCloud records. */
function productItems(
  tenant: ParsedTenantFixture,
  product: ProductFixture,
  locationOf: (id: string) => Location,
  written: Set<string>,
  now: string,
): Item[] {
  const t = tenant.id;
  const base = { tenantId: t, productId: product.id };
  return [
    catalogItem.product({
      id: product.id,
      tenantId: t,
      name: product.name,
      productType: product.type,
      ...ownItemOf(tenant, product, undefined),
      // As if each variant had been created through the API, which counts it on its product.
      ...(product.variants.length > 0 ? { variantCount: product.variants.length } : {}),
      createdAt: now,
    }),
    ...product.variants.flatMap((variant) => [
      catalogItem.variant(
        catalogVariant({
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
          ...ownItemOf(tenant, product, variant),
          createdAt: now,
        }),
      ),
      // A fixture's variant ID and SKU are taken, as if it had been created through the API.
      catalogItem.variantIdGuard({ ...base, id: variant.id }),
      ...(variant.sku ? [catalogItem.skuGuard({ ...base, id: variant.id, sku: variant.sku })] : []),
      // Stock like any other (levels of the variant's own item), which the variant's index keys find with it.
      ...variant.stock.flatMap((stock) =>
        levelItems(t, { product, variant }, written, {
          // A ShopSynch record ID (inv_ + 32 hex digits), deterministic for the variant and location.
          id: `inv_${createHash('sha256').update(`${variant.id}\u0000${stock.locationId}`).digest('hex').slice(0, 32)}`,
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
      ...variant.inventoryLinks.flatMap((link) => linkItems({ ...link, ...base, variantId: variant.id, createdAt: now, updatedAt: now })),
    ]),
    // OrderCloud records are levels of their owner's own item too, named as the stock's above.
    ...fixtureRecordItems(t, product, locationOf, now, (variantId) => {
      const ids = ownIds(t, product.id, variantId ?? undefined);
      const first = !written.has(ids.item);
      written.add(ids.item);
      return { itemId: ids.item, linkId: ids.link, first };
    }),
  ];
}

type VariantFixture = ProductFixture['variants'][number];

/** Whether the fixture gives the product (variant undefined) or variant stock: then it has its own item. */
const stocked = (tenant: ParsedTenantFixture, product: ProductFixture, variant: VariantFixture | undefined): boolean =>
  product.inventoryRecords.some((record) => (record.variantId ?? undefined) === variant?.id) ||
  (variant
    ? variant.stock.length > 0 || tenant.stockRecords.some((stock) => stock.productId === product.id && stock.skuId === variant.id)
    : tenant.stockRecords.some((stock) => stock.productId === product.id && stock.skuId === undefined));

/** The own item and link of a stocked owner, named from the owner: a load over itself writes the same items. */
function ownIds(tenantId: string, productId: string, variantId: string | undefined): { item: string; link: string } {
  const seed = `${tenantId}\u0000${productId}\u0000${variantId ?? ''}`;
  return { item: fixtureMedusaId('iitem', seed), link: fixtureMedusaId('pvitem', seed) };
}

/** The owner item's reference to its own item, when it has stock. */
const ownItemOf = (tenant: ParsedTenantFixture, product: ProductFixture, variant: VariantFixture | undefined) =>
  stocked(tenant, product, variant)
    ? { inventoryItemId: ownIds(tenant.id, product.id, variant?.id).item, levelCount: levelsOf(tenant, product, variant) }
    : {};

/** How many levels the fixture gives the owner's own item: one per location it is stocked at, whichever entry names it. */
function levelsOf(tenant: ParsedTenantFixture, product: ProductFixture, variant: VariantFixture | undefined): number {
  const locations = new Set<string>([
    ...(variant?.stock.map((stock) => stock.locationId) ?? []),
    ...tenant.stockRecords
      .filter((stock) => stock.productId === product.id && stock.skuId === variant?.id)
      .map((stock) => stock.warehouseId),
    ...product.inventoryRecords.filter((record) => (record.variantId ?? undefined) === variant?.id).map((record) => record.addressId),
  ]);
  return locations.size;
}

/** A Medusa-shaped ID (prefix and 26 Crockford base-32 characters) drawn from the seed rather than from the clock and chance. */
function fixtureMedusaId(prefix: string, seed: string): string {
  const digits = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = createHash('sha256').update(seed).digest();
  return `${prefix}_${[...bytes.subarray(0, 26)].map((byte) => digits[byte % 32]).join('')}`;
}

/**
 * A level as every create writes it (see newLevel): its record with guard and first movement, its
 * Medusa level and, for the owner's first level in the fixture, its own item and link (the owner's
 * item, built above, names it). Every level of one owner is of the same item.
 */
function levelItems(
  tenantId: string,
  owner: { product: ProductFixture; variant: VariantFixture | undefined },
  written: Set<string>,
  fields: Parameters<typeof newLevel>[1],
): Item[] {
  const { product, variant } = owner;
  const ids = ownIds(tenantId, product.id, variant?.id);
  const own = { inventoryItemId: ids.item };
  // Every level but the owner's first in the fixture finds its item made (`written`: the own items made so far).
  const first = !written.has(ids.item);
  written.add(ids.item);
  const level = newLevel(
    {
      product: { id: product.id, tenantId, name: product.name, productType: product.type, ...(variant || first ? {} : own) },
      variant: variant && { id: variant.id, name: variant.name, sku: variant.sku ?? null, ...(first ? {} : own) },
    },
    fields,
    'fixtures',
    { ...ids, level: fixtureMedusaId('ilev', `${tenantId}\u0000${fields.id}`) },
  );
  return newLevelItems(level);
}

type LevelFixture = ParsedTenantFixture['inventoryItems'][number]['levels'][number];

/**
 * A level of an inventory item, as Medusa's create writes it: the ledger entry (its ID derived
 * from item and location), its first history entry and its Medusa view, under the fixture's
 * level ID.
 */
function itemLevelItems(item: InventoryItem, level: LevelFixture, location: Location, now: string): Item[] {
  const entry = newItemLevel({
    id: `inv_${createHash('sha256').update(`INVITEM\u0000${item.id}\u0000${level.locationId}`).digest('hex').slice(0, 32)}`,
    levelId: `ilev_${item.id}_${level.locationId}`,
    item,
    location,
    onHandQty: level.stocked,
    reservedQty: level.reserved,
    incomingQty: level.incoming,
    attributes: {},
    at: now,
  });
  return [
    ...newItemLevelWrites(entry, creationMovement(entry, 'fixtures'), levelView(entry)).map(({ item: written }) => written),
    // Its reservations hold units of its `reserved` (the schema checked that they fit).
    ...(level.reservations ?? []).flatMap((held) => fixtureReservationItems(item, level.locationId, held, now)),
  ];
}
