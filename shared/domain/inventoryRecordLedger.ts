import type { Attach, Attachment } from '#shared/domain/attachment';
import type { Location, StockRecord } from '#shared/domain/catalog';
import { retryOnConcurrentChange } from '#shared/domain/concurrency';
import { MAX_XP_BYTES, requireJsonWithin } from '#shared/domain/bounds';
import { ConcurrentChangeError, ConflictError, NotFoundError } from '#shared/domain/errors';
import {
  generateRecordId,
  mergeXp,
  requireAddress,
  requireOwners,
  type InventoryRecord,
  type InventoryRecordFields,
  type InventoryRecordPatch,
  type InventoryRecordStore,
  type InventoryRecordView,
  type NewInventoryRecord,
  type RecordContext,
  type RecordOwner,
} from '#shared/domain/inventoryRecord';
import {
  changeOf,
  movedRecord,
  namedLevel,
  naming,
  newRecord,
  notMigrated,
  savedOver,
  type Actor,
} from '#shared/domain/inventoryRecordDecisions';
import { moveLevel, type LevelRequest, type OwnFields, type RecordReason } from '#shared/domain/recordLevel';
import { MOVEMENT_DEADLINE_MS } from '#shared/domain/stockMovement';

/**
 * OrderCloud's writes of inventory records, as changes of the one stock ledger. A record names
 * the level of its variant's (or SIMPLE/DIGITAL product's) own inventory item at its address:
 * a Create makes that level or names the one another API made; QuantityAvailable written by a
 * Save or Patch is a movement of on hand (history reason `ordercloud-save` / `ordercloud-patch`);
 * a Delete removes the name, never the stock. Every change of the level's names is a version of
 * the level with its history entry, so that a movement decided on an older version (which
 * rewrites the level whole) can never drop or resurrect a name.
 */

/** A movement on a hot level may lose many races: it retries until this deadline, as ShopSynch's movements do. */
const retrying = <T>(run: () => Promise<T>) => retryOnConcurrentChange(run, { deadline: Date.now() + MOVEMENT_DEADLINE_MS });

/**
 * Creates a record: the level at its address, or a name of the level there that OrderCloud does
 * not name yet (then a QuantityAvailable given sets it, as a movement). One record per variant
 * (or product) and address: the level's name, ConflictError(recordPerLevel) for a second one.
 * The record ID is unique within the product, which the store's conditional write decides.
 */
export async function createInventoryRecord(
  store: InventoryRecordStore,
  actor: Actor,
  input: NewInventoryRecord,
  attach?: Attach<InventoryRecordView>,
): Promise<InventoryRecordView> {
  const id = input.id ?? generateRecordId();
  return retrying(async () => {
    const context = await store.readInventoryRecordContext(actor.tenantId, input, input.addressId);
    return createIn(store, actor, context, input, { ...input, id }, 'ordercloud-create', attach);
  });
}

export interface SavedInventoryRecord extends InventoryRecordView {
  /** True when the Save created the record (201), false when it replaced one (200). */
  created: boolean;
}

/**
 * Save (PUT): replaces the record named in the path with the body, or creates it. The body's
 * ID, when it differs from the path's, renames the record (OrderCloud lets a Save change an ID).
 * The record's own fields left out take their defaults; QuantityAvailable and NotificationPoint
 * are the shared level's, so left out they stay as they are.
 */
export async function saveInventoryRecord(
  store: InventoryRecordStore,
  actor: Actor,
  owner: RecordOwner,
  pathId: string,
  fields: InventoryRecordFields,
  attach?: Attach<SavedInventoryRecord>,
): Promise<SavedInventoryRecord> {
  const created = (view: InventoryRecordView, isNew: boolean) => ({ ...view, created: isNew });
  return retrying(async () => {
    const context = await store.readInventoryRecordContext(actor.tenantId, owner, fields.addressId, pathId);
    requireOwners(context, owner);
    if (!context.existing) {
      const id = fields.id ?? pathId;
      const view = await createIn(
        store,
        actor,
        context,
        owner,
        { ...fields, id },
        'ordercloud-save',
        attach && ((v) => attach(created(v, true))),
      );
      return created(view, true);
    }
    const { existing, own, level } = savedOver(actor, context.existing.record, context.location, fields, pathId);
    const view = await change(store, actor, existing, own, level, 'ordercloud-save', (v) => attach?.(created(v, false)));
    return created(view, false);
  });
}

