import * as z from 'zod/mini';

/**
 * Medusa's answer to a removal, `{id, object, deleted: true}`, declared once for every delete route:
 * `schema` types and documents it (a route that also shows the parent extends it), `answer` words it.
 */
export function medusaDeleted<Object extends string, Id extends z.ZodMiniType = z.ZodMiniString>(
  object: Object,
  id: Id = z.string() as z.ZodMiniType as Id,
) {
  const schema = z.object({ id, object: z.literal(object), deleted: z.literal(true) });
  const answer = (removed: z.output<Id>) => ({ id: removed, object, deleted: true as const });
  return { schema, answer };
}
