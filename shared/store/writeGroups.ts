import { inBatches } from '#shared/domain/concurrency';
import { asUnavailable } from '#shared/store/faults';
import { TABLE } from '#shared/store/table';
import { commitRefusals, type NamedWrite, type WriteAction } from '#shared/store/transactions';

/**
 * Many units of writes (an import's entries, each all or nothing on its own) committed as few
 * transactions: each group is one TransactWriteItems of up to MAX_ACTIONS actions. A unit is
 * written whole or not at all, exactly as if it were its own transaction: its conditions stay in its
 * writes, and a cancelled group names, through CancellationReasons, the units whose conditions
 * refused it; those get their refusal and the rest of the group is committed again without them.
 * A group that fails for another reason (neither a condition nor a passing fault) splits in halves
 * until the unit at fault stands alone. A passing fault of the database is thrown, as a single write's would be.
 */

/**
 * A group's limits: TransactWriteItems takes up to 100 actions, and 4 MB (the estimate, the actions'
 * JSON, leaves room for DynamoDB's own sizing). A unit larger than the limits goes alone. Tests lower
 * `actions` to 1 to write the same units one transaction each, as the entry-by-entry import did.
 */
export const GROUP_LIMITS = { actions: 100, bytes: 3_000_000 };
/** Groups in flight at once: as many as the import's single writes were. */
const CONCURRENCY = 16;

export type UnitOutcome<Name extends string> = { written: true } | { refused: Name } | { failed: unknown };

type Unit<Name extends string> = { index: number; writes: NamedWrite<Name>[] };

/**
 * Commits every unit and answers each one's outcome, in the units' order: written, refused by its
 * first write (in its own order) whose condition failed, or failed (DynamoDB refused it for another
 * reason). Units that write the same item go in successive rounds, in the units' order, as one
 * after another they would; a counter that only adds (`ADD x :by`, see mergeKey) is shared instead:
 * one action per group carries the sum of its units' additions, and so is an identical check: one
 * action per group checks for all its units.
 */
export async function commitInGroups<Name extends string>(units: NamedWrite<Name>[][]): Promise<UnitOutcome<Name>[]> {
  const outcomes = new Array<UnitOutcome<Name>>(units.length);
  for (const round of rounds(units)) {
    const groups = pack(round);
    await inBatches(groups, CONCURRENCY, (group) => commitGroup(group, outcomes));
  }
  return outcomes;
}

/** Units in rounds: a unit writing an item an earlier unit writes waits for the round after that unit's. */
function rounds<Name extends string>(units: NamedWrite<Name>[][]): Unit<Name>[][] {
  const anyWrite = new Map<string, number>();
  const plainWrite = new Map<string, number>();
  const result: Unit<Name>[][] = [];
  units.forEach((writes, index) => {
    let round = 0;
    for (const { action } of writes) {
      const key = itemKey(action);
      const after = mergeKey(action) === undefined ? anyWrite.get(key) : plainWrite.get(key);
      if (after !== undefined) round = Math.max(round, after + 1);
    }
    for (const { action } of writes) {
      const key = itemKey(action);
      anyWrite.set(key, Math.max(anyWrite.get(key) ?? 0, round));
      if (mergeKey(action) === undefined) plainWrite.set(key, Math.max(plainWrite.get(key) ?? 0, round));
    }
    (result[round] ??= []).push({ index, writes });
  });
  return result.filter((round) => round !== undefined);
}

