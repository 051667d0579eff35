import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';

/**
 * A local stand-in for the Stripe endpoints the sync uses (POST /v1/products and
 * /v1/prices to create, POST /v1/products/{id} and /v1/prices/{id} to update), with Stripe's idempotency: the same Idempotency-Key returns the
 * object created the first time, for 24 hours of `clock` as Stripe keeps keys (tests move
 * the clock to show what a day later looks like). `outage` makes every call fail like a Stripe 500;
 * `callsBeforeOutage` lets that many more calls through first (an outage mid-sequence).
 */
export interface FakeStripe {
  url: { host: string; port: number; protocol: 'http' };
  created: { products: number; prices: number };
  objects: Map<string, Record<string, unknown>>;
  outage: boolean;
  callsBeforeOutage: number | undefined;
  /** Milliseconds since the epoch, as Stripe's own clock reads. */
  clock: () => number;
  close(): Promise<void>;
}

/** Stripe removes an idempotency key once it is 24 hours old. */
const IDEMPOTENCY_KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

export async function startFakeStripe(port = 0): Promise<FakeStripe> {
  const byKey = new Map<string, { object: Record<string, unknown>; at: number }>();
  const fake: Omit<FakeStripe, 'url' | 'close'> = {
    created: { products: 0, prices: 0 },
    objects: new Map(),
    outage: false,
    callsBeforeOutage: undefined,
    clock: Date.now,
  };
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const reply = (status: number, payload: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${randomBytes(6).toString('hex')}` });
        response.end(JSON.stringify(payload));
      };
      if (fake.callsBeforeOutage !== undefined && fake.callsBeforeOutage-- <= 0) fake.outage = true;
      if (fake.outage) return reply(500, { error: { type: 'api_error', message: 'Stripe is unavailable (fake outage)' } });
      const update = request.url?.match(/^\/v1\/(products|prices)\/([\w-]+)$/);
      if (request.method === 'POST' && update) {
        const object = fake.objects.get(update[2]!);
        if (!object)
          return reply(404, {
            error: { type: 'invalid_request_error', message: `No such ${update[1] === 'products' ? 'product' : 'price'}: '${update[2]}'` },
          });
        const params = Object.fromEntries(new URLSearchParams(body));
        Object.assign(object, params, 'active' in params ? { active: params.active === 'true' } : {});
        return reply(200, object);
      }
      const kind = request.url === '/v1/products' ? 'product' : request.url === '/v1/prices' ? 'price' : undefined;
      if (request.method !== 'POST' || !kind)
        return reply(404, { error: { type: 'invalid_request_error', message: 'Unrecognized request URL' } });
      const key = String(request.headers['idempotency-key'] ?? '');
      const account = String(request.headers['stripe-account'] ?? '');
      const remembered = key ? byKey.get(`${account}|${key}`) : undefined;
      if (remembered && fake.clock() - remembered.at < IDEMPOTENCY_KEY_LIFETIME_MS) return reply(200, remembered.object);
      const params = Object.fromEntries(new URLSearchParams(body));
      const object = {
        id: `${kind === 'product' ? 'prod' : 'price'}_${randomBytes(7).toString('hex')}`,
        object: kind,
        ...params,
        ...(kind === 'price' ? { unit_amount: Number(params.unit_amount) } : {}),
        active: true,
        account: account || null,
      };
      if (kind === 'product') fake.created.products += 1;
      else fake.created.prices += 1;
      fake.objects.set(object.id, object);
      if (key) byKey.set(`${account}|${key}`, { object, at: fake.clock() });
      reply(200, object);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return Object.assign(fake, {
    url: { host: '127.0.0.1', port: actualPort, protocol: 'http' as const },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }) as FakeStripe;
}
