import { canonical } from '#shared/store/catalogUpsert';
import { LEFT_OUT } from '#shared/store/catalogExportStored';
import { itemSize, kilobytes, MAX_STORED_ITEM_BYTES } from '#shared/store/itemSize';
import { tenantRoot } from '#shared/store/keys';
import { ENTITY, TABLE } from '#shared/store/table';

type Item = Record<string, unknown>;

/** Attributes whose value is the tenant's ID where they name it: a location owned by the business, the tenant's own ID. */
const TENANT_ID_ATTRIBUTES = new Set(['tenantId', 'ownerId']);
/** Maps a client wrote (OrderCloud's xp): kept as given, whatever they hold. */
const CLIENT_DATA = new Set(['xp']);
const KINDS: ReadonlySet<string> = new Set(Object.values(ENTITY).filter((kind) => !LEFT_OUT.has(kind)));

/**
 * A stored item of tenant `from` as tenant `to` stores it: every key and index key under the
 * tenant's root moves to the new root, and every attribute naming the tenant (its ID, a tenantId,
 * an owner that was the tenant) names the new one. Nothing else changes.
 */
export function retarget(item: Item, from: string, to: string): Item {
  const fromRoot = tenantRoot(from);
  const toRoot = tenantRoot(to);
  const walk = (value: unknown, name: string | undefined): unknown => {
    if (typeof value === 'string') {
      if (value === fromRoot || value.startsWith(`${fromRoot}#`)) return `${toRoot}${value.slice(fromRoot.length)}`;
      if (name !== undefined && TENANT_ID_ATTRIBUTES.has(name) && value === from) return to;
      return value;
    }
    if (Array.isArray(value)) return value.map((entry) => walk(entry, undefined));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, CLIENT_DATA.has(key) ? entry : walk(entry, key)]));
    }
    return value;
  };
  const moved = walk(item, undefined) as Item;
  if (moved[TABLE.typeAttribute] === ENTITY.Tenant && moved.id === from) moved.id = to;
  return moved;
}

/**
 * Why the item may not be written into tenant `to`, if anything: a restore writes only the tenant's
 * own kinds of items, under its own root (keys and index keys alike), each within the size an item may take.
 */
export function refusal(item: Item, to: string): string | undefined {
  const root = tenantRoot(to);
  const kind = item[TABLE.typeAttribute];
  if (typeof kind !== 'string' || !KINDS.has(kind)) return `a restore does not write items of type ${JSON.stringify(kind)}`;
  for (const [name, value] of Object.entries(item)) {
    if (typeof value === 'string' && value.startsWith('TENANT#') && value !== root && !value.startsWith(`${root}#`))
      return `its ${name} is outside the tenant`;
  }
  const pk = item[TABLE.partitionKey];
  if (typeof pk !== 'string' || (pk !== root && !pk.startsWith(`${root}#`))) return 'its key is outside the tenant';
  if ('tenantId' in item && item.tenantId !== to) return 'it names another tenant';
  const size = itemSize(item);
  if (size > MAX_STORED_ITEM_BYTES)
    return `its stored item would take ${kilobytes(size)}, more than the ${kilobytes(MAX_STORED_ITEM_BYTES)} an item may take`;
  return undefined;
}

/** Two stored items hold the same (maps compared whatever their keys' order). */
export const sameItem = (a: Item, b: Item) => canonical(a) === canonical(b);

export const itemKey = (item: Item) => `${String(item[TABLE.partitionKey])}\u0000${String(item[TABLE.sortKey])}`;
