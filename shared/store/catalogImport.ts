import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { stripeRename, type CatalogEntry, type CatalogImportStore, type EntryOutcome } from '#shared/domain/catalogImport';
import { getMany } from '#shared/store/batch';
import { documentClient, tableName } from '#shared/store/client';
import { catalogEntry, indexKeys, keys, type CatalogIndexKey, type Key } from '#shared/store/keys';
import { hashMerchantApiKey } from '#shared/store/merchantApiKeys';
import { stockStore } from '#shared/store/stock';
import { stripeChangeTaskPut } from '#shared/store/stripeSync';
import { ENTITY, TABLE, VARIANT_LIST_INDEXES, type EntityType } from '#shared/store/table';
import { commit, type NamedWrite, type WriteAction } from '#shared/store/transactions';

type Item = Record<string, unknown>;

/** How one entry is stored: its key, the fields an import owns, and what only its creation sets. */
interface Placement {
  key: Key;
  type: EntityType;
  /** The fields the import compares and writes; null removes a field the entity keeps optional (see `optional`). */
  managed: Record<string, unknown>;
  /** Fields the entity omits rather than storing null. */
  optional?: readonly string[];
  /** Set only when the item is created. */
  created: Record<string, unknown>;
  /** Whether the entity records its last change. */
  updatedAt: boolean;
  index?: CatalogIndexKey;
  /** Attributes that follow the managed fields on an item already stored (not compared: they change with them). */
  follows?: (stored: Item) => Record<string, unknown>;
  /** The attribute holding the item's revision, when the entity's own routes already keep one (default `rev`). */
  revision?: string;
}

function placement(tenantId: string, entry: Exclude<CatalogEntry, { entity: 'merchantApiKey' }>): Placement {
  const base = { id: entry.id, tenantId };
  switch (entry.entity) {
    case 'tenant':
      return {
        key: keys.tenant(tenantId),
        type: ENTITY.Tenant,
        managed: entry.fields,
        optional: ['defaultLocationId', 'stripe'],
        created: { id: tenantId },
        updatedAt: false,
      };
    case 'location':
      return {
        key: keys.location(tenantId, entry.id),
        type: ENTITY.Location,
        managed: entry.fields,
        created: base,
        updatedAt: false,
        index: catalogEntry.location(tenantId, entry.id),
      };
    case 'vendor':
      return {
        key: keys.vendor(tenantId, entry.id),
        type: ENTITY.Vendor,
        managed: entry.fields,
        created: base,
        updatedAt: false,
        index: catalogEntry.vendor(tenantId, entry.id),
      };
    case 'product':
      return {
        key: keys.product(tenantId, entry.id),
        type: ENTITY.Product,
        managed: entry.fields,
        created: base,
        updatedAt: false,
        index: catalogEntry.product(tenantId, entry.id),
      };
    case 'variant':
      return {
        key: keys.variant(tenantId, entry.productId, entry.id),
        type: ENTITY.Variant,
        managed: entry.fields,
        created: { ...base, productId: entry.productId },
        updatedAt: true,
        // DayZero's updates are conditional on this revision: sharing it fences them against an import in between, and the import against them.
        revision: 'revision',
        // A variant in DayZero's lists (it carries their keys) keeps its place in the name order when renamed here.
        follows: (stored) =>
          typeof stored[VARIANT_LIST_INDEXES.byName.sortKey] === 'string'
            ? {
                [VARIANT_LIST_INDEXES.byName.sortKey]: indexKeys.variantList({
                  tenantId,
                  productId: entry.productId,
                  id: entry.id,
                  name: entry.fields.name,
                  createdAt: String(stored.createdAt),
                  archived: stored.archived === true,
                }).variantsNameSk,
              }
            : {},
      };
    case 'inventoryItem':
      return {
        key: keys.inventoryItem(tenantId, entry.id),
        type: ENTITY.InventoryItem,
        managed: entry.fields,
        created: base,
        updatedAt: true,
        index: catalogEntry.inventoryItem(tenantId, entry.id),
      };
    case 'locationLevel':
      return {
        key: keys.locationLevel(tenantId, entry.inventoryItemId, entry.fields.locationId),
        type: ENTITY.LocationLevel,
        managed: entry.fields,
        created: { ...base, inventoryItemId: entry.inventoryItemId },
        updatedAt: true,
      };
  }
}

