import * as z from 'zod/mini';
import type { Key } from '#shared/store/keys';
import { TABLE, type EntityType } from '#shared/store/table';

export function toItem<T extends object>(type: EntityType, key: Key, entity: T): Record<string, unknown> {
  return { ...entity, ...key, [TABLE.typeAttribute]: type };
}

/**
 * Reads an item back as its entity: the entity's schema checks the stored shape (and
 * drops the key and type attributes), so a stored item and its type cannot drift apart
 * unnoticed. A mismatch is a defect, answered as a masked 500 and logged.
 */
export function fromItem<T>(schema: z.ZodMiniType<T>, item: Record<string, unknown>): T {
  const parsed = z.safeParse(schema, item);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(item)'}: ${issue.message}`);
  throw new Error(
    `Stored ${String(item[TABLE.typeAttribute])} at ${String(item.pk)} / ${String(item.sk)} does not match its schema: ${problems.join('; ')}`,
  );
}
