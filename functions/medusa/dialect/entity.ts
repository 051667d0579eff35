/**
 * How the Medusa entities our responses show are declared, each once (in entities.ts). An entity is shown from a *source*:
 * the domain data it is computed from (the variant with its links, one inventory item, ...). Each
 * property, in Medusa's order, says how it is computed from that source and how the response
 * documents it:
 * - `value(schema, compute)`: `compute` must return what `schema` describes (checked by the compiler);
 * - `nothing(schema)`: a value the catalog does not hold, always null;
 * - `many`, `one`, `oneOrNull`: a relation, with the source of each related entity. It is documented
 *   with the related entity's own schema, or as `'plain'` object where that would repeat an
 *   enclosing entity (back-references) or describe one the catalog does not hold.
 * From these declarations `fields` (fields.ts) checks requested paths and computes the selected
 * properties, and `responseSchema` builds the zod schema that types and documents the response.
 */
import * as z from 'zod/mini';
import type { Property, Shape } from '#functions/medusa/dialect/fields';

/** A Medusa entity shown from a `Source`. */
export interface Entity<Source> extends Shape {
  properties: Readonly<Record<string, EntityProperty<Source>>>;
}

/** A schema is built when asked for, as a relation's target may be declared further down. */
export type EntityProperty<Source> = Property<Source> & { schema(): z.ZodMiniType };

/** How a relation documents the entities it leads to: with their own schema, or as any object. */
type Documentation = 'nested' | 'plain';

export const anyObject = z.record(z.string(), z.unknown());

export const value = <Source, Schema extends z.ZodMiniType>(
  schema: Schema,
  compute: (source: Source) => z.output<Schema>,
): EntityProperty<Source> => ({
  kind: 'value',
  compute,
  schema: () => schema,
});

export const nothing = (schema: z.ZodMiniType) => value(z.nullable(schema), () => null);

const relatedSchema = <Target>(target: () => Entity<Target>, as: Documentation) => (as === 'plain' ? anyObject : responseSchema(target()));

export const many = <Source, Target>(
  target: () => Entity<Target>,
  sources: (source: Source) => readonly NoInfer<Target>[],
  as: Documentation = 'nested',
): EntityProperty<Source> => ({
  kind: 'relation',
  many: true,
  target,
  sources,
  schema: () => z.array(relatedSchema(target, as)),
});

export const one = <Source, Target>(
  target: () => Entity<Target>,
  source: (source: Source) => NoInfer<Target>,
  as: Documentation = 'nested',
): EntityProperty<Source> => ({
  kind: 'relation',
  many: false,
  target,
  sources: source,
  schema: () => relatedSchema(target, as),
});

export const oneOrNull = <Source, Target>(
  target: () => Entity<Target>,
  source: (source: Source) => NoInfer<Target> | null,
  as: Documentation = 'nested',
): EntityProperty<Source> => ({
  kind: 'relation',
  many: false,
  target,
  sources: source,
  schema: () => z.nullable(relatedSchema(target, as)),
});

/** The zod schema of an entity as a response shows it. Properties are optional, as `fields` picks them, except the `required` ones. */
export function responseSchema<Source>(entity: Entity<Source>, required: readonly string[] = []) {
  return z.object(
    Object.fromEntries(
      Object.entries(entity.properties).map(([name, property]) => [
        name,
        required.includes(name) ? property.schema() : z.optional(property.schema()),
      ]),
    ),
  );
}

/** An entity the catalog does not hold: its lists are always empty, so only its property names matter, for `fields`. */
export const notHeld = (entity: string, names: readonly string[]): Entity<never> => ({
  entity,
  properties: Object.fromEntries(names.map((name) => [name, value(z.unknown(), () => null)])),
});
