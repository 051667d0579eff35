import { randomUUID } from 'node:crypto';
import type { Attach, Attachment } from '#shared/domain/attachment';
import { nowIso, type Level, type Location, type Product, type StockRecord, type Variant } from '#shared/domain/catalog';
import { retryOnConcurrentChange } from '#shared/domain/concurrency';
import { BusinessRuleError, NotFoundError } from '#shared/domain/errors';
import { newLevelId, ownItemFor, ownItemId, type OwnItem, type OwningProduct, type OwningVariant } from '#shared/domain/ownItem';

export interface NewStockRecord {
  productId: string;
  variantId?: string | undefined;
  locationId: string;
  bin?: string | undefined;
  onHandQty: number;
  reorderLevel?: number | undefined;
  reorderQty?: number | undefined;
  attributes?: Record<string, string> | undefined;
}

/** What creating a stock record reads: what exists of the product, its variant and the location. */
export interface StockContext {
  product?: Product;
  variant?: Variant;
  location?: Location;
}

/** One change of a record's quantities, as its history keeps it. */
export type MovementKind = 'created' | 'reserved' | 'released' | 'adjusted';

/** An entry of a record's history: append-only, one per version of the record. */
export interface StockMovement {
  tenantId: string;
  recordId: string;
  /** The record's version this movement produced (creation is 1). */
  version: number;
  kind: MovementKind;
  /** Units moved: reserved, released, or added (negative: removed) to on hand. */
  qty: number;
  reason: string | null;
  reference: string | null;
  notes: string | null;
  /** The quantities right after the movement. */
  onHandQty: number;
  reservedQty: number;
  /** The token subject that made the movement. */
  by: string;
  at: string;
}

/** A page of a list, and the opaque cursor of the next one (null on the last page). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
}

/** What the record list may be narrowed to; a SKU is always named with its product. */
export interface StockRecordFilter {
  productId?: string | undefined;
  variantId?: string | undefined;
  locationId?: string | undefined;
}

/** The storage a stock record needs. */
export interface StockRecordStore {
  /** The product, the variant (when one is named) and the location, read together. */
  readStockContext(tenantId: string, wanted: { productId: string; variantId: string | null; locationId: string }): Promise<StockContext>;
  /**
   * Writes the record and its first movement unless one exists for its product, variant and location (or its item and
   * location): ConflictError(stockPerLocation). The level is its owner's own item's (see newLevel), shown as Medusa's level too;
   * a new own item is written with its owner's reference to it, and an owner that got another one meanwhile is a
   * ConcurrentChangeError.
   */
  insertStockRecord(record: StockRecord, created: StockMovement, own: OwnItem, attachment?: Attachment): Promise<void>;
  /** The record with this ID in the tenant, read consistently. */
  readStockRecord(tenantId: string, recordId: string): Promise<StockRecord | undefined>;
  /**
   * Writes the record's next version with its movement, only over the version read
   * (`next.version - 1`): a record changed in between is a ConcurrentChangeError.
   * `enteredLowStock` also records the crossing for the InventoryLowStock event.
   */
  writeMovement(next: StockRecord, movement: StockMovement, enteredLowStock: boolean, attachment?: Attachment): Promise<void>;
  /** The tenant's records, narrowed by the filter, in product, SKU and warehouse order. */
  listStockRecords(tenantId: string, filter: StockRecordFilter, page: PageRequest): Promise<Page<StockRecord>>;
  /** Records that are low now, in warehouse order (optionally of one warehouse). */
  listLowStock(tenantId: string, filter: { locationId?: string | undefined }, page: PageRequest): Promise<Page<StockRecord>>;
  /** A record's history, newest first; undefined when the record does not exist. */
  listMovements(tenantId: string, recordId: string, page: PageRequest): Promise<Page<StockMovement> | undefined>;
}

export interface CreatedStockRecord {
  record: StockRecord;
  location: Location;
}

