import type { Address, ProductType } from '#shared/domain/catalog';
import type { ImportedRecord, ImportedVariant, ImportLedgerStore, LedgerEntity, VariantExtras } from '#shared/domain/catalogImportEntries';
import type { NewLevel, StockRecordStore } from '#shared/domain/stock';
import type { StripeChangeTask } from '#shared/domain/stripeSync';
import type { CatalogRestoreStore, RestoreSource, StoredGroup } from '#shared/domain/catalogRestoreTypes';

/**
 * Catalog import: a document in the fixtures format, upserted entry by entry. Each entry
 * gets its own result; the store decides with conditional writes (a SKU held by another
 * variant is refused, never overwritten), and an entry equal to what is stored is not
 * written at all, so a repeated import changes nothing.
 */

/** One tenant's part of an import document, as the fixtures format describes it (defaults applied). */
export interface CatalogDocument {
  id: string;
  name: string;
  currency: string;
  defaultLocationId?: string | undefined;
  stripe?: { accountId?: string | undefined; syncRequired: boolean } | undefined;
  merchantApiKeys: string[];
  locations: { id: string; name: string; ownerId?: string | undefined; address: Address }[];
  vendors: { id: string; name: string }[];
  products: {
    id: string;
    name: string;
    type: ProductType;
    variants: ImportedVariant[];
    /** OrderCloud's records of the product or its variants: names of the levels at their addresses. */
    inventoryRecords?: ImportedRecord[] | undefined;
    warehouseIds?: string[] | undefined;
  }[];
  inventoryItems: {
    id: string;
    sku?: string | undefined;
    title?: string | undefined;
    description?: string | undefined;
    requiresShipping: boolean;
    levels: { locationId: string; stocked: number; reserved: number; incoming: number }[];
  }[];
  /** An export's page: the export it comes from and the tenant's items exactly (see catalogRestore). */
  restore?: RestoreSource | undefined;
  stored?: StoredGroup[] | undefined;
}

/** What one entry of the document asks the store to hold. Fields not named here are never changed by an import. */
export type CatalogEntry =
  | {
      entity: 'tenant';
      id: string;
      fields: {
        name: string;
        currency: string;
        defaultLocationId: string | null;
        stripe: { accountId?: string; syncRequired: boolean } | null;
      };
    }
  | { entity: 'location'; id: string; fields: { name: string; ownerId: string; address: Address } }
  | { entity: 'merchantApiKey'; id: string; key: string }
  | { entity: 'vendor'; id: string; fields: { name: string } }
  | { entity: 'product'; id: string; fields: { name: string; productType: ProductType } }
  | {
      entity: 'variant';
      id: string;
      productId: string;
      fields: { name: string; sku: string | null; attributes: Record<string, string> } & VariantExtras;
      /** The business's Stripe account as the document gives it: a rename of a variant synced to Stripe reaches it (see stripeRename). */
      stripe: { accountId: string; currency: string } | null;
    }
  | {
      entity: 'inventoryItem';
      id: string;
      fields: { sku: string | null; title: string | null; description: string | null; requiresShipping: boolean };
    };

export type EntryOutcome = { result: 'created' | 'updated' | 'unchanged' } | { result: 'refused'; reason: string };

export interface ImportResult {
  /** Where the entry is in the request, e.g. tenants[0].products[3].variants[1]. */
  path: string;
  entity: CatalogEntry['entity'] | 'stockRecord' | LedgerEntity | 'stored';
  id: string;
  result: 'created' | 'updated' | 'unchanged' | 'refused';
  reason?: string;
}

export interface ImportReport {
  summary: Record<ImportResult['result'], number>;
  results: ImportResult[];
}

/**
 * An entry whose write failed for a reason no rule names (DynamoDB refused it) is reported as not
 * written, and the import goes on: entries written before it stay reported as written.
 */
export const failedWrite = (error: unknown) =>
  `not written: the store failed (${error instanceof Error ? error.name : 'Error'}); import it again`;

