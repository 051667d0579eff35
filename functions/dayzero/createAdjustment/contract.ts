import { BUSINESS_HEADER, dayzeroError } from '#functions/dayzero/contracts';
import { AdjustmentCreateRequest, AdjustmentResponse } from '#functions/dayzero/dialect/adjustment';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  headers: [BUSINESS_HEADER],
  body: AdjustmentCreateRequest,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'DayZero',
  summary: 'Create stock adjustment',
  description:
    'Adds or removes on-hand units of a variant at a location (default: the business’s default location), moving the same stock record the ShopSynch routes read, and records the adjustment for the adjustment-reasons report in the same transaction. On-hand never goes below zero. `reason` is one of shrinkage, damage, expired, count_variance, theft, transfer, return, receipt_correction, found, other, or free text.',
  bodyExamples: {
    damage: {
      summary: 'Two damaged bags written off',
      value: { variant_id: 'var_dz_house_500g', quantity_change: -2, reason: 'damage', reason_code: 'DMG-01' },
    },
    found: {
      summary: 'Units found at a named location',
      value: { variant_id: 'var_dz_house_500g', quantity_change: 3, reason: 'found', location_id: 'wh_main' },
    },
  },
  responses: {
    201: {
      description: 'The adjustment was recorded and the stock moved.',
      schema: AdjustmentResponse,
      example: {
        id: '7d4b8a0e-2f1c-4e9a-8b3d-5c6f7a8b9c0d',
        business_id: 'tenant_demo',
        variant_id: 'var_dz_house_500g',
        delta: -2,
        correction_reason: 'damage',
        location_id: 'wh_main',
        created_at: '2026-11-02T10:30:00Z',
      },
    },
    400: dayzeroError(
      'The removal exceeds the units on hand, or the business has no default location and none was named.',
      'Cannot remove 5 units: only 3 on hand',
    ),
    401: dayzeroError('Token missing or not valid.', 'Not authenticated'),
    403: dayzeroError('The token lacks the write permission.', 'Not enough permissions'),
    404: dayzeroError('Business, variant or location not found.', 'Variant not found'),
    409: dayzeroError(
      'The Idempotency-Key is in use by a request still running.',
      'A request with this Idempotency-Key is still being processed',
    ),
    422: dayzeroError('Validation error: every failing field with its loc, msg and type.', [
      { type: 'value_error', loc: ['body', 'quantity_change'], msg: 'Value error, quantity_change must not be 0', input: 0 },
    ]),
    500: dayzeroError('Unexpected failure; details are only in the logs.', 'Internal Server Error'),
    503: dayzeroError(
      'The database is unavailable or the stock kept changing; retry after the Retry-After header.',
      'Service temporarily unavailable, please retry',
    ),
  },
});
