import type { $ZodType } from 'zod/v4/core';

/** Checks a declared header's value needs beyond being present, run by the pipeline before the Idempotency-Key is read. */
export type HeaderCheck =
  /** An active merchant API key of the token's tenant (ShopSynch). */
  | 'merchantApiKey'
  /** The token's own tenant (DayZero's business ID). */
  | 'tenant';

export interface DeclaredHeader {
  name: string;
  required: boolean;
  description: string;
  example?: string;
  check?: HeaderCheck;
  /** How a missing required header is answered: as bad credentials (401) or as a validation error. */
  missing?: 'unauthenticated' | 'validation';
}

/**
 * What one route documents about itself. The pipeline validates requests with these
 * schemas and checks the declared headers; `npm run openapi` turns every route's
 * contract into docs/openapi.json.
 */
export interface RouteContract {
  summary: string;
  description: string;
  /** The API the route follows, used as the OpenAPI tag. */
  tag: string;
  /** Headers besides Authorization, Content-Type and Idempotency-Key. */
  headers?: DeclaredHeader[];
  path?: $ZodType;
  query?: $ZodType;
  body?: $ZodType;
  /** Largest body the route accepts, when it needs more than the pipeline's default (MAX_BODY_BYTES). */
  maxBodyBytes?: number;
  bodyExamples?: Record<string, { summary: string; value: unknown }>;
  responses: Record<number, { description: string; schema: $ZodType; example?: unknown }>;
}