export type StockInsertOutcome = 'created' | 'exists' | 'ownerChanged' | { failed: unknown };

/** The storage an import needs: the compare-and-put of each entry, and the stock records' own insert. */
export interface CatalogImportStore {
  /** Reads what is stored of all the entries at once, so that each upsert starts from it. */
  begin(tenantId: string, entries: CatalogEntry[], now: string): Promise<CatalogImportSession>;
  stock: Pick<StockRecordStore, 'readStockContext'>;
  /**
   * Inserts the levels (no two of one owner), many to a transaction, each all or nothing and
   * conditional as insertStockRecord is. Answers each one's outcome in order: created; `exists` (a
   * record holds its product, variant and location); `ownerChanged` (its owner took another own item
   * since it was read); or failed for a reason no rule names. A passing fault of the database throws.
   */
  insertStockRecords(levels: NewLevel[]): Promise<StockInsertOutcome[]>;
  /** Stock quantities, OrderCloud records and links. */
  ledger: ImportLedgerStore;
  /** An export's stored items. */
  restore: CatalogRestoreStore;
}

export interface CatalogImportSession {
  /**
   * Writes each entry unless the store holds it already as asked; refuses what an identity rule
   * forbids. Answers each entry's outcome, in order, as writing them one after another would:
   * a variant after its product, an entry after any earlier one that writes the same item.
   */
  upsertAll(entries: CatalogEntry[]): Promise<EntryOutcome[]>;
  /** The own inventory item of a product (variantId null) or variant of the document, as stored when the session began (the import never changes it). */
  ownItemOf(productId: string, variantId: string | null): string | undefined;
}

/**
 * Entries per request, stock records included. It keeps one request well inside Lambda's
 * time and payload limits and its answer inside what an Idempotency-Key can store; the
 * seed client splits larger catalogs into chunks of this size.
 */
export const MAX_IMPORT_ENTRIES = 1_000;

/** An entry, with where it is in the request. */
export interface PlannedEntry {
  path: string;
  entry: CatalogEntry;
}

/** The document's entries in dependency order: settings and locations, then everything that refers to them. */
export function planImport(document: CatalogDocument, path: string): { first: PlannedEntry[]; then: PlannedEntry[][] } {
  const tenant: PlannedEntry = {
    path,
    entry: {
      entity: 'tenant',
      id: document.id,
      fields: {
        name: document.name,
        currency: document.currency,
        defaultLocationId: document.defaultLocationId ?? null,
        stripe: document.stripe
          ? { ...(document.stripe.accountId ? { accountId: document.stripe.accountId } : {}), syncRequired: document.stripe.syncRequired }
          : null,
      },
    },
  };
  const locations = document.locations.map((location, i): PlannedEntry => ({
    path: `${path}.locations[${i}]`,
    entry: {
      entity: 'location',
      id: location.id,
      fields: { name: location.name, ownerId: location.ownerId ?? document.id, address: location.address },
    },
  }));
  const keys = document.merchantApiKeys.map((key, i): PlannedEntry[] => [
    { path: `${path}.merchantApiKeys[${i}]`, entry: { entity: 'merchantApiKey', id: `…${key.slice(-4)}`, key } },
  ]);
  const vendors = document.vendors.map((vendor, i): PlannedEntry[] => [
    { path: `${path}.vendors[${i}]`, entry: { entity: 'vendor', id: vendor.id, fields: { name: vendor.name } } },
  ]);
  const stripe = document.stripe?.accountId ? { accountId: document.stripe.accountId, currency: document.currency } : null;
  // A product and its variants go in order (the variants live in the product's partition); products go side by side.
  const products = document.products.map((product, i): PlannedEntry[] => [
    {
      path: `${path}.products[${i}]`,
      entry: { entity: 'product', id: product.id, fields: { name: product.name, productType: product.type } },
    },
    ...product.variants.map((variant, j): PlannedEntry => ({
      path: `${path}.products[${i}].variants[${j}]`,
      entry: {
        entity: 'variant',
        id: variant.id,
        productId: product.id,
        fields: { name: variant.name, sku: variant.sku ?? null, attributes: variant.attributes, ...variantExtras(variant) },
        stripe,
      },
    })),
  ]);
  const items = document.inventoryItems.map((item, i): PlannedEntry[] => [
    {
      path: `${path}.inventoryItems[${i}]`,
      entry: {
        entity: 'inventoryItem',
        id: item.id,
        fields: {
          sku: item.sku ?? null,
          title: item.title ?? null,
          description: item.description ?? null,
          requiresShipping: item.requiresShipping,
        },
      },
    },
  ]);
  return { first: [tenant, ...locations], then: [...keys, ...vendors, ...products, ...items] };
}

