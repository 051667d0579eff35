import type { CatalogEntry } from '#shared/domain/catalogImport';
import { catalogItem, catalogVariant } from '#shared/store/catalogItems';
import type { Placement } from '#shared/store/catalogUpsert';
import { indexKeys } from '#shared/store/keys';

/** What an import's entries say about each other: a new variant takes its product's name and the tenant's default location. */
export interface ImportContext {
  tenantId: string;
  now: string;
  productNames: ReadonlyMap<string, string>;
  defaultLocationId: string | null;
}

export function importContext(tenantId: string, entries: readonly CatalogEntry[], now: string): ImportContext {
  const tenant = entries.find((entry) => entry.entity === 'tenant');
  return {
    tenantId,
    now,
    productNames: new Map(entries.flatMap((entry) => (entry.entity === 'product' ? [[entry.id, entry.fields.name]] : []))),
    defaultLocationId: tenant?.fields.defaultLocationId ?? null,
  };
}

/** How an entry is stored: the item its entity's builder makes of it (as at creation), and the fields the import owns. */
export function placement(context: ImportContext, entry: Exclude<CatalogEntry, { entity: 'merchantApiKey' }>): Placement {
  const { tenantId, now } = context;
  const base = { id: entry.id, tenantId };
  switch (entry.entity) {
    case 'tenant': {
      const { defaultLocationId, stripe, ...fields } = entry.fields;
      return {
        item: catalogItem.tenant({
          id: tenantId,
          ...fields,
          ...(defaultLocationId === null ? {} : { defaultLocationId }),
          ...(stripe === null ? {} : { stripe }),
          createdAt: now,
        }),
        managed: entry.fields,
        optional: ['defaultLocationId', 'stripe'],
      };
    }
    case 'location':
      return { item: catalogItem.location({ ...base, ...entry.fields, createdAt: now }), managed: entry.fields };
    case 'vendor':
      return { item: catalogItem.vendor({ ...base, ...entry.fields, createdAt: now }), managed: entry.fields };
    case 'product':
      return { item: catalogItem.product({ ...base, ...entry.fields, createdAt: now }), managed: entry.fields };
    case 'variant': {
      const productName = context.productNames.get(entry.productId);
      if (productName === undefined) throw new Error(`Variant ${entry.id} is imported without its product ${entry.productId}`);
      return {
        item: catalogItem.variant(
          catalogVariant({
            ...base,
            productId: entry.productId,
            productName,
            ...entry.fields,
            stockLocationId: context.defaultLocationId,
            createdAt: now,
          }),
        ),
        managed: entry.fields,
        // DayZero's updates are conditional on this revision: sharing it fences them against an import in between, and the import against them.
        revision: 'revision',
        // A variant keeps its place in DayZero's lists, where its name orders it, when renamed here.
        follows: (stored) =>
          indexKeys.variantList({
            tenantId,
            productId: entry.productId,
            id: entry.id,
            name: entry.fields.name,
            createdAt: String(stored.createdAt),
            archived: stored.archived === true,
          }),
      };
    }
    case 'inventoryItem':
      return { item: catalogItem.inventoryItem({ ...base, ...entry.fields, createdAt: now, updatedAt: now }), managed: entry.fields };
  }
}
