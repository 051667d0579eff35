import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalApi } from '#test/support/localApi';
import { bearer, seedTenant, tokenFor } from '#test/support/tenants';

describe('local API server', () => {
  let api: Awaited<ReturnType<typeof startLocalApi>>;
  let tenantId: string;
  beforeAll(async () => {
    api = await startLocalApi();
    tenantId = await seedTenant({
      name: 'HTTP test',
      merchantApiKeys: ['mk_http_test_key'],
      locations: [{ id: 'wh_1', name: 'One' }],
      products: [{ id: 'p1', name: 'P', type: 'SIMPLE' }],
    });
  });
  afterAll(() => api.close());

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${api.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        authorization: bearer(tokenFor(tenantId)),
        'content-type': 'application/json',
        'x-merchantapikey': 'mk_http_test_key',
        ...headers,
      },
      body,
    });

  it('serves a route through its handler over HTTP, 200 then 409', async () => {
    const body = JSON.stringify({ productId: 'p1', warehouseId: 'wh_1', initialQty: 1 });
    const first = await post('/v1/inventory', body);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/json');
    expect(((await first.json()) as any).data.warehouseName).toBe('One');
    const second = await post('/v1/inventory', body);
    expect(second.status).toBe(409);
    expect(await second.json()).toEqual({
      status: false,
      message: 'An inventory record for this product already exists in the specified warehouse.',
    });
  });

  it('answers 404 for a path no route has, like API Gateway', async () => {
    const reply = await post('/v1/nothing-here', '{}');
    expect(reply.status).toBe(404);
    expect(await reply.json()).toEqual({ message: 'Not Found' });
  });

  it.each([
    ['a truncated escape in a path parameter', '/products/%E0%A4%A/variants/v1/inventoryrecords'],
    ['an escape that is not UTF-8', '/admin/products/%FF/variants/v1/inventory-items'],
  ])('answers 400 itself, like API Gateway, for %s', async (_, path) => {
    const reply = await post(path, '{}');
    expect(reply.status).toBe(400);
    // API Gateway's own body, not any vendor envelope: no handler ran.
    expect(await reply.json()).toEqual({ message: 'Bad Request' });
  });

  it('serves the OpenAPI document and the reference page with its viewer assets', async () => {
    const document = await fetch(`${api.baseUrl}/openapi.json`);
    expect(document.status).toBe(200);
    expect(((await document.json()) as { openapi: string }).openapi).toBe('3.1.0');
    const page = await fetch(`${api.baseUrl}/docs`);
    expect(await page.text()).toContain('/openapi.json');
    for (const asset of ['/docs/swagger-ui-bundle.js', '/docs/swagger-ui.css']) {
      const reply = await fetch(`${api.baseUrl}${asset}`);
      expect(reply.status, asset).toBe(200);
      expect((await reply.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  });

  it("names the port it listens on as the document's server, so that /docs calls this server", async () => {
    expect(new URL(api.baseUrl).port).not.toBe('3000');
    const document = (await (await fetch(`${api.baseUrl}/openapi.json`)).json()) as { servers: unknown };
    expect(document.servers).toEqual([{ url: api.baseUrl, description: 'npm start' }]);
  });
});