/** Prices and option values when the document gives some (an empty list leaves the stored ones as they are), DayZero's prices when given. */
function variantExtras(variant: ImportedVariant): VariantExtras {
  return {
    ...(variant.prices && variant.prices.length > 0 ? { prices: variant.prices } : {}),
    ...(variant.options && variant.options.length > 0 ? { options: variant.options } : {}),
    ...(variant.unitPriceCents === undefined ? {} : { unitPriceCents: variant.unitPriceCents }),
    ...(variant.unitCostCents === undefined ? {} : { unitCostCents: variant.unitCostCents }),
  };
}

/** The stock records a product's warehouse list asks for: one per warehouse, and per variant of a VARIABLE product. */
export function plannedStockRecords(
  product: CatalogDocument['products'][number],
): { variantId: string | null; attributes: Record<string, string>; locationId: string }[] {
  const variants =
    product.type === 'VARIABLE'
      ? product.variants.map((variant) => ({ variantId: variant.id, attributes: variant.attributes }))
      : [{ variantId: null, attributes: {} }];
  return (product.warehouseIds ?? []).flatMap((locationId) => variants.map((variant) => ({ ...variant, locationId })));
}

/** How many entries (stock records, quantities, item levels, OrderCloud records and links included) the document asks for. */
export function countEntries(document: CatalogDocument): number {
  const { first, then } = planImport(document, '');
  const ledger = document.products.reduce(
    (sum, product) =>
      sum +
      plannedStockRecords(product).length +
      (product.inventoryRecords?.length ?? 0) +
      product.variants.reduce((n, variant) => n + (variant.stock?.length ?? 0) + (variant.inventoryLinks?.length ?? 0), 0),
    0,
  );
  const levels = document.inventoryItems.reduce((sum, item) => sum + item.levels.length, 0);
  const stored = (document.stored ?? []).reduce((sum, group) => sum + group.items.length, 0);
  return first.length + then.flat().length + ledger + levels + stored;
}

/**
 * The Stripe change an import's write of a variant carries in its transaction, as DayZero's
 * update does: a variant that has a Stripe price, renamed or given another unit price by the
 * import in a business with a Stripe account, gets its price renamed or replaced. `revision` is the one the write gives the variant.
 */
export function stripeRename(
  tenantId: string,
  entry: Extract<CatalogEntry, { entity: 'variant' }>,
  stored: { name: string; stripePriceId: string | null; unitPriceCents: number | null } | undefined,
  revision: number,
  now: string,
): StripeChangeTask | undefined {
  if (!entry.stripe || !stored?.stripePriceId) return undefined;
  const renamed = stored.name !== entry.fields.name;
  const repriced = entry.fields.unitPriceCents !== undefined && entry.fields.unitPriceCents !== stored.unitPriceCents;
  if (!renamed && !repriced) return undefined;
  return {
    tenantId,
    productId: entry.productId,
    variantId: entry.id,
    revision,
    accountId: entry.stripe.accountId,
    currency: entry.stripe.currency,
    variantName: entry.fields.name,
    ...(renamed ? { renamed: true } : {}),
    ...(repriced ? { unitPriceCents: entry.fields.unitPriceCents } : {}),
    createdAt: now,
  };
}