/** Largest on-hand quantity a record may hold: far beyond real stock, safely inside DynamoDB's and JSON's numbers. */
export const MAX_QTY = 1_000_000_000;

/** What can still be sold or reserved: on hand minus reserved. */
export const availableQty = (record: Pick<StockRecord, 'onHandQty' | 'reservedQty'>): number => record.onHandQty - record.reservedQty;

/** Low stock: a reorder level is set and what is available has fallen to it or below. */
export const isLowStock = (record: Pick<StockRecord, 'onHandQty' | 'reservedQty' | 'reorderLevel'>): boolean =>
  record.reorderLevel !== null && availableQty(record) <= record.reorderLevel;

/**
 * Records a product's (or variant's) stock at a location. One record per product,
 * variant and location: the store's conditional write decides, so concurrent creates
 * cannot both succeed.
 */
export async function createStockRecord(
  store: StockRecordStore,
  actor: { tenantId: string; subject: string },
  input: NewStockRecord,
  attach?: Attach<CreatedStockRecord>,
): Promise<CreatedStockRecord> {
  // A concurrent first stock of the same owner may give it its own item first: then read again and use that one.
  return retryOnConcurrentChange(async () => {
    const { tenantId } = actor;
    const variantId = input.variantId ?? null;
    const context = await store.readStockContext(tenantId, { productId: input.productId, variantId, locationId: input.locationId });

    const { product, location } = context;
    if (!product) throw new NotFoundError('Product', input.productId);

    let attributes: Record<string, string> = {};
    if (product.productType === 'VARIABLE') {
      if (variantId === null) throw new BusinessRuleError('variant-required', 'A VARIABLE product holds stock by variant');
      if (!context.variant) throw new NotFoundError('Variant', variantId, { productId: product.id });
      attributes = context.variant.attributes;
      checkAttributesMirror(input.attributes ?? {}, attributes);
    } else {
      const { productType } = product;
      if (variantId !== null) {
        throw new BusinessRuleError('variant-not-allowed', `A ${productType} product holds stock without variants`, { productType });
      }
      if (input.attributes && Object.keys(input.attributes).length > 0) {
        throw new BusinessRuleError('attributes-not-allowed', `A ${productType} product's stock has no variant attributes`);
      }
    }
    if (!location) throw new NotFoundError('Location', input.locationId);

    const level = newLevel(
      { product, variant: context.variant },
      {
        id: `inv_${randomUUID().replaceAll('-', '')}`,
        location,
        bin: input.bin ?? null,
        onHandQty: input.onHandQty,
        reservedQty: 0,
        reorderLevel: input.reorderLevel ?? null,
        reorderQty: input.reorderQty ?? null,
        attributes,
        countedAt: null,
        at: nowIso(),
      },
      actor.subject,
    );
    const created = { record: level.record, location };
    await store.insertStockRecord(level.record, level.created, level.own, attach?.(created));
    return created;
  });
}

/** A new level: its record, its first movement, and the owner's own item it is a level of (new at the owner's first stock). */
export interface NewLevel {
  record: StockRecord;
  created: StockMovement;
  own: OwnItem;
}

/**
 * Every create of stock builds its level here (ShopSynch's create, DayZero's initial inventory and first
 * adjustment at a location, the import, the fixtures): a level of its owner's own item (the variant's, or a
 * SIMPLE/DIGITAL product's), under ShopSynch's record ID and Medusa's level ID, at version 1. `ids` names
 * the item, link and level where they must not be random (fixtures).
 */
export function newLevel(
  owner: { product: OwningProduct; variant: OwningVariant | undefined },
  fields: Omit<Parameters<typeof newStockRecord>[0], 'tenantId' | 'productId' | 'variantId' | 'inventoryItemId' | 'levelId'>,
  by: string,
  ids?: { item: string; link: string; level: string },
): NewLevel {
  const own = ownItemFor(owner.product, owner.variant, fields.at, ids);
  const record = newStockRecord({
    ...fields,
    tenantId: owner.product.tenantId,
    inventoryItemId: ownItemId(own),
    levelId: ids?.level ?? newLevelId(),
    productId: owner.product.id,
    variantId: owner.variant?.id ?? null,
  });
  return { record, created: creationMovement(record, by), own };
}

