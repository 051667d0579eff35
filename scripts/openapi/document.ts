import * as z from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import { ROUTES } from '#functions/routes';
import { IDEMPOTENCY_HEADER } from '#shared/http/idempotency';

export const OPENAPI_FILE = 'docs/openapi.json';

const jsonSchema = (schema: $ZodType, io: 'input' | 'output') => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' });
  return rest;
};

/** Path and query parameters from an object schema, each with its own JSON Schema. */
function parameters(schema: $ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (object.required ?? []).includes(name),
    schema: property,
  }));
}

/** The OpenAPI 3.1 document of every route, generated from the zod schemas the handlers use. */
export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) {
    const contract = (await route.contract()).contract();
    for (const path of route.paths) {
      paths[path] = {
        ...paths[path],
        [route.method.toLowerCase()]: {
          operationId: route.paths.length > 1 ? `${route.name}${path.startsWith('/v1/') ? 'V1' : ''}` : route.name,
          tags: [contract.tag],
          summary: contract.summary,
          description: contract.description,
          security: [{ bearer: [] }],
          parameters: [
            ...parameters(contract.path, 'path'),
            ...parameters(contract.query, 'query'),
            ...(contract.headers ?? []).map((header) => ({
              name: header.name,
              in: 'header',
              required: header.required,
              description: header.description,
              schema: { type: 'string' },
              ...(header.example ? { example: header.example } : {}),
            })),
            ...(route.method === 'GET' ? [] : [{ $ref: '#/components/parameters/IdempotencyKey' }]),
          ],
          ...(contract.body
            ? {
                requestBody: {
                  required: true,
                  content: { 'application/json': { schema: jsonSchema(contract.body, 'input'), examples: contract.bodyExamples } },
                },
              }
            : {}),
          responses: Object.fromEntries(
            Object.entries(contract.responses).map(([status, response]) => [
              status,
              {
                description: response.description,
                ...(status === '503'
                  ? { headers: { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer' } } } }
                  : {}),
                ...(response.schema
                  ? {
                      content: {
                        'application/json': {
                          schema: jsonSchema(response.schema, response.io ?? 'output'),
                          ...(response.example === undefined ? {} : { example: response.example }),
                        },
                      },
                    }
                  : {}),
              },
            ]),
          ),
        },
      };
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'inventory-api',
      version: '1.0.0',
      description: 'Four commerce APIs, each in its own API’s conventions and error envelopes, over one catalog.',
    },
    servers: [{ url: 'http://127.0.0.1:3000', description: 'npm start' }],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A JWT naming the tenant (claim tenant_id by default).',
        },
      },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description: `Makes a retry safe for 24 hours: the same key and request replay the first success; the same key with another request is refused (${IDEMPOTENCY_HEADER}).`,
          schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
        },
      },
    },
  };
}

export const serialize = (document: unknown) => `${JSON.stringify(document, null, 2)}\n`;
