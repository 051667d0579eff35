import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { DeleteCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Attachment } from '#shared/domain/attachment';
import { documentClient } from '#shared/store/client';

/** One action of a TransactWriteItems call. */
export type WriteAction = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A write, named so that a refusal can be traced back to the item that caused it. */
export interface NamedWrite<Name extends string> {
  name: Name;
  action: WriteAction;
}

/**
 * An attachment as the store builds it (see shared/store/idempotency): one more action for
 * the transaction, what to throw when its own condition refuses the write, and a flag the
 * caller reads afterwards to know the attachment was committed.
 */
export interface StoreAttachment extends Attachment {
  action: WriteAction;
  refused(): Error;
  committed: boolean;
}

/** A transaction cancelled only by concurrent transactions on the same items is tried again, this many times in all. */
const ATTEMPTS = 6;

/**
 * Commits the writes (and the attachment, if any) all or nothing. Returns the name of the
 * write whose condition refused it, or undefined when everything was written. A single
 * write without an attachment goes as a plain conditional Put/Update/Delete (half the cost
 * of a transaction); anything else as one TransactWriteItems.
 */
export async function commit<Name extends string>(writes: NamedWrite<Name>[], attachment?: Attachment): Promise<Name | undefined> {
  const attached = attachment as StoreAttachment | undefined;
  const single = writes.length === 1 && !attached ? writes[0] : undefined;
  if (single) return commitSingle(single);

  const named: NamedWrite<Name | typeof ATTACHED>[] = [...writes, ...(attached ? [{ name: ATTACHED, action: attached.action }] : [])];
  for (let attempt = 1; ; attempt++) {
    try {
      await documentClient().send(new TransactWriteCommand({ TransactItems: named.map((write) => write.action) }));
      if (attached) attached.committed = true;
      return undefined;
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons) throw error;
      const refused = named.find((_, index) => reasons[index] === 'ConditionalCheckFailed');
      if (refused?.name === ATTACHED) throw attached!.refused();
      if (refused) return refused.name as Name;
      if (attempt >= ATTEMPTS || !onlyConflicts(reasons)) throw error;
      await pause(attempt);
    }
  }
}

const ATTACHED = '(attachment)' as const;

/**
 * Commits the actions as one TransactWriteItems, all or nothing, as commit() does (a cancellation
 * caused only by concurrent transactions is tried again), and answers the index of every action
 * whose condition refused it: empty when everything was written. The import's groups map each
 * index back to the entry that owns the action (see shared/store/writeGroups).
 */
export async function commitRefusals(actions: WriteAction[]): Promise<number[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      await documentClient().send(new TransactWriteCommand({ TransactItems: actions }));
      return [];
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons) throw error;
      const refused = reasons.flatMap((code, index) => (code === 'ConditionalCheckFailed' ? [index] : []));
      if (refused.length > 0) return refused;
      if (attempt >= ATTEMPTS || !onlyConflicts(reasons)) throw error;
      await pause(attempt);
    }
  }
}

async function commitSingle<Name extends string>(write: NamedWrite<Name>): Promise<Name | undefined> {
  const { Put, Update, Delete } = write.action;
  try {
    if (Put) await documentClient().send(new PutCommand(Put));
    else if (Update) await documentClient().send(new UpdateCommand(Update));
    else if (Delete) await documentClient().send(new DeleteCommand(Delete));
    else throw new Error('A single write must be a Put, an Update or a Delete');
    return undefined;
  } catch (error) {
    if (isConditionFailure(error)) return write.name;
    throw error;
  }
}

/** True when DynamoDB refused a write because its condition expression did not hold. */
export function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/**
 * For a cancelled transaction, the reason code of each action in order ('None' where it
 * passed). Undefined for any other error. The only place that reads CancellationReasons.
 */
export function cancellationReasons(error: unknown): string[] | undefined {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return undefined;
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.map((reason) => reason.Code ?? 'None');
}

/** Codes that mean "another request touched these items" or "too fast": retryable, not a refusal. */
const TRANSIENT_REASONS = new Set(['TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded']);

/** A cancellation caused only by concurrency or throttling, never by a condition. */
export function onlyConflicts(reasons: readonly string[]): boolean {
  const failed = reasons.filter((code) => code !== 'None');
  return failed.length > 0 && failed.every((code) => TRANSIENT_REASONS.has(code));
}

/** Jittered, growing pause, so that colliding writers spread out. */
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** attempt));
