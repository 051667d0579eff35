import { ErrorResponse } from '#functions/dayzero/dialect/errors';
import type { DeclaredHeader } from '#shared/http/contract';

/** What the DayZero routes' contracts share: the business header every route takes, and the shape of an error example. */
export const dayzeroError = (description: string, detail: unknown) => ({ description, schema: ErrorResponse, example: { detail } });

/** `x-business-id`: the business, which must be the token's tenant; DayZero answers its absence as a validation error. */
export const BUSINESS_HEADER: DeclaredHeader = {
  name: 'x-business-id',
  required: true,
  description: 'The business: must be the token’s tenant.',
  example: 'tenant_demo',
  check: 'tenant',
  missing: 'validation',
};
