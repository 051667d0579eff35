import { BUSINESS_HEADER, dayzeroError } from '#functions/dayzero/contracts';
import { AdjustmentReasonsQuery, AdjustmentReasonsResponse } from '#functions/dayzero/dialect/adjustment';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  headers: [BUSINESS_HEADER],
  query: AdjustmentReasonsQuery,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'DayZero',
  summary: 'Adjustment reasons report',
  description:
    'Per reason, the number of stock adjustments made in [since, until] (both included; until defaults to now, since to 30 days before until; at most 366 days), their signed units, and their value at the variant’s unit cost when each was made. Reads only the adjustments of the months the period covers.',
  responses: {
    200: {
      description: 'The report, reasons with the most adjustments first.',
      schema: AdjustmentReasonsResponse,
      example: {
        since: '2026-11-01T00:00:00Z',
        until: '2026-11-30T23:59:59Z',
        rows: [
          { reason: 'damage', count: 2, units: -5, value_cents: -3000 },
          { reason: 'found', count: 1, units: 3, value_cents: 1800 },
        ],
        total_adjustments: 3,
        total_value_cents: -1200,
      },
    },
    400: dayzeroError('since is after until, or the period spans more than 366 days.', 'since must not be after until'),
    401: dayzeroError('Token missing or not valid.', 'Not authenticated'),
    404: dayzeroError('Business not found.', 'Business not found'),
    422: dayzeroError('Validation error: since or until is not a date-time, or its UTC form leaves the years 0001 to 9999.', [
      { type: 'datetime_from_date_parsing', loc: ['query', 'since'], msg: 'Input should be a valid datetime', input: 'yesterday' },
    ]),
    500: dayzeroError('Unexpected failure; details are only in the logs.', 'Internal Server Error'),
    503: dayzeroError('The database is unavailable; retry after the Retry-After header.', 'Service temporarily unavailable, please retry'),
  },
});
