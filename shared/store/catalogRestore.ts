import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { refusedItem, storedItemId } from '#shared/domain/catalogRestore';
import type { CatalogRestoreStore, PlannedItem, RestoredItem as ImportResult } from '#shared/domain/catalogRestoreTypes';
import { inBatches } from '#shared/domain/concurrency';
import type { RestoreSource } from '#shared/domain/catalogRestoreTypes';
import { getMany } from '#shared/store/batch';
import { asUnavailable } from '#shared/store/faults';
import { documentClient, tableName } from '#shared/store/client';
import { itemKey, refusal, retarget, sameItem } from '#shared/store/catalogRestoreItems';
import { withLevelAtKeys } from '#shared/store/itemsAtLocation';
import { keys, type Key } from '#shared/store/keys';
import { ENTITY, TABLE } from '#shared/store/table';
import { cancellationReasons, onlyConflicts, type WriteAction } from '#shared/store/transactions';

type Item = Record<string, unknown>;

/** Puts per transaction, beside the check of the restore's marker (DynamoDB takes 100 actions). */
const PER_TRANSACTION = 99;
const CONCURRENCY = 8;
const ATTEMPTS = 6;

/**
 * A restore's writes. The marker (beside the tenant's settings, read by no route) names the export
 * being restored: it is put only while the tenant has no settings, and every transaction of stored
 * items checks it, so items of another export, or a restore into a tenant that holds data, are never written.
 */
export const catalogRestoreStore: CatalogRestoreStore = {
  async claim(tenantId, source, now) {
    const TableName = tableName();
    const marker = keys.restoreMarker(tenantId);
    try {
      await documentClient().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName,
                Item: { ...marker, [TABLE.typeAttribute]: ENTITY.RestoreMarker, ...source, startedAt: now },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            { ConditionCheck: { TableName, Key: keys.tenant(tenantId), ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      );
      return true;
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons || onlyConflicts(reasons)) throw error;
    }
    // Not started now: a restore of this same export is under way (a later page, a resumed run), or the tenant holds data.
    const { Item } = await documentClient().send(new GetCommand({ TableName, Key: marker, ConsistentRead: true }));
    return Item?.sourceTenantId === source.sourceTenantId && Item?.exportId === source.exportId;
  },

  async write(tenantId, source, groups) {
    const results: ImportResult[] = [];
    const wanted: Planned[][] = [];
    const seen = new Map<string, Item>();
    for (const [g, group] of groups.entries()) {
      const moved = group.items.map(({ path, item }) => ({ path, item: withLevelAtKeys(retarget(item, source.sourceTenantId, tenantId)) }));
      // A group is written whole or not at all: one item that may not be written refuses it before anything is.
      const bad = moved.map((planned) => ({ planned, reason: refusal(planned.item, tenantId) })).find(({ reason }) => reason);
      if (bad) {
        results.push(...moved.map((planned) => refusedItem(planned, `${bad.planned.path}: ${bad.reason}`)));
        continue;
      }
      const kept: Planned[] = [];
      for (const planned of moved) {
        const twin = seen.get(itemKey(planned.item));
        if (twin) results.push(outcome(planned, sameItem(twin, planned.item) ? 'unchanged' : 'refused', 'given twice'));
        else {
          seen.set(itemKey(planned.item), planned.item);
          kept.push({ ...planned, group: g });
        }
      }
      wanted.push(kept);
    }
    const batches = packed(wanted);
    const written = await inBatches(batches, CONCURRENCY, (batch) => notFailing(batch, () => writeBatch(tenantId, source, batch)));
    return [...results, ...written.flat()];
  },
};

/**
 * Puts the items, each only where its key is free, with the marker checked. An item whose key is
 * taken is read: the same item is unchanged (a resumed restore), another one is refused; the rest
 * are put again without it.
 */