/** Each import write carries a revision: a write is conditional on the revision it read, so a concurrent change is never overwritten. */
const DEFAULT_REVISION = 'rev';

/** Attempts at one entry when other writers keep changing it between the read and the write. */
const ATTEMPTS = 4;

export const catalogImportStore: CatalogImportStore = {
  stock: stockStore,

  async begin(tenantId, entries, now) {
    const placed = entries.flatMap((entry) => (entry.entity === 'merchantApiKey' ? [] : [placement(tenantId, entry).key]));
    // One consistent BatchGet per 100 keys, side by side: the first attempt of each entry needs no read of its own.
    const batches = Array.from({ length: Math.ceil(placed.length / 100) }, (_, i) => placed.slice(i * 100, i * 100 + 100));
    const found = (await Promise.all(batches.map((batch) => getMany(documentClient(), tableName(), batch)))).flat();
    const snapshot = new Map(placed.map((key, i) => [keyId(key), found[i]]));
    return { upsert: (entry) => upsert(tenantId, entry, now, snapshot) };
  },
};

const keyId = (key: Key) => `${key.pk}\u0000${key.sk}`;

async function upsert(tenantId: string, entry: CatalogEntry, now: string, snapshot: Map<string, Item | undefined>): Promise<EntryOutcome> {
  if (entry.entity === 'merchantApiKey') return importMerchantApiKey(tenantId, entry.key, now);
  const place = placement(tenantId, entry);
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const id = keyId(place.key);
    // The snapshot serves the first attempt only; an item that changed since is read again.
    const stored = attempt === 1 && snapshot.has(id) ? snapshot.get(id) : await read(place.key);
    if (stored && sameFields(stored, place)) return { result: 'unchanged' };
    const writes: NamedWrite<'entry' | 'sku' | 'previousSku' | 'stripeTask'>[] = [
      { name: 'entry', action: { Update: upsertAction(place, stored, now) } },
    ];
    if (entry.entity === 'variant') {
      writes.push(...skuGuardWrites(tenantId, entry, stored));
      const task = stripeRename(
        tenantId,
        entry,
        stored && { name: String(stored.name), stripePriceId: typeof stored.stripePriceId === 'string' ? stored.stripePriceId : null },
        nextRevision(place, stored),
        now,
      );
      if (task) writes.push({ name: 'stripeTask', action: stripeChangeTaskPut(tableName(), task) });
    }
    const refused = await commit(writes);
    if (refused === undefined) return { result: stored ? 'updated' : 'created' };
    if (refused === 'sku' && entry.entity === 'variant')
      return { result: 'refused', reason: `SKU "${entry.fields.sku}" is held by another variant` };
    // 'entry', 'previousSku' or 'stripeTask': the item changed since it was read; read it again.
  }
  return { result: 'refused', reason: 'changed by another request during the import; import it again' };
}

async function read(key: Key): Promise<Item | undefined> {
  const { Item } = await documentClient().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
  return Item;
}

/** Stored and wanted agree on every field the import owns (an omitted optional field counts as null). */
function sameFields(stored: Item, place: Placement): boolean {
  return Object.entries(place.managed).every(([field, wanted]) => canonical(stored[field] ?? null) === canonical(wanted));
}

/** JSON with object keys sorted, so that two maps with the same entries compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((name) => `${JSON.stringify(name)}:${canonical((value as Item)[name])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The revision the upsert gives the item, and its Stripe change: one more than it read. */
const nextRevision = (place: Placement, stored: Item | undefined) => {
  const read = stored?.[place.revision ?? DEFAULT_REVISION];
  return (typeof read === 'number' ? read : 0) + 1;
};

