import { randomUUID } from 'node:crypto';
import { nowIso, type Address, type ProductType, type StockRecord } from '#shared/domain/catalog';
import { inBatches } from '#shared/domain/concurrency';
import { BusinessRuleError, ConflictError } from '#shared/domain/errors';
import { creationMovement, newStockRecord, type StockRecordStore } from '#shared/domain/stock';
import type { StripeChangeTask } from '#shared/domain/stripeSync';

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
    variants: { id: string; name: string; sku?: string | undefined; attributes: Record<string, string> }[];
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
      fields: { name: string; sku: string | null; attributes: Record<string, string> };
      /** The business's Stripe account as the document gives it: a rename of a variant synced to Stripe reaches it (see stripeRename). */
      stripe: { accountId: string; currency: string } | null;
    }
  | {
      entity: 'inventoryItem';
      id: string;
      fields: { sku: string | null; title: string | null; description: string | null; requiresShipping: boolean };
    }
  | {
      entity: 'locationLevel';
      id: string;
      inventoryItemId: string;
      fields: { locationId: string; stockedQuantity: number; reservedQuantity: number; incomingQuantity: number };
    };

export type EntryOutcome = { result: 'created' | 'updated' | 'unchanged' } | { result: 'refused'; reason: string };

export interface ImportResult {
  /** Where the entry is in the request, e.g. tenants[0].products[3].variants[1]. */
  path: string;
  entity: CatalogEntry['entity'] | 'stockRecord';
  id: string;
  result: 'created' | 'updated' | 'unchanged' | 'refused';
  reason?: string;
}

export interface ImportReport {
  summary: Record<ImportResult['result'], number>;
  results: ImportResult[];
}

/** The storage an import needs: the compare-and-put of each entry, and the stock records' own insert. */
export interface CatalogImportStore {
  /** Reads what is stored of all the entries at once, so that each upsert starts from it. */
  begin(tenantId: string, entries: CatalogEntry[], now: string): Promise<CatalogImportSession>;
  stock: Pick<StockRecordStore, 'insertStockRecord'>;
}

export interface CatalogImportSession {
  /** Writes the entry unless the store holds it already as asked; refuses what an identity rule forbids. */
  upsert(entry: CatalogEntry): Promise<EntryOutcome>;
}

/**
 * Entries per request, stock records included. It keeps one request well inside Lambda's
 * time and payload limits and its answer inside what an Idempotency-Key can store; the
 * seed client splits larger catalogs into chunks of this size.
 */
export const MAX_IMPORT_ENTRIES = 1_000;

/** Writes in flight at once: enough to hide DynamoDB's latency, few enough not to throttle a table. */
const CONCURRENCY = 16;

interface PlannedEntry {
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
        fields: { name: variant.name, sku: variant.sku ?? null, attributes: variant.attributes },
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
    ...item.levels.map((level, j): PlannedEntry => ({
      path: `${path}.inventoryItems[${i}].levels[${j}]`,
      entry: {
        entity: 'locationLevel',
        id: `ilev_${item.id}_${level.locationId}`,
        inventoryItemId: item.id,
        fields: {
          locationId: level.locationId,
          stockedQuantity: level.stocked,
          reservedQuantity: level.reserved,
          incomingQuantity: level.incoming,
        },
      },
    })),
  ]);
  return { first: [tenant, ...locations], then: [...keys, ...vendors, ...products, ...items] };
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

/** How many entries (stock records included) the document asks for. */
export function countEntries(document: CatalogDocument): number {
  const { first, then } = planImport(document, '');
  return first.length + then.flat().length + document.products.reduce((sum, product) => sum + plannedStockRecords(product).length, 0);
}

/**
 * Imports the documents (each must be the caller's own tenant) and reports every entry.
 * Refusals are results, not failures: the rest of the import goes on.
 */
