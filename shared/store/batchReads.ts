import { sideBySide } from '#shared/domain/concurrency';
import { getMany } from '#shared/store/batch';
import { documentClient, tableName } from '#shared/store/client';
import type { Key } from '#shared/store/keys';

type Item = Record<string, unknown>;

/** BatchGetItem's limit of keys to a call. */
const KEYS_PER_CALL = 100;

/**
 * Any number of items read consistently, in the order of `wanted` (undefined where absent): each key
 * once, 100 to a BatchGet, the calls side by side. One round trip, whatever the number of keys.
 */
export async function readKeys(wanted: readonly Key[]): Promise<(Item | undefined)[]> {
  const id = (key: Key) => `${key.pk}\u0000${key.sk}`;
  const unique = [...new Map(wanted.map((key) => [id(key), key])).values()];
  const batches = Array.from({ length: Math.ceil(unique.length / KEYS_PER_CALL) }, (_, i) =>
    unique.slice(i * KEYS_PER_CALL, (i + 1) * KEYS_PER_CALL),
  );
  const found = await sideBySide(batches.map((batch) => getMany(documentClient(), tableName(), batch)));
  const byId = new Map(batches.flatMap((batch, i) => batch.map((key, j) => [id(key), found[i]![j]] as const)));
  return wanted.map((key) => byId.get(id(key)));
}
