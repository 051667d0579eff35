import * as z from 'zod/mini';
import { responseSchema, type Entity } from '#functions/medusa/dialect/entity';
import { ALWAYS_SELECTED, project, type Selection } from '#functions/medusa/dialect/fields';

/** What a list query holds that its answer repeats: the selection each entity is shown in, and the page asked for. */
export interface PageQuery {
  fields: Selection;
  offset: number;
  limit: number;
}

/**
 * Medusa's answer to a list, `{<list>: [...], count, offset, limit}`, declared once for every list route:
 * `schema` types and documents it, `answer` shows one page of sources as the query selects them.
 */
export function medusaPage<List extends string, Source>(list: List, entity: Entity<Source>) {
  const entries = { [list]: z.array(responseSchema(entity, [ALWAYS_SELECTED])) } as {
    [Key in List]: z.ZodMiniArray<ReturnType<typeof responseSchema<Source>>>;
  };
  const schema = z.object({ ...entries, count: z.int(), offset: z.int(), limit: z.int() });
  const answer = (sources: readonly Source[], count: number, query: PageQuery): z.output<typeof schema> =>
    ({
      [list]: sources.map((source) => project(source, entity, query.fields)),
      count,
      offset: query.offset,
      limit: query.limit,
    }) as z.output<typeof schema>;
  return { schema, answer };
}
