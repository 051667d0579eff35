import { ErrorResponse } from '#functions/shopsynch/dialect/inventory';
import { RecordPath, ReservationRequest, StockLevelsResponse } from '#functions/shopsynch/dialect/stock';
import type { DeclaredHeader, RouteContract, RouteRequestContract } from '#shared/http/contract';

/** What every ShopSynch stock route declares: the merchant key header and its error bodies. */
export const merchantApiKeyHeader: DeclaredHeader = {
  name: 'X-MerchantApiKey',
  required: true,
  description: 'An active merchant API key of the token’s tenant.',
  example: 'mk_live_xxxxxxxxxxxx',
  check: 'merchantApiKey',
  missing: 'unauthenticated',
};

export const shopsynchError = (description: string, message: string) => ({
  description,
  schema: ErrorResponse,
  example: { status: false, message },
});

const RECORD_ID = 'inv_5eed0000000000000000000000000001';

/** A record as the reads answer it, for examples. */
export const exampleRecord = {
  id: RECORD_ID,
  productId: 'prod_lamp_01',
  skuId: null,
  tenantId: 'tenant_demo',
  warehouseId: 'wh_main',
  warehouseName: 'Main Warehouse',
  location: 'A-01-4',
  onHandQty: 20,
  reservedQty: 12,
  availableQty: 8,
  reorderLevel: 10,
  reorderQty: 25,
  variantAttributes: {},
  createdAt: '2026-11-01T09:00:00Z',
  updatedAt: '2026-11-02T14:30:00Z',
  lastStockAdjusted: '2026-11-01T09:00:00Z',
};

/** The answers every record-addressed route shares. */
export const recordErrors = {
  401: shopsynchError('Token or merchant API key missing or not valid.', 'X-MerchantApiKey is not valid'),
  404: shopsynchError(
    'No record with this ID in the tenant (another tenant’s ID answers the same).',
    `Inventory record 'inv_0123456789abcdef0123456789abcdef' not found`,
  ),
  500: shopsynchError('Unexpected failure; details are only in the logs.', 'Internal server error'),
  503: shopsynchError(
    'The database is unavailable, or the record is moving faster than it can be written; retry after the Retry-After header.',
    'Service temporarily unavailable, please retry',
  ),
};

/** The answers of a movement (reserve, release, adjust) beyond the record's. */
export const movementErrors = {
  403: shopsynchError('The token lacks the write permission.', 'Token lacks the permission for this operation'),
  409: shopsynchError(
    'A request with this Idempotency-Key is still being processed.',
    'A request with this Idempotency-Key is still being processed; retry later',
  ),
  422: shopsynchError('The Idempotency-Key was used for a different request.', 'Idempotency-Key was already used for a different request'),
};

/** A reserve or a release: the same request and answers, each with its own words and example. */
export function reservationContract(movement: {
  kind: 'reserve' | 'release';
  summary: string;
  description: string;
  example: { qty: number; reference: string; notes: string };
  after: { reservedQty: number; availableQty: number };
  refusal: { description: string; message: string };
}) {
  const request = { headers: [merchantApiKeyHeader], path: RecordPath, body: ReservationRequest } satisfies RouteRequestContract;
  const contract = (): RouteContract => ({
    ...request,
    tag: 'ShopSynch',
    summary: movement.summary,
    description: movement.description,
    bodyExamples: { [movement.kind]: { summary: movement.summary, value: movement.example } },
    responses: {
      200: {
        description: 'The quantities after the movement.',
        schema: StockLevelsResponse,
        example: { status: true, data: { id: RECORD_ID, onHandQty: 20, ...movement.after } },
      },
      400: shopsynchError(movement.refusal.description, movement.refusal.message),
      ...recordErrors,
      ...movementErrors,
    },
  });
  return { request, contract };
}