/** Patch: the named fields change, `xp` is deep-merged, a new ID renames the record. */
export async function patchInventoryRecord(
  store: InventoryRecordStore,
  actor: Actor,
  owner: RecordOwner,
  recordId: string,
  patch: InventoryRecordPatch,
  attach?: Attach<InventoryRecordView>,
): Promise<InventoryRecordView> {
  return retrying(async () => {
    const context = await store.readInventoryRecordContext(actor.tenantId, owner, patch.addressId, recordId);
    requireOwners(context, owner);
    if (!context.existing) throw new NotFoundError('InventoryRecord', recordId);
    const { record: previous, address: previousAddress } = context.existing;
    const ownerId = patch.ownerId ?? previous.ownerId;
    const addressId = patch.addressId ?? previous.addressId;
    const address = requireAddress(patch.addressId === undefined ? previousAddress : context.location, addressId, ownerId);
    const own: OwnFields = {
      id: patch.id ?? previous.id,
      ownerId,
      allowAllBuyers: patch.allowAllBuyers ?? previous.allowAllBuyers,
      orderCanExceed: patch.orderCanExceed ?? previous.orderCanExceed,
      xp: patch.xp === undefined ? previous.xp : patch.xp === null ? {} : mergeXp(previous.xp, patch.xp),
    };
    // Bounded as merged: key by key, PATCHes could otherwise grow a record past what DynamoDB holds.
    if (patch.xp) requireJsonWithin('xp', own.xp, MAX_XP_BYTES);
    const level = { available: patch.quantityAvailable, reorderLevel: patch.notificationPoint };
    return change(store, actor, { record: previous, address }, own, level, 'ordercloud-patch', (v) => attach?.(v));
  });
}

/** Removes OrderCloud's name of the level: the record and its ID go, the stock stays in the ledger for the other APIs. */
export async function deleteInventoryRecord(
  store: InventoryRecordStore,
  actor: Actor,
  owner: RecordOwner,
  recordId: string,
  attach?: Attach<null>,
): Promise<void> {
  await retrying(async () => {
    const context = await store.readInventoryRecordContext(actor.tenantId, owner, undefined, recordId);
    requireOwners(context, owner);
    if (!context.existing) throw new NotFoundError('InventoryRecord', recordId);
    const previous = context.existing.record;
    const level = await readNamedLevel(store, previous);
    const names = level.orderCloudRecordIds.filter((name) => name !== previous.id);
    const moved = moveLevel(level, { names }, 'ordercloud-delete', previous.id, actor.subject);
    await store.writeLevelChange({ ...moved, previous }, attach?.(null));
  });
}

/** A new record at an address: a new level, or the name of the level there. */
async function createIn(
  store: InventoryRecordStore,
  actor: Actor,
  context: RecordContext & { location?: Location | undefined },
  owner: RecordOwner,
  fields: InventoryRecordFields & { id: string },
  reason: RecordReason,
  attach: Attach<InventoryRecordView>,
): Promise<InventoryRecordView> {
  const made = newRecord(actor, context, owner, fields, reason);
  if (await store.insertRecordLevel(made.view, made.level, made.created, made.item, attach?.(made.view))) return made.view;

  // The owner holds stock at this address already (made through another API): the record names that level.
  const { item, view } = made;
  const existing = await store.readLevelAt(actor.tenantId, owner, item.kind === 'existing' ? item.itemId : undefined, view.address.id);
  if (!existing) throw new ConcurrentChangeError('The level at this address went away since the create was refused');
  const named = naming(existing, made, fields, reason, actor.subject);
  await store.writeLevelChange(named, attach?.(named.next));
  return named.next;
}

/**
 * A Save or Patch of an existing record. Its own fields alone: the record is rewritten, its copy
 * of the level as read. A new ID, QuantityAvailable or NotificationPoint: a version of the level.
 */
async function change(
  store: InventoryRecordStore,
  actor: Actor,
  existing: InventoryRecordView,
  own: OwnFields,
  request: LevelRequest,
  reason: RecordReason,
  attach: (view: InventoryRecordView) => Attachment | undefined,
): Promise<InventoryRecordView> {
  const changing = changeOf(existing, own, request);
  if ('fields' in changing) {
    await store.replaceRecordFields(existing.record, changing.fields, attach(changing.fields));
    return changing.fields;
  }
  const level = await readNamedLevel(store, existing.record);
  const moved = movedRecord(level, existing, own, request, reason, actor.subject);
  await store.writeLevelChange(moved, attach(moved.next));
  return moved.next;
}

/**
 * The level a record names, at the version the record shows (else the record is read again): the
 * record's copy of it, which the write holds to that version; a record written before it carried
 * a copy reads the level.
 */
async function readNamedLevel(store: InventoryRecordStore, record: InventoryRecord): Promise<StockRecord> {
  if (record.stockRecordId === undefined) throw notMigrated(record);
  return namedLevel(record, record.ledger ?? (await store.readLevel(record.tenantId, record.stockRecordId)));
}