/** One Update: the owned fields, creation-only fields kept when present, and the revision it read as its condition. */
function upsertAction(place: Placement, stored: Item | undefined, now: string): NonNullable<WriteAction['Update']> {
  const revision = place.revision ?? DEFAULT_REVISION;
  const names: Record<string, string> = { '#rev': revision, '#type': TABLE.typeAttribute };
  // The revision is conditional on the one read (below), so the next one is known here.
  const values: Record<string, unknown> = { ':type': place.type, ':next': nextRevision(place, stored) };
  const set = ['#type = :type', '#rev = :next'];
  const remove: string[] = [];
  let n = 0;
  const field = (name: string) => {
    const alias = `#f${n++}`;
    names[alias] = name;
    return alias;
  };
  for (const [name, value] of Object.entries(place.managed)) {
    if (value === null && place.optional?.includes(name)) remove.push(field(name));
    else {
      const alias = field(name);
      values[`:${alias.slice(1)}`] = value;
      set.push(`${alias} = :${alias.slice(1)}`);
    }
  }
  for (const [name, value] of Object.entries(stored && place.follows ? place.follows(stored) : {})) {
    const alias = field(name);
    values[`:${alias.slice(1)}`] = value;
    set.push(`${alias} = :${alias.slice(1)}`);
  }
  for (const [name, value] of Object.entries({ ...place.created, createdAt: now, ...place.index })) {
    const alias = field(name);
    values[`:${alias.slice(1)}`] = value;
    set.push(`${alias} = if_not_exists(${alias}, :${alias.slice(1)})`);
  }
  if (place.updatedAt) {
    const alias = field('updatedAt');
    values[':updatedAt'] = now;
    set.push(`${alias} = :updatedAt`);
  }
  let condition = 'attribute_not_exists(pk)';
  if (stored) {
    if (stored[revision] === undefined) condition = 'attribute_exists(pk) AND attribute_not_exists(#rev)';
    else {
      condition = '#rev = :rev';
      values[':rev'] = stored[revision];
    }
  }
  return {
    TableName: tableName(),
    Key: place.key,
    UpdateExpression: `SET ${set.join(', ')}${remove.length > 0 ? ` REMOVE ${remove.join(', ')}` : ''}`,
    ConditionExpression: condition,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/**
 * A variant's SKU is unique in its tenant through its guard item: taking a SKU is a Put
 * that only a free guard, or this variant's own, lets through; a SKU the variant gives up
 * is released only if the guard is still its own.
 */
function skuGuardWrites(
  tenantId: string,
  entry: Extract<CatalogEntry, { entity: 'variant' }>,
  stored: Item | undefined,
): NamedWrite<'sku' | 'previousSku'>[] {
  const sku = entry.fields.sku;
  const previous = typeof stored?.sku === 'string' ? stored.sku : null;
  if (stored && sku === previous) return [];
  const owner = { ':productId': entry.productId, ':variantId': entry.id };
  const writes: NamedWrite<'sku' | 'previousSku'>[] = [];
  if (sku !== null) {
    writes.push({
      name: 'sku',
      action: {
        Put: {
          TableName: tableName(),
          Item: {
            ...keys.skuGuard(tenantId, sku),
            [TABLE.typeAttribute]: ENTITY.SkuGuard,
            tenantId,
            sku,
            productId: entry.productId,
            variantId: entry.id,
          },
          ConditionExpression: 'attribute_not_exists(pk) OR (productId = :productId AND variantId = :variantId)',
          ExpressionAttributeValues: owner,
        },
      },
    });
  }
  if (previous !== null) {
    writes.push({
      name: 'previousSku',
      action: {
        Delete: {
          TableName: tableName(),
          Key: keys.skuGuard(tenantId, previous),
          ConditionExpression: 'attribute_not_exists(pk) OR (productId = :productId AND variantId = :variantId)',
          ExpressionAttributeValues: owner,
        },
      },
    });
  }
  return writes;
}

/** A key is stored as its hash; an existing one (active or revoked) is left as it is. */
async function importMerchantApiKey(tenantId: string, key: string, now: string): Promise<EntryOutcome> {
  const keyHash = hashMerchantApiKey(key);
  const refused = await commit([
    {
      name: 'key',
      action: {
        Put: {
          TableName: tableName(),
          Item: {
            ...keys.merchantApiKey(tenantId, keyHash),
            [TABLE.typeAttribute]: ENTITY.MerchantApiKey,
            tenantId,
            keyHash,
            last4: key.slice(-4),
            active: true,
            createdAt: now,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    },
  ]);
  return { result: refused ? 'unchanged' : 'created' };
}
