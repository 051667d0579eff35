import { documentClient } from '#shared/store/client';
import { itemsOfType } from '#test/support/tenants';

/**
 * What a list's cost tests hold it to: the items it read, and the items it should have counted.
 */

export type StoreRead = { command: string; scanned: number };

/**
 * Records what the store reads while `run` runs: each call's command and the items its Query
 * examined (ScannedCount), in the order the calls came back.
 */
export function storeReadRecorder() {
  const reads: StoreRead[] = [];
  let on = false;
  documentClient().middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (on) reads.push({ command: context.commandName ?? '', scanned: (result.output as { ScannedCount?: number }).ScannedCount ?? 0 });
      return result;
    },
    { step: 'initialize', name: `storeReads${Math.random()}` },
  );
  return async (run: () => Promise<unknown>) => {
    reads.length = 0;
    on = true;
    await run();
    on = false;
    return [...reads];
  };
}

/** The items each Query examined, in order. */
export const queryScans = (reads: readonly StoreRead[]) =>
  reads.filter((read) => read.command === 'QueryCommand').map((read) => read.scanned);

/** The items every Query examined, together. */
export const queried = (reads: readonly StoreRead[]) => queryScans(reads).reduce((sum, scanned) => sum + scanned, 0);

/** The tenant's stored items of `type` whose fields are `fields`, counted the slow way: what a kept count must say. */
export const storedCount = async (tenantId: string, type: string, fields: Record<string, unknown>) =>
  (await itemsOfType(tenantId, type)).filter((item) => Object.entries(fields).every(([name, value]) => item[name] === value)).length;
