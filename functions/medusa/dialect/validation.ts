import * as z from 'zod/mini';
import { identity } from '#functions/commons/identity';
import { IDENTITY_PROBLEMS } from '#shared/domain/identity';
import { FieldSelectionError, requestedFields, selectionOf, type Selection, type Shape } from '#functions/medusa/dialect/fields';

/** Medusa's words for an invalid request, shared by the schemas of every Medusa route. */

/**
 * The value as Medusa writes it into a message: interpolated as text (`42`, `null`, `[object Object]`).
 * A JSON object may shadow `toString` and `valueOf` with non-functions, and then String() throws:
 * it prints as any other object does.
 */
export const received = (input: unknown): string => {
  try {
    return String(input);
  } catch {
    return Array.isArray(input)
      ? input.map((entry) => (entry === null || entry === undefined ? '' : received(entry))).join(',')
      : '[object Object]';
  }
};

export const expected = (field: string, type: string, input: unknown) =>
  input === undefined ? `Field '${field}' is required` : `Expected type: '${type}' for field '${field}', got: '${received(input)}'`;

export const tooSmall = (field: string, minimum: number) => `Value for field '${field}' too small, expected at least: '${minimum}'`;
export const tooBig = (field: string, maximum: number) => `Value for field '${field}' too big, expected at most: '${maximum}'`;

/** Longest ID we accept, as for every catalog ID. */
export const MAX_ID_LENGTH = 200;

/** An ID that becomes part of a key: checked and normalised (shared/domain/identity). */
export const medusaId = (field: string, schema: z.ZodMiniType<string, unknown>) =>
  identity(schema, (problem) => `Value for field '${field}' ${IDENTITY_PROBLEMS[problem]}`);

/** An ID in a request body: a string of 1 to MAX_ID_LENGTH characters, each issue in Medusa's words. */
export const bodyId = (field: string) =>
  medusaId(
    field,
    z
      .string({ error: (issue) => expected(field, 'string', issue.input) })
      .check(z.minLength(1, tooSmall(field, 1)), z.maxLength(MAX_ID_LENGTH, tooBig(field, MAX_ID_LENGTH))),
  );

/** An ID in the path: the route only matches a non-empty segment, so only its length is worded by the pipeline. */
export const pathId = (field: string) => medusaId(field, z.string().check(z.minLength(1), z.maxLength(MAX_ID_LENGTH)));

/** A safe integer count of units, at least `minimum`. Medusa takes any number; fractional counts make no sense to the ledger. */
export const wholeUnits = (field: string, minimum: number) =>
  z
    .int({
      error: (issue) => {
        if (issue.code === 'too_big') return tooBig(field, Number.MAX_SAFE_INTEGER);
        if (issue.code === 'too_small') return tooSmall(field, minimum);
        return expected(field, typeof issue.input === 'number' ? 'integer' : 'number', issue.input);
      },
    })
    .check(z.gte(minimum, tooSmall(field, minimum)));

/** A positive count of units: 0 and negative counts make no sense here. */
export const requiredQuantity = () => wholeUnits('required_quantity', 1);

/** A count of units, optional: Medusa takes any number ≥ 0; we take whole units only. */
export const units = (field: string) => z.optional(wholeUnits(field, 0));

export const strictBody = {
  error: (issue: { code?: string; keys?: string[]; input?: unknown }) =>
    issue.code === 'unrecognized_keys'
      ? `Unrecognized fields: '${(issue.keys ?? []).join(', ')}'`
      : `Expected type: 'object' for field '', got: '${received(issue.input)}'`,
};

export const unrecognizedQuery = {
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys' ? `Unrecognized fields: '${(issue.keys ?? []).join(', ')}'` : 'Invalid query',
};

/** A non-negative integer in a query string, as Medusa reads `limit` and `offset`. */
const queryCount = (field: string, fallback: number, maximum: number) =>
  z.pipe(
    z.optional(z.string({ error: (issue) => expected(field, 'number', issue.input) })),
    z.transform((raw, context): number => {
      if (raw === undefined || raw === '') return fallback;
      const number = Number(raw);
      if (!Number.isInteger(number)) {
        context.issues.push({ code: 'custom', message: `Expected type: 'number' for field '${field}', got: '${raw}'`, input: raw });
      } else if (number < 0) {
        context.issues.push({ code: 'custom', message: tooSmall(field, 0), input: raw });
      } else if (number > maximum) {
        context.issues.push({ code: 'custom', message: tooBig(field, maximum), input: raw });
      }
      return number;
    }),
  );

/**
 * `order`: one of the fields, `-field` for descending. Medusa answers 500 for a field it cannot sort
 * by; we answer 400 in its envelope, naming the fields we sort by.
 */
const orderOf = <Field extends string>(fields: readonly Field[]) =>
  z.pipe(
    z.optional(z.string({ error: (issue) => expected('order', 'string', issue.input) })),
    z.transform((raw, context): { field: Field; descending: boolean } | undefined => {
      if (raw === undefined || raw === '') return undefined;
      const descending = raw.startsWith('-');
      const field = raw.replace(/^[-+ ]/, '') as Field;
      if (!fields.includes(field)) {
        context.issues.push({
          code: 'custom',
          message: `Expected: '${fields.join(', ')}' for field 'order', but got: '${raw}'`,
          input: raw,
        });
        return undefined;
      }
      return { field, descending };
    }),
  );

/** Medusa's paging of a list: `limit` (its default and bound are the route's), `offset` and `order`, in that order. */
export const pageQuery = <Field extends string>(defaultLimit: number, maximumLimit: number, orderFields: readonly Field[]) => ({
  limit: queryCount('limit', defaultLimit, maximumLimit),
  offset: queryCount('offset', 0, Number.MAX_SAFE_INTEGER),
  order: orderOf(orderFields),
});

/** The page `pageQuery` parsed, as the domain's list queries read it: the order only when one was asked for. */
export const toPage = <Order>(query: { limit: number; offset: number; order?: Order | undefined }) => ({
  limit: query.limit,
  offset: query.offset,
  ...(query.order ? { order: query.order } : {}),
});

/** A filter Medusa takes as one value (or a list, which a query string cannot carry here). */
export const queryText = (field: string) => z.optional(z.string({ error: (issue) => expected(field, 'string', issue.input) }));

/**
 * `fields`: the requested paths over the route's defaults, made a selection of the entity (or by the
 * route's own `select`, where it adds what Medusa's query joins); a path the entity does not have is a 400.
 */
export const fieldsOf = (defaults: readonly string[], entity: Shape | ((fields: readonly string[]) => Selection)) =>
  z.pipe(
    z.optional(z.string({ error: (issue) => expected('fields', 'string', issue.input) })),
    z.transform((fields, context): Selection => {
      try {
        const requested = requestedFields(fields, defaults);
        return typeof entity === 'function' ? entity(requested) : selectionOf(requested, entity);
      } catch (error) {
        if (!(error instanceof FieldSelectionError)) throw error;
        context.issues.push({ code: 'custom', message: error.message, input: fields });
        return z.NEVER;
      }
    }),
  );
