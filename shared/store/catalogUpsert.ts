import type { Key } from '#shared/store/keys';
import { TABLE } from '#shared/store/table';
import type { WriteAction } from '#shared/store/transactions';

type Item = Record<string, unknown>;

/** How one import entry is stored: the item its creation writes, and which of its fields the import owns. */
export interface Placement {
  /** The whole item, as every path that creates the entity builds it (see catalogItem). */
  item: Item;
  /**
   * The fields the import compares and writes; null removes a field the entity keeps optional
   * (see `optional`). Every other attribute of `item` is written only where the stored item lacks
   * it: at its creation, or on an item stored before the attribute existed.
   */
  managed: Record<string, unknown>;
  /** Fields the entity omits rather than storing null. */
  optional?: readonly string[];
  /** Attributes that follow the managed fields on an item already stored (not compared: they change with them). */
  follows?: (stored: Item) => Record<string, unknown>;
  /** The attribute holding the item's revision, when the entity's own routes already keep one (default `rev`). */
  revision?: string;
}

/** Each import write carries a revision: a write is conditional on the revision it read, so a concurrent change is never overwritten. */
const DEFAULT_REVISION = 'rev';

export const keyOf = (place: Placement): Key => ({ pk: String(place.item[TABLE.partitionKey]), sk: String(place.item[TABLE.sortKey]) });

/** Stored and wanted agree on every field the import owns (an omitted optional field counts as null). */
export function sameFields(stored: Item, place: Placement): boolean {
  return Object.entries(place.managed).every(([field, wanted]) => canonical(stored[field] ?? null) === canonical(wanted));
}

/** JSON with object keys sorted, so that two maps with the same entries compare equal. */
export function canonical(value: unknown): string {
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
export const nextRevision = (place: Placement, stored: Item | undefined) => {
  const read = stored?.[place.revision ?? DEFAULT_REVISION];
  return (typeof read === 'number' ? read : 0) + 1;
};

/** One Update: the owned fields, the rest of the item kept when present, and the revision it read as its condition. */
export function upsertAction(table: string, place: Placement, stored: Item | undefined, now: string): NonNullable<WriteAction['Update']> {
  const revision = place.revision ?? DEFAULT_REVISION;
  const names: Record<string, string> = { '#rev': revision, '#type': TABLE.typeAttribute };
  // The revision is conditional on the one read (below), so the next one is known here.
  const values: Record<string, unknown> = { ':type': place.item[TABLE.typeAttribute], ':next': nextRevision(place, stored) };
  const set = ['#type = :type', '#rev = :next'];
  const remove: string[] = [];
  let n = 0;
  const alias = (name: string) => {
    const id = `f${n++}`;
    names[`#${id}`] = name;
    return id;
  };
  const assign = (name: string, value: unknown, onlyIfAbsent = false) => {
    const id = alias(name);
    values[`:${id}`] = value;
    set.push(onlyIfAbsent ? `#${id} = if_not_exists(#${id}, :${id})` : `#${id} = :${id}`);
  };
  for (const [name, value] of Object.entries(place.managed)) {
    if (value === null && place.optional?.includes(name)) remove.push(`#${alias(name)}`);
    else assign(name, value);
  }
  const follows = stored && place.follows ? place.follows(stored) : {};
  for (const [name, value] of Object.entries(follows)) assign(name, value);
  // An entity that records its last change gets it from every write.
  if ('updatedAt' in place.item) assign('updatedAt', now);
  // The rest of the item is its creation's: written where absent, never over what the entity's routes changed since.
  const written = new Set([TABLE.partitionKey, TABLE.sortKey, TABLE.typeAttribute, revision, 'updatedAt', ...Object.keys(place.managed)]);
  for (const [name, value] of Object.entries(place.item)) {
    // An undefined field is one the entity leaves out (a Put drops it too).
    if (!written.has(name) && !(name in follows) && value !== undefined) assign(name, value, true);
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
    TableName: table,
    Key: keyOf(place),
    UpdateExpression: `SET ${set.join(', ')}${remove.length > 0 ? ` REMOVE ${remove.join(', ')}` : ''}`,
    ConditionExpression: condition,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}
