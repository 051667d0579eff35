import type { GroupedOutcome, ImportedRecord, ImportLedgerStore, RecordChange, RecordRead } from '#shared/domain/catalogImportEntries';
import { decideInGroups, type Decision, type Outcome } from '#shared/domain/catalogImportGrouped';
import { recordIdTaken, requireOwners, type InventoryRecord, type RecordOwner } from '#shared/domain/inventoryRecord';
import { changeOf, movedRecord, namedLevel, naming, newRecord, savedOver } from '#shared/domain/inventoryRecordDecisions';

/**
 * An OrderCloud record of the document is created as OrderCloud's create makes it (the name of the
 * owner's level at its address, QuantityAvailable setting it) and, when stored and different,
 * replaced as its Save does; OrderCloud's rules hold (see inventoryRecordLedger). The document's
 * records are read together and written many to a transaction (decideInGroups), each write
 * conditional on what was read: the ID and the place still free, the level at the version read,
 * the record as read.
 */

type Actor = { tenantId: string; subject: string };

/** A record of the document with its owner, and the owner of its address as the document gives it. */
export interface WantedRecord {
  owner: RecordOwner;
  fields: ImportedRecord & { ownerId: string };
}

export function importRecords(store: ImportLedgerStore, actor: Actor, wanted: readonly WantedRecord[]): Promise<Outcome[]> {
  return decideInGroups<WantedRecord, RecordRead, RecordChange, GroupedOutcome>(wanted, {
    read: (entries) =>
      store.readRecords(
        actor.tenantId,
        entries.map(({ owner, fields }) => ({ owner, recordId: fields.id, addressId: fields.addressId })),
      ),
    decide: (entry, read) => decideRecord(actor, entry, read),
    write: (changes) => store.writeRecordChanges(changes),
    // One record ID of a product: a second entry naming it (a product twice in the document) reads what the first wrote.
    key: ({ owner, fields }) => `${owner.productId}\u0000${fields.id}`,
    transient: store.transient,
  });
}

/** One record over what was read: unchanged, created (a new level, or a name of the level there), or saved over the stored one. */
function decideRecord(actor: Actor, { owner, fields }: WantedRecord, read: RecordRead): Decision<RecordChange> {
  if ('unreadable' in read) throw read.unreadable;
  const stored = read.existing;
  if (stored && same(stored, fields)) return { outcome: { result: 'unchanged' } };
  if (!stored) {
    const made = newRecord(actor, read, owner, fields, 'ordercloud-create');
    // The record's ID goes first (as insertRecordLevel writes it): taken, it is the refusal, even where a level is named already.
    if (read.idTaken) throw recordIdTaken(fields.id);
    // The owner holds stock at this address already (made through another API): the record names that level.
    const there = read.level;
    if (there === undefined) {
      const { view, level, created, item } = made;
      return { change: { kind: 'insert', view, level, created, item }, written: { result: 'created' } };
    }
    if ('unreadable' in there) throw there.unreadable;
    return {
      change: { kind: 'level', change: naming(there, made, fields, 'ordercloud-create', actor.subject) },
      written: { result: 'created' },
    };
  }
  requireOwners(read, owner);
  const { existing, own, level: request } = savedOver(actor, stored, read.location, fields, fields.id);
  const changing = changeOf(existing, own, request);
  if ('fields' in changing) return { change: { kind: 'fields', previous: stored, next: changing.fields }, written: { result: 'updated' } };
  const { named } = read;
  if (named && 'unreadable' in named) throw named.unreadable;
  const level = namedLevel(stored, named);
  return {
    change: { kind: 'level', change: movedRecord(level, existing, own, request, 'ordercloud-save', actor.subject) },
    written: { result: 'updated' },
  };
}

/** The stored record is the document's: nothing to write. */
function same(stored: InventoryRecord, fields: WantedRecord['fields']): boolean {
  return (
    stored.addressId === fields.addressId &&
    stored.ownerId === fields.ownerId &&
    stored.allowAllBuyers === fields.allowAllBuyers &&
    stored.orderCanExceed === fields.orderCanExceed &&
    stored.quantityAvailable === fields.quantityAvailable &&
    stored.notificationPoint === fields.notificationPoint &&
    canonical(stored.xp) === canonical(fields.xp)
  );
}

/** JSON with object keys sorted, so that two maps with the same entries compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((name) => `${JSON.stringify(name)}:${canonical((value as Record<string, unknown>)[name])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}
