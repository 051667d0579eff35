import { failedWrite, type CatalogEntry, type EntryOutcome } from '#shared/domain/catalogImport';
import { sideBySide } from '#shared/domain/concurrency';
import { getMany } from '#shared/store/batch';
import { entryRefusal, entryWrites, keptChanging, type EntryWriteName } from '#shared/store/catalogImportWrites';
import { placement, type ImportContext } from '#shared/store/catalogPlacement';
import { keyOf } from '#shared/store/catalogUpsert';
import { documentClient, tableName } from '#shared/store/client';
import type { Key } from '#shared/store/keys';
import type { NamedWrite } from '#shared/store/transactions';
import { commitInGroups } from '#shared/store/writeGroups';

type Item = Record<string, unknown>;
type Upserted = Exclude<CatalogEntry, { entity: 'merchantApiKey' }>;

/** Attempts at one entry when other writers keep changing it between the read and the write. */
const ATTEMPTS = 4;

/** A key as one string, to find an item read in a batch. */
export const keyId = (key: Key) => `${key.pk}\u0000${key.sk}`;

/**
 * The import's entries, upserted as today one by one would, but written many to a transaction
 * (see writeGroups): each entry's writes are built over its item as read (the session's snapshot
 * first), so its revision, guards and product count are conditions inside the group's transaction.
 * Variants go after everything else, as each went after its product: a new variant counts on its
 * product, which the first wave may create or retype. An entry refused because its item changed
 * since it was read is read again and retried, up to ATTEMPTS times, with the others refused alike.
 */
export async function upsertInGroups(
  context: ImportContext,
  entries: readonly Upserted[],
  snapshot: ReadonlyMap<string, Item | undefined>,
): Promise<EntryOutcome[]> {
  const outcomes = new Array<EntryOutcome>(entries.length);
  const indexes = entries.map((_, index) => index);
  const variants = indexes.filter((index) => entries[index]!.entity === 'variant');
  const others = indexes.filter((index) => entries[index]!.entity !== 'variant');
  for (const wave of [others, variants]) {
    if (wave.length > 0) await upsertWave(context, entries, wave, snapshot, outcomes);
  }
  return outcomes;
}

async function upsertWave(
  context: ImportContext,
  entries: readonly Upserted[],
  wave: number[],
  snapshot: ReadonlyMap<string, Item | undefined>,
  outcomes: EntryOutcome[],
): Promise<void> {
  const keyOfEntry = (index: number) => keyOf(placement(context, entries[index]!));
  let pending = wave;
  let stored = new Map(pending.map((index) => [index, snapshot.get(keyId(keyOfEntry(index)))]));
  for (let attempt = 1; attempt <= ATTEMPTS && pending.length > 0; attempt++) {
    // The snapshot serves the first attempt only; an item that changed since is read again.
    if (attempt > 1) stored = await readAgain(pending, keyOfEntry);
    const units: { index: number; writes: NamedWrite<EntryWriteName>[]; created: boolean }[] = [];
    for (const index of pending) {
      const built = entryWrites(context, entries[index]!, stored.get(index));
      if ('outcome' in built) outcomes[index] = built.outcome;
      else units.push({ index, ...built });
    }
    const committed = await commitInGroups(units.map((unit) => unit.writes));
    const again: number[] = [];
    committed.forEach((outcome, i) => {
      const { index, created } = units[i]!;
      if ('written' in outcome) outcomes[index] = { result: created ? 'created' : 'updated' };
      else if ('failed' in outcome) outcomes[index] = { result: 'refused', reason: failedWrite(outcome.failed) };
      else {
        const refusal = entryRefusal(entries[index]!, outcome.refused);
        if (refusal) outcomes[index] = refusal;
        else again.push(index);
      }
    });
    pending = again;
  }
  for (const index of pending) outcomes[index] = keptChanging;
}

/** The entries' items read again, consistently, 100 keys to a BatchGet, side by side. */
async function readAgain(pending: number[], keyOfEntry: (index: number) => Key): Promise<Map<number, Item | undefined>> {
  const batches = Array.from({ length: Math.ceil(pending.length / 100) }, (_, i) => pending.slice(i * 100, i * 100 + 100));
  const found = await sideBySide(batches.map((batch) => getMany(documentClient(), tableName(), batch.map(keyOfEntry))));
  return new Map(batches.flatMap((batch, i) => batch.map((index, j) => [index, found[i]![j]] as const)));
}
