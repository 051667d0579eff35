/**
 * `npm run bench:medusa-peer`: our Medusa link route against a real Medusa 2.21.2, on the same request
 * mix, interleaved round by round so both see the same machine. Each of `c` workers owns one
 * (variant, inventory item) pair on each side and, per round, links it
 * (`POST /admin/products/{id}/variants/{variant_id}/inventory-items`) and unlinks it
 * (`DELETE …/inventory-items/{inventory_item_id}`), with Medusa's default `fields`.
 * Reported at concurrency 1 and 16: p50 of each request, throughput, and our ratio to Medusa's
 * (goals: p50 ≤ 0.5×, throughput ≥ 3×). Not part of `npm test` nor `npm run bench`: it needs our
 * dev server (`npm start`) and a real Medusa (see docs/benchmarks.md, "Against real Medusa").
 *
 * Environment: OURS_URL (default http://127.0.0.1:3000), MEDUSA_URL (default http://localhost:9000),
 * ADMIN_EMAIL, ADMIN_PASSWORD (Medusa's admin), BENCH_PEER_ROUNDS (rounds per concurrency, default 100),
 * BENCH_PEER_WARM_ROUNDS (unmeasured rounds before them, default 20).
 */
import { execFileSync } from 'node:child_process';
import { DEV_ADMIN_SCOPE } from '#scripts/local/devIssuer';
import { median } from './harness.ts';

const PAIRS = 16;
const ROUNDS = Number(process.env.BENCH_PEER_ROUNDS ?? 100);
/** DynamoDB Local is a JVM: its first few hundred requests run before the JIT has compiled them. */
const WARM_ROUNDS = Number(process.env.BENCH_PEER_WARM_ROUNDS ?? 20);
const TENANT = 'tenant_peer_bench';

interface Side {
  name: 'ours' | 'medusa';
  url: string;
  token: string;
  productId: string;
  pairs: { variantId: string; itemId: string }[];
}

interface Sample {
  link: number[];
  unlink: number[];
  wallMs: number;
  requests: number;
  failures: number;
  linkBytes: number;
}