export async function importCatalog(
  store: CatalogImportStore,
  actor: { tenantId: string; subject: string },
  documents: CatalogDocument[],
  now = nowIso(),
): Promise<ImportReport> {
  const { tenantId } = actor;
  documents.forEach((document, documentIndex) => {
    if (document.id !== tenantId)
      throw new BusinessRuleError('import-of-other-tenant', `Document ${documentIndex} is not the caller's tenant ${tenantId}`, {
        documentIndex,
        tenantId,
      });
  });
  const total = documents.reduce((sum, document) => sum + countEntries(document), 0);
  if (total > MAX_IMPORT_ENTRIES) {
    throw new BusinessRuleError('import-too-large', `An import of ${total} entries exceeds the ${MAX_IMPORT_ENTRIES} allowed`, {
      entries: total,
      maximum: MAX_IMPORT_ENTRIES,
    });
  }

  const results: ImportResult[] = [];
  for (const [i, document] of documents.entries()) {
    const plan = planImport(document, `tenants[${i}]`);
    const session = await store.begin(
      tenantId,
      [...plan.first, ...plan.then.flat()].map(({ entry }) => entry),
      now,
    );
    const upsert = async ({ path, entry }: PlannedEntry): Promise<ImportResult> => {
      const outcome = await session.upsert(entry);
      return { path, entity: entry.entity, id: entry.id, ...outcome };
    };
    for (const planned of plan.first) results.push(await upsert(planned));
    const groups = await inBatches(plan.then, CONCURRENCY, async (group) => {
      const groupResults: ImportResult[] = [];
      for (const planned of group) groupResults.push(await upsert(planned));
      return groupResults;
    });
    results.push(...groups.flat());
    results.push(...(await stockRecords(store, actor, document, `tenants[${i}]`, results, now)));
  }
  const summary = { created: 0, updated: 0, unchanged: 0, refused: 0 };
  for (const result of results) summary[result.result] += 1;
  return { summary, results };
}

/**
 * A product imported with a warehouse list gets a zero-quantity stock record in each of
 * them (per variant for VARIABLE products), as the vendor creates them at product
 * creation. The store's insert is conditional: an existing record is never touched.
 */
async function stockRecords(
  store: CatalogImportStore,
  actor: { tenantId: string; subject: string },
  document: CatalogDocument,
  path: string,
  done: ImportResult[],
  now: string,
): Promise<ImportResult[]> {
  const { tenantId } = actor;
  const refused = new Set(done.filter((result) => result.result === 'refused').map((result) => result.path));
  const wanted = document.products.flatMap((product, i) =>
    refused.has(`${path}.products[${i}]`)
      ? []
      : plannedStockRecords(product)
          .filter(
            ({ variantId }) =>
              variantId === null ||
              !refused.has(`${path}.products[${i}].variants[${product.variants.findIndex((variant) => variant.id === variantId)}]`),
          )
          .map((record) => ({
            ...record,
            productId: product.id,
            path: `${path}.products[${i}].warehouseIds[${product.warehouseIds!.indexOf(record.locationId)}]`,
          })),
  );
  return inBatches(wanted, CONCURRENCY, async ({ productId, variantId, attributes, locationId, path: at }): Promise<ImportResult> => {
    // Every chunk carries the tenant's locations, so the warehouse's name is at hand.
    const location = document.locations.find((candidate) => candidate.id === locationId)!;
    const record: StockRecord = newStockRecord({
      id: `inv_${randomUUID().replaceAll('-', '')}`,
      tenantId,
      productId,
      variantId,
      bin: null,
      onHandQty: 0,
      reservedQty: 0,
      reorderLevel: null,
      reorderQty: null,
      // As the ShopSynch route does: a SKU's record mirrors the SKU's attributes.
      attributes,
      countedAt: null,
      location,
      at: now,
    });
    const id = `${productId}${variantId === null ? '' : `/${variantId}`}@${locationId}`;
    try {
      await store.stock.insertStockRecord(record, creationMovement(record, actor.subject));
      return { path: at, entity: 'stockRecord', id, result: 'created' };
    } catch (error) {
      if (error instanceof ConflictError) return { path: at, entity: 'stockRecord', id, result: 'unchanged' };
      throw error;
    }
  });
}

/**
 * The Stripe change an import's write of a variant carries in its transaction, as DayZero's
 * update does: a variant that has a Stripe price, renamed by the import in a business with a
 * Stripe account, gets its price renamed. `revision` is the one the write gives the variant.
 */
export function stripeRename(
  tenantId: string,
  entry: Extract<CatalogEntry, { entity: 'variant' }>,
  stored: { name: string; stripePriceId: string | null } | undefined,
  revision: number,
  now: string,
): StripeChangeTask | undefined {
  if (!entry.stripe || !stored?.stripePriceId || stored.name === entry.fields.name) return undefined;
  return {
    tenantId,
    productId: entry.productId,
    variantId: entry.id,
    revision,
    accountId: entry.stripe.accountId,
    currency: entry.stripe.currency,
    variantName: entry.fields.name,
    renamed: true,
    createdAt: now,
  };
}
