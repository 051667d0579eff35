import * as z from 'zod/mini';
import type { DateField, DateFilter, DateOperator } from '#shared/domain/productVariants';
import { expected } from '#functions/medusa/dialect/validation';

/**
 * Medusa's operator filters on a list's timestamps, as a query string carries them:
 * `created_at[$gte]=2026-01-01`, `updated_at[$lt]=2026-12-06T14:16:00Z`, `created_at=…` for
 * equality, and lists for `$in`/`$nin` (`created_at[$in][]=…`, `created_at[$in][0]=…`; `created_at[]=…`
 * is `$in`), gathered by `gatherLists` (listForms.ts) before the schema reads them. `null` is
 * Medusa's null (`deleted_at=null` matches every listed variant). `deleted_at` takes them too:
 * Medusa lists no deleted variant without `with_deleted`, so a comparison with a date matches none.
 * A value that is no date is a 400 naming the parameter (Medusa answers 500); `created_at[$in]=x`
 * without a list is a 400 as Medusa words it; an operator Medusa does not know is an unrecognized
 * field (Medusa ignores it).
 */
const SCALAR = ['$eq', '$ne', '$gt', '$gte', '$lt', '$lte'] as const satisfies readonly DateOperator[];
const LISTED = ['$in', '$nin'] as const satisfies readonly DateOperator[];
const FIELDS = ['created_at', 'updated_at', 'deleted_at'] as const satisfies readonly DateField[];

/** One instant, epoch ms, or null; undefined (with an issue) when the text is no date. */
function instantOf(raw: string, parameter: string, issues: { push(issue: { code: 'custom'; message: string; input: unknown }): void }) {
  if (raw === 'null') return null;
  const at = Date.parse(raw);
  // A bare number is no date, though Date.parse may read one as a year.
  if (Number.isNaN(at) || /^\d+$/.test(raw.trim())) {
    issues.push({ code: 'custom', message: expected(parameter, 'date', raw), input: raw });
    return undefined;
  }
  return at;
}

const instant = (parameter: string) =>
  z.pipe(
    z.optional(z.string({ error: (issue) => expected(parameter, 'string', issue.input) })),
    z.transform((raw, context): number | null | undefined => (raw === undefined ? undefined : instantOf(raw, parameter, context.issues))),
  );

/** A list of instants; `wording` names the parameter as Medusa does when it is no list (`created_at, $in`). */
const instants = (parameter: string, wording: string) =>
  z.pipe(
    z.optional(z.array(z.string(), { error: (issue) => expected(wording, 'array', issue.input) })),
    z.transform((raws, context): (number | null)[] | undefined => raws?.map((raw) => instantOf(raw, parameter, context.issues) ?? null)),
  );

interface Parameter {
  name: string;
  field: DateField;
  operator: DateOperator;
  list: boolean;
}

const parameters: Parameter[] = FIELDS.flatMap((field) => [
  { name: field, field, operator: '$eq' as DateOperator, list: false },
  ...SCALAR.map((operator) => ({ name: `${field}[${operator}]`, field, operator, list: false })),
  { name: `${field}[]`, field, operator: '$in' as DateOperator, list: true },
  ...LISTED.flatMap((operator) => [
    { name: `${field}[${operator}]`, field, operator, list: true },
    { name: `${field}[${operator}][]`, field, operator, list: true },
  ]),
]);

/** The names whose list forms `gatherLists` collects, each under `name[]`. */
export const DATE_LISTS = FIELDS.flatMap((field) => [field, ...LISTED.map((operator) => `${field}[${operator}]`)]);

/** The query's shape for the date filters, to spread into a list's strict query schema. */
export const dateFilterQuery = Object.fromEntries(
  parameters.map(({ name, field, operator, list }) => [
    name,
    list ? instants(name, name.endsWith('[]') ? field : `${field}, ${operator}`) : instant(name),
  ]),
) as Record<`${DateField}${string}`, ReturnType<typeof instant> | ReturnType<typeof instants>>;

/** The date filters a parsed query gives, for the domain. */
export function toDateFilters(query: Record<string, unknown>): DateFilter[] {
  return parameters.flatMap(({ name, field, operator }): DateFilter[] => {
    const at = query[name];
    if (Array.isArray(at)) return [{ field, operator, at: at as (number | null)[] }];
    return typeof at === 'number' || at === null ? [{ field, operator, at: [at] }] : [];
  });
}