async function send(url: string, init: { method: string; token: string; body?: unknown }) {
  const response = await fetch(url, {
    method: init.method,
    headers: { authorization: `Bearer ${init.token}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return { status: response.status, text };
}

async function ready(url: string, init: { method: string; token: string; body?: unknown }) {
  const reply = await send(url, init);
  if (reply.status >= 300) throw new Error(`${init.method} ${url}: ${reply.status} ${reply.text.slice(0, 300)}`);
  return JSON.parse(reply.text) as any;
}

async function oursSide(): Promise<Side> {
  const url = process.env.OURS_URL ?? 'http://127.0.0.1:3000';
  const token = (scope?: string) =>
    execFileSync('npm', ['run', '--silent', 'token', '--', '--tenant', TENANT, ...(scope ? ['--scope', scope] : [])], {
      encoding: 'utf8',
    }).trim();
  const pairs = Array.from({ length: PAIRS }, (_, i) => ({ variantId: `var_peer_${i}`, itemId: `iitem_peer_${i}` }));
  const document = {
    tenants: [
      {
        id: TENANT,
        name: 'Peer bench',
        locations: [{ id: 'wh_peer', name: 'Peer warehouse' }],
        products: [
          {
            id: 'prod_peer',
            name: 'Peer tee',
            type: 'VARIABLE',
            // As Medusa's side holds it: one option, a value and a price per variant.
            options: [{ id: 'opt_peer_size', title: 'Size', values: pairs.map((_, i) => ({ id: `optval_peer_${i}`, value: `S${i}` })) }],
            variants: pairs.map((pair, i) => ({
              id: pair.variantId,
              name: `S${i}`,
              sku: `PEER-${i}`,
              attributes: { Size: `S${i}` },
              prices: [{ id: `price_peer_${i}`, amount: 10, currency: 'usd' }],
            })),
          },
        ],
        inventoryItems: pairs.map((pair, i) => ({ id: pair.itemId, sku: `PEER-ITEM-${i}`, title: `Peer item ${i}`, levels: [] })),
      },
    ],
  };
  await ready(`${url}/admin/catalog`, { method: 'PUT', token: token(DEV_ADMIN_SCOPE), body: document });
  const side: Side = { name: 'ours', url, token: token(), productId: 'prod_peer', pairs };
  // A pair left linked by an interrupted run would make the first link a replacement: unlink first.
  await Promise.all(pairs.map((pair) => unlink(side, pair)));
  return side;
}

async function medusaSide(): Promise<Side> {
  const url = process.env.MEDUSA_URL ?? 'http://localhost:9000';
  const login = await ready(`${url}/auth/user/emailpass`, {
    method: 'POST',
    token: '',
    body: { email: process.env.ADMIN_EMAIL ?? 'admin@example.com', password: process.env.ADMIN_PASSWORD ?? 'supersecret' },
  });
  const token = login.token as string;
  const run = Date.now().toString(36);
  const sizes = Array.from({ length: PAIRS }, (_, i) => `S${i}`);
  const { product } = await ready(`${url}/admin/products?fields=id,*variants`, {
    method: 'POST',
    token,
    body: {
      title: `Peer bench ${run}`,
      handle: `peer-bench-${run}`,
      options: [{ title: 'Size', values: sizes }],
      variants: sizes.map((size) => ({
        title: size,
        sku: `PEER-${run}-${size}`,
        manage_inventory: false,
        options: { Size: size },
        prices: [{ amount: 10, currency_code: 'usd' }],
      })),
    },
  });
  const variants = [...product.variants].sort((a: { sku: string }, b: { sku: string }) => a.sku.localeCompare(b.sku));
  const pairs = [];
  for (const [i, variant] of variants.entries()) {
    const { inventory_item: item } = await ready(`${url}/admin/inventory-items`, {
      method: 'POST',
      token,
      body: { sku: `PEER-${run}-ITEM-${i}`, title: `Peer item ${i}` },
    });
    pairs.push({ variantId: variant.id as string, itemId: item.id as string });
  }
  return { name: 'medusa', url, token, productId: product.id, pairs };
}

const linkPath = (side: Side, pair: Side['pairs'][number]) =>
  `${side.url}/admin/products/${side.productId}/variants/${pair.variantId}/inventory-items`;
const link = (side: Side, pair: Side['pairs'][number]) =>
  send(linkPath(side, pair), { method: 'POST', token: side.token, body: { inventory_item_id: pair.itemId, required_quantity: 1 } });
const unlink = (side: Side, pair: Side['pairs'][number]) =>
  send(`${linkPath(side, pair)}/${pair.itemId}`, { method: 'DELETE', token: side.token });

/** One round on one side: each of `workers` pairs linked then unlinked, the workers side by side. */
async function round(side: Side, workers: number, into: Sample) {
  const started = performance.now();
  await Promise.all(
    side.pairs.slice(0, workers).map(async (pair) => {
      for (const [kind, call] of [
        ['link', link],
        ['unlink', unlink],
      ] as const) {
        const at = performance.now();
        const reply = await call(side, pair);
        into[kind].push(performance.now() - at);
        into.requests += 1;
        if (reply.status >= 300) into.failures += 1;
        if (kind === 'link') into.linkBytes = Buffer.byteLength(reply.text);
      }
    }),
  );
  into.wallMs += performance.now() - started;
}

const empty = (): Sample => ({ link: [], unlink: [], wallMs: 0, requests: 0, failures: 0, linkBytes: 0 });
const round2 = (value: number) => Math.round(value * 100) / 100;

const sides = [await oursSide(), await medusaSide()] as const;
console.log(
  `| concurrency | request | ours p50 ms | Medusa p50 ms | p50 ratio (goal ≤ 0.5) | ours req/s | Medusa req/s | throughput ratio (goal ≥ 3) | failures ours / Medusa |`,
);
console.log(`|---:|---|---:|---:|---:|---:|---:|---:|---:|`);
for (const workers of [1, PAIRS]) {
  const samples = { ours: empty(), medusa: empty() };
  // Warm both (connections, caches, the emulator's JIT) before measuring.
  for (let r = 0; r < WARM_ROUNDS; r += 1) for (const side of sides) await round(side, workers, empty());
  for (let r = 0; r < ROUNDS; r += 1) {
    for (const side of r % 2 === 0 ? sides : [...sides].reverse()) await round(side, workers, samples[side.name]);
  }
  const rate = (sample: Sample) => sample.requests / (sample.wallMs / 1000);
  for (const kind of ['link', 'unlink'] as const) {
    const [ours, medusa] = [median(samples.ours[kind]), median(samples.medusa[kind])];
    console.log(
      `| ${workers} | ${kind} | ${round2(ours)} | ${round2(medusa)} | ${round2(ours / medusa)} | ${round2(rate(samples.ours))} | ${round2(rate(samples.medusa))} | ${round2(rate(samples.ours) / rate(samples.medusa))} | ${samples.ours.failures} / ${samples.medusa.failures} |`,
    );
  }
  console.log(`<!-- link answer bytes at ${workers}: ours ${samples.ours.linkBytes}, Medusa ${samples.medusa.linkBytes} -->`);
}
