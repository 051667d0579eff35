import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument, OPENAPI_FILE, serialize } from '#scripts/openapi/document';
import { ROUTES } from '#functions/routes';
import { demoFixtures, loadDemos } from '#scripts/demo/index';
import { DEMO_MERCHANT_API_KEY } from '#functions/commons/demo';
import { assertMatchesContract, compileSchema, openApiDocument } from '#test/support/openapi';

describe('docs/openapi.json', () => {
  it('is what the zod schemas generate now (run npm run openapi after changing a contract)', async () => {
    expect(readFileSync(OPENAPI_FILE, 'utf8')).toBe(serialize(await buildOpenApiDocument()));
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(openApiDocument() as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents every route path and method', () => {
    for (const route of ROUTES)
      for (const path of route.paths) expect(openApiDocument().paths[path]?.[route.method.toLowerCase()], path).toBeDefined();
  });

  it('has examples that match their own schemas', () => {
    for (const [path, methods] of Object.entries(openApiDocument().paths)) {
      for (const operation of Object.values(methods) as any[]) {
        // Reads and deletes take no body.
        const request = operation.requestBody?.content['application/json'];
        if (request) {
          const validateRequest = compileSchema(request.schema);
          for (const [name, example] of Object.entries(request.examples) as [string, { value: unknown }][]) {
            expect(validateRequest(example.value), `${path} request example ${name}`).toBe(true);
          }
        }
        for (const [status, response] of Object.entries(operation.responses) as [string, any][]) {
          const content = response.content?.['application/json'];
          if (content?.example !== undefined)
            expect(compileSchema(content.schema)(content.example), `${path} ${status} example`).toBe(true);
        }
      }
    }
  });

  it('publishes no merchant key of the demo tenant', async () => {
    const keys = demoFixtures(await loadDemos()).tenants.flatMap((tenant) => tenant.merchantApiKeys ?? []);
    expect(keys).toContain(DEMO_MERCHANT_API_KEY);
    const published = readFileSync(OPENAPI_FILE, 'utf8');
    for (const key of keys) expect(published, key).not.toContain(key);
  });

  it('is enforced on responses: an undocumented status or a wrong body fails the test that saw it', () => {
    expect(() => assertMatchesContract('POST /v1/inventory', 200, { status: true })).toThrow(/does not match/);
    expect(() => assertMatchesContract('POST /v1/inventory', 418, { status: false, message: 'teapot' })).toThrow(/does not document 418/);
    expect(() =>
      assertMatchesContract('POST /v1/inventory', 409, {
        status: false,
        message: 'An inventory record for this product already exists in the specified warehouse.',
      }),
    ).not.toThrow();
  });
});
