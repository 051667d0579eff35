/**
 * Medusa's `fields` query parameter: which properties of an entity, and of its
 * relations, a response carries. Same parsing rules as Medusa's FieldParser.
 */

/**
 * An entity's properties in response order, each computed from the entity's source (the domain data
 * it shows): a value directly, a relation as the sources of the related entities, a list or one (or null).
 */
export interface Shape {
  entity: string;
  properties: Readonly<Record<string, Property>>;
}

/** Sources are `unknown` here: entities.ts types each entity's source, and the method syntax lets those entities fit. */
export type Property<Source = unknown> =
  | { kind: 'value'; compute(source: Source): unknown }
  | { kind: 'relation'; target(): Shape; many: true; sources(source: Source): readonly unknown[] }
  | { kind: 'relation'; target(): Shape; many: false; sources(source: Source): unknown };

/** What to keep of one entity: some values (or all with `star`), and some relations. */
export interface Selection {
  star: boolean;
  values: Set<string>;
  relations: Map<string, Selection>;
  /** Values shown as null whatever the source holds: Medusa's sums where its query reads no levels. */
  nulls?: Set<string>;
}

/** A requested path nested too deep. */
export class FieldSelectionError extends Error {}

/** Relations nest at most this deep (`inventory_items.inventory.location_levels.inventory_item.id` is 5), so cyclic relations cannot blow a response up. */
export const MAX_FIELD_DEPTH = 6;

/** The field every request gets, even one that asks to remove it. */
export const ALWAYS_SELECTED = 'id';

const isStar = (field: string) => field.startsWith('*') || field.endsWith('.*');
const stripModifier = (field: string) => field.replace(/^[+ \t-]+/, '').trim();

/**
 * The field list a request asks for, from Medusa's rules: without `fields`, the defaults;
 * if any entry has no prefix (`+`, `-`, a space for a URL-decoded `+`, or a `*` relation),
 * the entries replace the defaults; otherwise `+x` adds and `-x` removes `x` and all under
 * it. `id` is always kept once `fields` is given. `*rel` and `rel.*` select a relation.
 */
export function requestedFields(fields: string | undefined, defaults: readonly string[]): string[] {
  if (fields === undefined) return [...defaults];
  const custom = fields.split(',').filter(Boolean);
  const replace =
    custom.length === 0 ||
    custom.some((field) => !(field.startsWith('-') || field.startsWith('+') || field.startsWith(' ') || isStar(field)));
  let all: Set<string>;
  if (replace) {
    all = new Set(custom.map(stripModifier));
  } else {
    all = new Set(defaults);
    for (const field of custom) {
      if (field.startsWith('+') || field.startsWith(' ')) {
        all.add(stripModifier(field));
      } else if (field.startsWith('-')) {
        const name = stripModifier(field);
        for (const current of [...all]) {
          const bare = current.replace(/^\*/, '');
          if (bare === name || bare.startsWith(`${name}.`)) all.delete(current);
        }
      } else {
        all.add(field);
      }
    }
  }
  all.add(ALWAYS_SELECTED);
  return [...all];
}

/**
 * Turns field paths into a selection tree, checking each against the entity's shape. A path
 * the entity does not have is dropped, as Medusa drops it; only a path nested too deep fails.
 */
export function selectionOf(fields: readonly string[], shape: Shape): Selection {
  const root = emptySelection();
  for (const field of fields) {
    const star = isStar(field);
    const path = star ? field.replace(/(^\*|\.\*$)/, '') : field;
    const segments = path.split('.');
    if (segments.length > MAX_FIELD_DEPTH)
      throw new FieldSelectionError(`Field '${field}' is nested deeper than ${MAX_FIELD_DEPTH} levels`);
    const steps = resolve(segments, shape, star);
    if (!steps) continue;
    let selection = root;
    steps.forEach(({ segment, relation, many }, index) => {
      if (!relation) {
        selection.values.add(segment);
        return;
      }
      const last = index === steps.length - 1;
      // A relation named bare (`rel`, not `*rel`) brings no values in Medusa 2.21.2: a list is left out, a single one shows its id.
      if (last && !star && many) return;
      let next = selection.relations.get(segment);
      if (!next) selection.relations.set(segment, (next = emptySelection()));
      // `*rel` and `rel.*` bring all its values.
      if (last && star) next.star = true;
      else if (last) next.values.add(ALWAYS_SELECTED);
      selection = next;
    });
  }
  return root;
}

/** The path's segments, each marked as a relation or a value; undefined if the shape has no such path. */
function resolve(
  segments: readonly string[],
  shape: Shape,
  star: boolean,
): { segment: string; relation: boolean; many: boolean }[] | undefined {
  const steps: { segment: string; relation: boolean; many: boolean }[] = [];
  let current = shape;
  for (const [index, segment] of segments.entries()) {
    const property = Object.hasOwn(current.properties, segment) ? current.properties[segment] : undefined;
    if (property === undefined) return undefined;
    if (property.kind === 'value') {
      if (index < segments.length - 1 || star) return undefined;
      steps.push({ segment, relation: false, many: false });
    } else {
      steps.push({ segment, relation: true, many: property.many });
      current = property.target();
    }
  }
  return steps;
}

/** Computes what the selection asks for from the entity's source, in the shape's order. */
export function project(source: unknown, shape: Shape, selection: Selection): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(shape.properties)) {
    if (property.kind === 'value') {
      if (selection.nulls?.has(name)) {
        out[name] = null;
      } else if (selection.star || selection.values.has(name)) {
        // A value the route does not compute (undefined) is left out.
        const computed = property.compute(source);
        if (computed !== undefined) out[name] = computed;
      }
      continue;
    }
    const nested = selection.relations.get(name);
    if (!nested) continue;
    const target = property.target();
    if (property.many) {
      out[name] = property.sources(source).map((related) => project(related, target, nested));
    } else {
      const related = property.sources(source);
      out[name] = related === null ? null : project(related, target, nested);
    }
  }
  return out;
}

function emptySelection(): Selection {
  return { star: false, values: new Set(), relations: new Map() };
}