/** A record at version 1, as every create (ShopSynch's, DayZero's initial inventory) starts it. */
export function newStockRecord(
  fields: Omit<
    StockRecord,
    'locationId' | 'locationName' | 'incomingQty' | 'orderCloudRecordIds' | 'version' | 'lastAdjustedAt' | 'createdAt' | 'updatedAt'
  > &
    Partial<Pick<StockRecord, 'incomingQty' | 'orderCloudRecordIds'>> & {
      location: Pick<Location, 'id' | 'name'>;
      at: string;
    },
): StockRecord {
  const { location, at, ...rest } = fields;
  return {
    incomingQty: 0,
    orderCloudRecordIds: [],
    ...rest,
    locationId: location.id,
    locationName: location.name,
    version: 1,
    lastAdjustedAt: at,
    createdAt: at,
    updatedAt: at,
  };
}

/** The first entry of a record's history: its creation with the initial quantity. */
export function creationMovement(record: Level, by: string): StockMovement {
  return movementOf(record, { kind: 'created', qty: record.onHandQty, reason: null, reference: null, notes: null }, by);
}

/** The history entry of a record's new version. */
export function movementOf(
  record: Level,
  change: Pick<StockMovement, 'kind' | 'qty' | 'reason' | 'reference' | 'notes'>,
  by: string,
): StockMovement {
  return {
    tenantId: record.tenantId,
    recordId: record.id,
    version: record.version,
    ...change,
    onHandQty: record.onHandQty,
    reservedQty: record.reservedQty,
    by,
    at: record.updatedAt,
  };
}

/** One record by ID; another tenant's ID is not found, like an unknown one. */
export async function getStockRecord(store: StockRecordStore, tenantId: string, recordId: string): Promise<StockRecord> {
  const record = await store.readStockRecord(tenantId, recordId);
  if (!record) throw new NotFoundError('StockRecord', recordId);
  return record;
}

/** A record's history, newest first. */
export async function listStockMovements(
  store: StockRecordStore,
  tenantId: string,
  recordId: string,
  page: PageRequest,
): Promise<Page<StockMovement>> {
  const movements = await store.listMovements(tenantId, recordId, page);
  if (!movements) throw new NotFoundError('StockRecord', recordId);
  return movements;
}

/** The tenant's records; a SKU names a variant of one product, so it is filtered on only with its product. */
export function listStockRecords(
  store: StockRecordStore,
  tenantId: string,
  filter: StockRecordFilter,
  page: PageRequest,
): Promise<Page<StockRecord>> {
  if (filter.variantId !== undefined && filter.productId === undefined)
    throw new BusinessRuleError('variant-filter-without-product', 'A list narrowed to a variant is narrowed to its product too');
  return store.listStockRecords(tenantId, filter, page);
}

/** Given attributes must agree with the variant's own: none unknown, none different. */
function checkAttributesMirror(given: Record<string, string>, own: Record<string, string>): void {
  for (const [name, value] of Object.entries(given)) {
    if (!Object.hasOwn(own, name)) throw new BusinessRuleError('attribute-unknown', `The variant has no attribute ${name}`, { name });
    if (own[name] !== value) {
      throw new BusinessRuleError('attribute-mismatch', `The variant's ${name} is not '${value}'`, {
        name,
        given: value,
        actual: own[name]!,
      });
    }
  }
}

/** The records whose available stock is at or below their reorder level, now. */
export function listLowStock(
  store: StockRecordStore,
  tenantId: string,
  filter: { locationId?: string | undefined },
  page: PageRequest,
): Promise<Page<StockRecord>> {
  return store.listLowStock(tenantId, filter, page);
}
