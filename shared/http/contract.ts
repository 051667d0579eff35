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
 * What a route accepts: the schemas the pipeline validates with and the headers it
 * checks. Each route exports it from its contract.ts as `request`; the handler bundles
 * only this part.
 */
export interface RouteRequestContract {
  /** Headers besides Authorization, Content-Type and Idempotency-Key. */
  headers?: DeclaredHeader[];
  path?: $ZodType;
  query?: $ZodType;
  body?: $ZodType;
  /** Largest body the route accepts, when it needs more than the pipeline's default (MAX_BODY_BYTES). */
  maxBodyBytes?: number;
}

/**
 * What one route documents about itself: its request, plus what `npm run openapi` turns
 * into docs/openapi.json. Each contract.ts exports it as a function, `contract()`, so
 * that no handler bundle carries the documentation.
 */
export interface RouteContract extends RouteRequestContract {
  summary: string;
  description: string;
  /** The API the route follows, used as the OpenAPI tag. */
  tag: string;
  bodyExamples?: Record<string, { summary: string; value: unknown }>;
  /** Each status the route answers; a status without a schema has no body (204). */
  /** `io: 'input'` describes a body as a request takes it (defaults optional): an export page is a document to send back. */
  responses: Record<number, { description: string; schema?: $ZodType; example?: unknown; io?: 'input' | 'output' }>;
}
