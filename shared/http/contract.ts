import type { $ZodType } from 'zod/v4/core';

/**
 * What one route documents about itself. `npm run openapi` turns every route's
 * contract into docs/openapi.json, from the same zod schemas the handler uses.
 */
export interface RouteContract {
  summary: string;
  description: string;
  /** The API the route follows, used as the OpenAPI tag. */
  tag: string;
  /** Headers besides Authorization, Content-Type and Idempotency-Key. */
  headers?: { name: string; required: boolean; description: string; example?: string }[];
  path?: $ZodType;
  query?: $ZodType;
  body: $ZodType;
  bodyExamples: Record<string, { summary: string; value: unknown }>;
  responses: Record<number, { description: string; schema: $ZodType; example?: unknown }>;
}
