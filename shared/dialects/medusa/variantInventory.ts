import * as z from 'zod/mini';
import { identity } from '#shared/dialects/common/identity';
import { IDENTITY_PROBLEMS } from '#shared/domain/identity';
import type { LinkRequest, VariantInventory } from '#shared/domain/inventoryLink';
import { productVariant, responseSchema } from '#shared/dialects/medusa/entities';
import { ALWAYS_SELECTED, FieldSelectionError, project, requestedFields, selectionOf, type Selection } from '#shared/dialects/medusa/fields';

// ---------------------------------------------------------------------------
// Request: Medusa's strict zod validation, with each issue spelled as Medusa spells it.

/** zod 3's name for a value's type, which Medusa puts in its messages. */
function typeName(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number') return Number.isNaN(input) ? 'nan' : Number.isInteger(input) ? 'number' : 'float';
  return typeof input;
}

const expected = (field: string, type: string, input: unknown) =>
  input === undefined ? `Field '${field}' is required` : `Expected type: '${type}' for field '${field}', got: '${typeName(input)}'`;

const tooSmall = (field: string, minimum: number) => `Value for field '${field}' too small, expected at least: '${minimum}'`;
const tooBig = (field: string, maximum: number) => `Value for field '${field}' too big, expected at most: '${maximum}'`;

/** Longest ID we accept, as for every catalog ID. */
const MAX_ID_LENGTH = 200;

/** An ID that becomes part of a key: checked and normalised (shared/domain/identity). */
const medusaId = (field: string, schema: z.ZodMiniType<string, unknown>) => identity(schema, (problem) => `Value for field '${field}' ${IDENTITY_PROBLEMS[problem]}`);

export const LinkInventoryItemRequest = z.strictObject(
  {
    // A positive safe integer: a count of units.
    required_quantity: z
      .int({
        error: (issue) => {
          if (issue.code === 'too_big') return tooBig('required_quantity', Number.MAX_SAFE_INTEGER);
          if (issue.code === 'too_small') return tooSmall('required_quantity', 1);
          return typeof issue.input === 'number' ? expected('required_quantity', 'integer', issue.input) : expected('required_quantity', 'number', issue.input);
        },
      })
      .check(z.gte(1, tooSmall('required_quantity', 1))),
    inventory_item_id: medusaId(
      'inventory_item_id',
      z
        .string({ error: (issue) => expected('inventory_item_id', 'string', issue.input) })
        .check(z.minLength(1, tooSmall('inventory_item_id', 1)), z.maxLength(MAX_ID_LENGTH, tooBig('inventory_item_id', MAX_ID_LENGTH))),
    ),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `Unrecognized fields: '${issue.keys.join(', ')}'` : `Expected type: 'object' for field '', got: '${typeName(issue.input)}'`,
  },
);
export type LinkInventoryItemRequest = z.output<typeof LinkInventoryItemRequest>;

export const VariantPath = z.object({
  id: medusaId('id', z.string().check(z.minLength(1), z.maxLength(MAX_ID_LENGTH))),
  variant_id: medusaId('variant_id', z.string().check(z.minLength(1), z.maxLength(MAX_ID_LENGTH))),
});
export type VariantPath = z.output<typeof VariantPath>;

// ---------------------------------------------------------------------------
// Response: the seed's variant and every relation Medusa can return (entities.ts), shaped by `fields`.

/**
 * What the response holds without `fields`: the seed's variant, with its inventory links,
 * their items and the items' levels. Back-references (`product`, `variant`, `inventory_item`)
 * carry only their ID.
 */
export const DEFAULT_VARIANT_FIELDS = [
  ...Object.entries(productVariant.properties)
    .filter(([, property]) => property.kind === 'value')
    .map(([name]) => name),
  '*prices',
  '*options',
  '*options.option',
  'options.option.product.id',
  '*options.option.values',
  '*images',
  'product.id',
  '*inventory_items',
  'inventory_items.variant.id',
  '*inventory_items.inventory',
  '*inventory_items.inventory.location_levels',
  'inventory_items.inventory.location_levels.inventory_item.id',
  '*translations',
] as const;

/** The selection without `fields`. */
export const DEFAULT_VARIANT_SELECTION = selectionOf(DEFAULT_VARIANT_FIELDS, productVariant);

/** `fields`, parsed and checked against the variant's shape while the query is validated. */
export const VariantQuery = z.strictObject(
  {
    fields: z.pipe(
      z.optional(z.string({ error: (issue) => expected('fields', 'string', issue.input) })),
      z.transform((fields, context): Selection => {
        try {
          return selectionOf(requestedFields(fields, DEFAULT_VARIANT_FIELDS), productVariant);
        } catch (error) {
          if (!(error instanceof FieldSelectionError)) throw error;
          context.issues.push({ code: 'custom', message: error.message, input: fields });
          return z.NEVER;
        }
      }),
    ),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `Unrecognized fields: '${issue.keys.join(', ')}'` : 'Invalid query') },
);
export type VariantQuery = z.output<typeof VariantQuery>;

export function toLinkRequest(path: VariantPath, body: LinkInventoryItemRequest): LinkRequest {
  return { productId: path.id, variantId: path.variant_id, inventoryItemId: body.inventory_item_id, requiredQuantity: body.required_quantity };
}

/** The documented 200 body. Objects the catalog does not hold (prices, images, translations) are always empty lists. */
export const VariantResponse = z.object({ variant: responseSchema(productVariant, [ALWAYS_SELECTED]) });

/** The 200 body: `{variant}` with the fields the request selected. */
export function variantResponse(view: VariantInventory, selection: Selection): { variant: Record<string, unknown> } {
  return { variant: project(view, productVariant, selection) };
}

/** Whether a selection shows stock: inventory_quantity, or the linked items' inventory. */
export function selectsStock(selection: Selection): boolean {
  return selection.star || selection.values.has('inventory_quantity') || selection.relations.get('inventory_items')?.relations.has('inventory') === true;
}