/** A round's units, in order, into groups within the action and size limits (a shared counter counts once). */
function pack<Name extends string>(units: Unit<Name>[]): Unit<Name>[][] {
  const groups: Unit<Name>[][] = [];
  let group: Unit<Name>[] = [];
  let merged = new Set<string>();
  let actions = 0;
  let bytes = 0;
  for (const unit of units) {
    const shared = unit.writes.filter(({ action }) => merged.has(mergeKey(action) ?? ''));
    const added = unit.writes.length - shared.length;
    const size = unit.writes.reduce((sum, { action }) => sum + JSON.stringify(action).length, 0);
    if (group.length > 0 && (actions + added > GROUP_LIMITS.actions || bytes + size > GROUP_LIMITS.bytes)) {
      groups.push(group);
      group = [];
      merged = new Set();
      actions = 0;
      bytes = 0;
    }
    group.push(unit);
    for (const { action } of unit.writes) {
      const key = mergeKey(action);
      if (key === undefined || !merged.has(key)) actions += 1;
      if (key !== undefined) merged.add(key);
    }
    bytes += size;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/** One group, committed until every unit of it is written, refused or failed. */
async function commitGroup<Name extends string>(units: Unit<Name>[], outcomes: UnitOutcome<Name>[]): Promise<void> {
  let pending = units;
  while (pending.length > 0) {
    const { actions, owners } = transaction(pending);
    let refused: number[];
    try {
      refused = await commitRefusals(actions);
    } catch (error) {
      if (asUnavailable(error) !== undefined) throw error;
      if (pending.length === 1) {
        outcomes[pending[0]!.index] = { failed: error };
        return;
      }
      const half = Math.ceil(pending.length / 2);
      await inBatches([pending.slice(0, half), pending.slice(half)], 2, (part) => commitGroup(part, outcomes));
      return;
    }
    if (refused.length === 0) {
      for (const unit of pending) outcomes[unit.index] = { written: true };
      return;
    }
    // Each unit refused by any of its writes gets the first of them, in its own order (as commit() names one).
    const first = new Map<Unit<Name>, number>();
    for (const actionIndex of refused) {
      for (const { unit, write } of owners[actionIndex]!) first.set(unit, Math.min(first.get(unit) ?? write, write));
    }
    for (const [unit, write] of first) outcomes[unit.index] = { refused: unit.writes[write]!.name };
    pending = pending.filter((unit) => !first.has(unit));
  }
}

/** The group's actions, counters shared, and for each action the units (and which of their writes) it carries. */
function transaction<Name extends string>(units: Unit<Name>[]) {
  const actions: WriteAction[] = [];
  const owners: { unit: Unit<Name>; write: number }[][] = [];
  const sharedAt = new Map<string, number>();
  for (const unit of units) {
    unit.writes.forEach(({ action }, write) => {
      const key = mergeKey(action);
      const at = key === undefined ? undefined : sharedAt.get(key);
      if (at === undefined) {
        if (key !== undefined) sharedAt.set(key, actions.length);
        actions.push(action);
        owners.push([{ unit, write }]);
        return;
      }
      // The same check twice is one check; two additions to one counter are one adding their sum.
      const update = actions[at]!.Update;
      if (update) {
        const values = update.ExpressionAttributeValues!;
        const by = Number(values[':by']) + Number(action.Update!.ExpressionAttributeValues![':by']);
        actions[at] = { Update: { ...update, ExpressionAttributeValues: { ...values, ':by': by } } };
      }
      owners[at]!.push({ unit, write });
    });
  }
  return { actions, owners };
}

/** The item an action writes, as one string. */
function itemKey(action: WriteAction): string {
  const { Put, Update, Delete, ConditionCheck } = action;
  const key = (Put?.Item ?? Update?.Key ?? Delete?.Key ?? ConditionCheck?.Key)!;
  const table = Put?.TableName ?? Update?.TableName ?? Delete?.TableName ?? ConditionCheck?.TableName;
  return `${table}\u0000${String(key[TABLE.partitionKey])}\u0000${String(key[TABLE.sortKey])}`;
}

/**
 * Two actions that only add to one counter under one condition (`ADD x :by`, after the same
 * `SET` of fixed values if any, as a count item that names its type) are the same as one adding
 * their sum; two identical checks of one item (a product many links of the import check) are one
 * check: the key under which they merge, or undefined for any other action.
 */
function mergeKey(action: WriteAction): string | undefined {
  const check = action.ConditionCheck;
  if (check)
    return JSON.stringify([
      itemKey(action),
      'check',
      check.ConditionExpression,
      check.ExpressionAttributeNames,
      check.ExpressionAttributeValues,
    ]);
  const update = action.Update;
  const expression = update?.UpdateExpression ?? '';
  const added = /^(SET (.+) )?ADD \w+ :by$/.exec(expression);
  if (!update || !added || /:by\b/.test(added[2] ?? '')) return undefined;
  const { ':by': _by, ...values } = update.ExpressionAttributeValues ?? {};
  return JSON.stringify([itemKey(action), update.UpdateExpression, update.ConditionExpression, update.ExpressionAttributeNames, values]);
}
