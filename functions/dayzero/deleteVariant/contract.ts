import { BUSINESS_HEADER, dayzeroError } from '#functions/dayzero/contracts';
import { DeleteResponse, VariantDeleteQuery, VariantPath } from '#functions/dayzero/dialect/variant';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  headers: [BUSINESS_HEADER],
  path: VariantPath,
  query: VariantDeleteQuery,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'DayZero',
  summary: 'Delete product variant',
  description:
    'Archives the variant (it keeps its SKU), or with permanent=true deletes it and frees its SKU: refused while it has stock on hand or reserved, any stock movement, Medusa inventory links other than its own item’s, or OrderCloud inventory records (held inside the delete’s transaction).',
  responses: {
    200: {
      description: 'Archived, or permanently deleted.',
      schema: DeleteResponse,
      example: { success: true, message: 'Variant archived', code: 'VARIANT_ARCHIVED' },
    },
    400: dayzeroError(
      'permanent=true for a variant with stock movements or links.',
      'Variant has stock movements or links; archive it instead of deleting it permanently',
    ),
    401: dayzeroError('Token missing or not valid.', 'Not authenticated'),
    403: dayzeroError('The token lacks the write permission.', 'Not enough permissions'),
    404: dayzeroError('Business or variant not found.', 'Variant not found'),
    409: dayzeroError(
      'The Idempotency-Key is in use by a request still running.',
      'A request with this Idempotency-Key is still being processed',
    ),
    422: dayzeroError('Validation error: the path ID, permanent, or x-business-id.', [
      {
        type: 'enum',
        loc: ['query', 'permanent'],
        msg: "Input should be 'true', 'false', '1', '0', 'yes', 'no', 'on' or 'off'",
        input: 'maybe',
      },
    ]),
    500: dayzeroError('Unexpected failure; details are only in the logs.', 'Internal Server Error'),
    503: dayzeroError(
      'The database is unavailable or the variant kept changing; retry after the Retry-After header.',
      'Service temporarily unavailable, please retry',
    ),
  },
});
