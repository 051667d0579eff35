import * as z from 'zod/mini';
import type { DateFilter, DateOperator } from '#shared/domain/productVariants';
import { expected } from '#functions/medusa/dialect/validation';

/**
 * Medusa's operator filters on a list's timestamps, as a query string carries them:
 * `created_at[$gte]=2026-01-01`, `updated_at[$lt]=2026-12-06T14:16:00Z`, or `created_at=…` for equality.
 * A value that is no date is a 400 naming the parameter (Medusa answers 500); an operator Medusa
 * knows but a timestamp cannot take here (`$in`, `$like`, …), or none it knows, is an unrecognized field.
 */
const OPERATORS = ['$eq', '$ne', '$gt', '$gte', '$lt', '$lte'] as const satisfies readonly DateOperator[];
const FIELDS = ['created_at', 'updated_at'] as const;

const instant = (parameter: string) =>
  z.pipe(
    z.optional(z.string({ error: (issue) => expected(parameter, 'string', issue.input) })),
    z.transform((raw, context): number | undefined => {
      if (raw === undefined) return undefined;
      const at = Date.parse(raw);
      // A bare number is no date, though Date.parse may read one as a year.
      if (Number.isNaN(at) || /^\d+$/.test(raw.trim())) {
        context.issues.push({ code: 'custom', message: expected(parameter, 'date', raw), input: raw });
        return undefined;
      }
      return at;
    }),
  );

const parameters = FIELDS.flatMap((field) => [
  { name: field, field, operator: '$eq' as DateOperator },
  ...OPERATORS.map((operator) => ({ name: `${field}[${operator}]`, field, operator })),
]);

/** The query's shape for the date filters, to spread into a list's strict query schema. */
export const dateFilterQuery = Object.fromEntries(parameters.map(({ name }) => [name, instant(name)])) as Record<
  string,
  ReturnType<typeof instant>
>;

/** The date filters a parsed query gives, for the domain. */
export function toDateFilters(query: Record<string, unknown>): DateFilter[] {
  return parameters.flatMap(({ name, field, operator }) => {
    const at = query[name];
    return typeof at === 'number' ? [{ field, operator, at }] : [];
  });
}
