import type { ImportResult } from '#shared/domain/catalogImport';
import type { GroupedOutcome } from '#shared/domain/catalogImportEntries';
import { BusinessRuleError, ConcurrentChangeError, ConflictError, NotFoundError, UnavailableError } from '#shared/domain/errors';

/**
 * The import's ledger entries decided one by one, as each entry's own write would decide, and
 * written many to a transaction: the entries are read together (few round trips), each is decided
 * over what was read (its refusal, `unchanged`, or its write, conditional on what was read), and the
 * writes go to the store together. An entry whose write found its data changed since the read is
 * read and decided again, as retryOnConcurrentChange would, up to ATTEMPTS times; the others stay written.
 */

export type Outcome = Pick<ImportResult, 'result' | 'reason'>;

/** An entry decided: its outcome without a write, or its write and the outcome once written. */
export type Decision<Change, Done extends Outcome = Outcome> = { outcome: Done } | { change: Change; written: Done };

/** `Done`: the outcome of an entry decided, which may say more than a refusal does (an item level's Medusa ID). */
export interface GroupedSteps<Wanted, Read, Change, Written, Done extends Outcome = Outcome> {
  /** What the entries need, read together, in their order. */
  read(wanted: Wanted[]): Promise<Read[]>;
  /** One entry decided over what was read; throws the rule's error to refuse it. */
  decide(wanted: Wanted, read: Read): Decision<Change, Done>;
  /** The entries' writes, together; each one's outcome in their order. */
  write(changes: Change[]): Promise<Written[]>;
  /** A write's outcome as the rule that refused it, if it names one (a missing product: NotFoundError). */
  refusedBy?(written: Written, wanted: Wanted): Error | undefined;
  /** Entries of one key go one after another (one level, one link): each pass takes the first pending of each key. */
  key(wanted: Wanted): string;
  /** A passing fault of the database: the import fails whole, with a retry. */
  transient(error: unknown): boolean;
}

/** Attempts at one entry while other writers keep changing what it reads (retryOnConcurrentChange's). */
const ATTEMPTS = 5;
/** The Retry-After of the error an entry gives up with, as retryOnConcurrentChange's. */
const RETRY_AFTER_SECONDS = 1;

export async function decideInGroups<Wanted, Read, Change, Written extends GroupedOutcome | string, Done extends Outcome = Outcome>(
  wanted: readonly Wanted[],
  steps: GroupedSteps<Wanted, Read, Change, Written, Done>,
): Promise<(Done | Outcome)[]> {
  const outcomes = new Array<Done | Outcome>(wanted.length);
  const attempts = new Array<number>(wanted.length).fill(0);
  let pending = wanted.map((_, index) => index);
  while (pending.length > 0) {
    // The first pending entry of each key goes now; the others wait for the next pass, unread.
    const taken = new Set<string>();
    const now = pending.filter((index) => {
      const key = steps.key(wanted[index]!);
      if (taken.has(key)) return false;
      taken.add(key);
      return true;
    });
    const going = new Set(now);
    const later = pending.filter((index) => !going.has(index));
    const again: number[] = [];
    const retry = (index: number) => {
      attempts[index]! += 1;
      if (attempts[index]! < ATTEMPTS) again.push(index);
      else outcomes[index] = refusal(new UnavailableError(RETRY_AFTER_SECONDS), steps.transient);
    };
    const reads = await steps.read(now.map((index) => wanted[index]!));
    const units: { index: number; change: Change; written: Done }[] = [];
    now.forEach((index, i) => {
      try {
        const decision = steps.decide(wanted[index]!, reads[i]!);
        if ('outcome' in decision) outcomes[index] = decision.outcome;
        else units.push({ index, ...decision });
      } catch (error) {
        if (error instanceof ConcurrentChangeError) retry(index);
        else outcomes[index] = refusal(error, steps.transient);
      }
    });
    const written = units.length === 0 ? [] : await steps.write(units.map((unit) => unit.change));
    written.forEach((outcome, i) => {
      const { index, written: done } = units[i]!;
      if (outcome === 'written') outcomes[index] = done;
      else if (outcome === 'changed') retry(index);
      else if (typeof outcome === 'object') outcomes[index] = refusal(outcome.failed, steps.transient);
      else
        outcomes[index] = refusal(
          steps.refusedBy?.(outcome, wanted[index]!) ?? new Error(`Refused by its ${outcome} item`),
          steps.transient,
        );
    });
    // In the entries' order, so that entries of one key keep theirs.
    pending = [...again, ...later].sort((a, b) => a - b);
  }
  return outcomes;
}

/**
 * A rule the write held is the entry's refusal, worded as the rule says it; a write that failed
 * for any other reason is reported as not written, and the import goes on (what it wrote before
 * stays reported as written: never a 500 with writes behind it). A passing fault is thrown.
 */
function refusal(error: unknown, transient: (error: unknown) => boolean): Outcome {
  if (error instanceof BusinessRuleError || error instanceof ConflictError || error instanceof NotFoundError)
    return { result: 'refused', reason: error.message };
  if (error instanceof ConcurrentChangeError)
    return { result: 'refused', reason: 'changed by another request during the import; import it again' };
  if (transient(error)) throw error;
  return {
    result: 'refused',
    reason: `not written: the store failed (${error instanceof Error ? error.name : 'Error'}); import it again`,
  };
}