async function writeBatch(tenantId: string, source: RestoreSource, batch: Planned[]): Promise<ImportResult[]> {
  const TableName = tableName();
  const results: ImportResult[] = [];
  let pending = batch;
  for (let attempt = 1; pending.length > 0; attempt++) {
    const markerCheck: WriteAction = {
      ConditionCheck: {
        TableName,
        Key: keys.restoreMarker(tenantId),
        ConditionExpression: 'sourceTenantId = :source AND exportId = :export',
        ExpressionAttributeValues: { ':source': source.sourceTenantId, ':export': source.exportId },
      },
    };
    const puts: WriteAction[] = pending.map(({ item }) => ({
      Put: { TableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' },
    }));
    try {
      await documentClient().send(new TransactWriteCommand({ TransactItems: [markerCheck, ...puts] }));
      return [...results, ...pending.map((planned) => outcome(planned, 'created'))];
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons) throw error;
      if (reasons[0] === 'ConditionalCheckFailed')
        return [...results, ...pending.map((planned) => refusedItem(planned, 'the tenant is no longer being restored from this export'))];
      const taken = pending.filter((_, i) => reasons[i + 1] === 'ConditionalCheckFailed');
      if (taken.length === 0) {
        if (attempt >= ATTEMPTS || !onlyConflicts(reasons)) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** attempt));
        continue;
      }
      const stored = await getMany(
        documentClient(),
        TableName,
        taken.map(({ item }) => keyOf(item)),
      );
      // The same item (a resumed run) is unchanged; another one refuses its whole group, none of which is written.
      const conflicts = new Map<number, string>();
      taken.forEach((planned, i) => {
        const held = stored[i];
        if (held && sameItem(held, planned.item)) results.push(outcome(planned, 'unchanged'));
        else conflicts.set(planned.group, `${planned.path}: another item is stored at its key`);
      });
      for (const planned of pending) {
        const conflict = conflicts.get(planned.group);
        if (conflict !== undefined) results.push(outcome(planned, 'refused', conflict));
      }
      pending = pending.filter((planned) => !taken.includes(planned) && !conflicts.has(planned.group));
    }
  }
  return results;
}

/**
 * A batch DynamoDB refuses for a reason no rule names is reported as not written, and the restore
 * goes on: what was written stays reported, and the answer is never a 500 with writes behind it. A
 * passing fault (throttled, unavailable) fails the request with a 503: sent again, it converges.
 */
async function notFailing(batch: PlannedItem[], write: () => Promise<ImportResult[]>): Promise<ImportResult[]> {
  try {
    return await write();
  } catch (error) {
    if (asUnavailable(error) !== undefined) throw error;
    const reason = `not written: the store failed (${error instanceof Error ? error.name : 'Error'}); import it again`;
    return batch.map((planned) => refusedItem(planned, reason));
  }
}

/** A stored item with the index of its group: a group is written all or nothing. */
type Planned = PlannedItem & { group: number };

/**
 * The groups in transactions of at most PER_TRANSACTION items, each group whole in one of them, so
 * that it is written all or nothing; only a larger group (a long history, a big product) is split.
 */
function packed(groups: Planned[][]): Planned[][] {
  const batches: Planned[][] = [];
  let current: Planned[] = [];
  for (const group of groups) {
    if (current.length + group.length > PER_TRANSACTION && current.length > 0) {
      batches.push(current);
      current = [];
    }
    if (group.length > PER_TRANSACTION) {
      for (let i = 0; i < group.length; i += PER_TRANSACTION) batches.push(group.slice(i, i + PER_TRANSACTION));
    } else current.push(...group);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

const keyOf = (item: Item): Key => ({ pk: String(item[TABLE.partitionKey]), sk: String(item[TABLE.sortKey]) });

function outcome({ path, item }: PlannedItem, result: ImportResult['result'], reason?: string): ImportResult {
  return { path, entity: 'stored', id: storedItemId(item), result, ...(result === 'refused' && reason ? { reason } : {}) };
}
