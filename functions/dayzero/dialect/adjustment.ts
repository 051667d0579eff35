import * as z from 'zod/mini';
import { identity } from '#functions/commons/identity';
import type { AdjustmentReasonsReport, NewAdjustment, StockAdjustment } from '#shared/domain/adjustment';
import { IDENTITY_PROBLEMS } from '#shared/domain/identity';

const key = (max: number) =>
  identity(z.string().check(z.minLength(1), z.maxLength(max)), (problem) => `Value error, ${IDENTITY_PROBLEMS[problem]}`);
const timestamp = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/));

/** POST /api/v1/inventory/adjustments: `reason` is one of DayZero's reasons or free text. */
export const AdjustmentCreateRequest = z.object({
  variant_id: key(200),
  quantity_change: z.int().check(
    z.gte(-1_000_000_000),
    z.lte(1_000_000_000),
    z.refine((value) => value !== 0, { message: 'Value error, quantity_change must not be 0' }),
  ),
  reason: z.string().check(z.minLength(1), z.maxLength(255)),
  reason_code: z.optional(z.nullable(z.string().check(z.minLength(1), z.maxLength(100)))),
  location_id: z.optional(z.nullable(key(200))),
});

export const AdjustmentResponse = z.object({
  id: z.string(),
  business_id: z.string(),
  variant_id: z.string(),
  delta: z.int(),
  correction_reason: z.string(),
  location_id: z.string(),
  created_at: timestamp,
});

export const toNewAdjustment = (body: z.output<typeof AdjustmentCreateRequest>): NewAdjustment => ({
  variantId: body.variant_id,
  delta: body.quantity_change,
  reason: body.reason,
  reasonCode: body.reason_code ?? null,
  locationId: body.location_id ?? null,
});

export const adjustmentResponse = (adjustment: StockAdjustment): z.output<typeof AdjustmentResponse> => ({
  id: adjustment.id,
  business_id: adjustment.tenantId,
  variant_id: adjustment.variantId,
  delta: adjustment.delta,
  correction_reason: adjustment.reason,
  location_id: adjustment.locationId,
  created_at: adjustment.createdAt,
});

const toUtc = (value: string) => new Date(/[zZ]|[+-]\d{2}:?\d{2}$/.test(value) ? value : `${value}Z`);

/** ISO 8601's four-digit years: a date whose UTC form leaves them (an offset can push 9999-12-31 into year 10000) is refused. */
export const REPORT_YEARS = { min: 1, max: 9999 } as const;

/** A date-time with or without offset, as UTC to the second (the form stored timestamps take, so they compare as text). */
const instant = z.pipe(
  z.iso.datetime({ offset: true, local: true }).check(
    z.refine(
      (value) => {
        const year = toUtc(value).getUTCFullYear();
        // Not a date-time at all: the format check above says so.
        return Number.isNaN(year) || (year >= REPORT_YEARS.min && year <= REPORT_YEARS.max);
      },
      { message: 'Value error, the date must fall in the years 0001 to 9999 (UTC)' },
    ),
  ),
  z.transform((value: string) =>
    toUtc(value)
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z'),
  ),
);

/** `until` defaults to now and `since` to 30 days before `until`. */
export const AdjustmentReasonsQuery = z.object({ since: z.optional(instant), until: z.optional(instant) });

export function reportPeriod(query: z.output<typeof AdjustmentReasonsQuery>, now = new Date()): { since: string; until: string } {
  const until = query.until ?? now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const since = query.since ?? new Date(Date.parse(until) - 30 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { since, until };
}

export const AdjustmentReasonsResponse = z.object({
  since: timestamp,
  until: timestamp,
  rows: z.array(z.object({ reason: z.string(), count: z.int(), units: z.int(), value_cents: z.int() })),
  total_adjustments: z.int(),
  total_value_cents: z.int(),
});

export const adjustmentReasonsResponse = (report: AdjustmentReasonsReport): z.output<typeof AdjustmentReasonsResponse> => ({
  since: report.since,
  until: report.until,
  rows: report.rows.map((row) => ({ reason: row.reason, count: row.count, units: row.units, value_cents: row.valueCents })),
  total_adjustments: report.totalAdjustments,
  total_value_cents: report.totalValueCents,
});
