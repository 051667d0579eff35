/**
 * `npm run compare:medusa`: runs the same read-only cases against our dev server (`npm start`) and a
 * real Medusa 2.21.2 (seeded by its capture script: product `peer-tee`, items WIDGET-1 and GADGET-1)
 * and prints how many answers are identical, deliberately different (docs/medusa.md) or unexplained.
 * Both catalogs differ in their data, so an answer is compared by its status, its shape (the keys at
 * every depth, arrays by the union of their elements) and its error message with IDs masked.
 * Not part of `npm test`: it needs both servers running.
 *
 * Environment: OURS_URL (default http://127.0.0.1:3000), OURS_TOKEN (default: `npm run token` for
 * tenant_demo), MEDUSA_URL (default http://localhost:9000), ADMIN_EMAIL, ADMIN_PASSWORD.
 */
import { execFileSync } from 'node:child_process';

interface Side {
  url: string;
  token: string;
  ids: Record<string, string>;
}

interface Case {
  name: string;
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  body?: unknown;
  auth?: false;
  /** Why the answers differ on purpose (docs/medusa.md, "Deliberately different"). */
  deliberate?: string;
}

const UNKNOWN_VARIANT = 'variant_01ZZZZZZZZZZZZZZZZZZZZZZZZ';
const UNKNOWN_ITEM = 'iitem_01ZZZZZZZZZZZZZZZZZZZZZZZZ';
const UNKNOWN_LOCATION = 'sloc_01ZZZZZZZZZZZZZZZZZZZZZZZZ';

/** Cases name the catalog's roles in braces; each side fills in its own IDs. */
const CASES: Case[] = [
  { name: 'variant default fields', method: 'GET', path: '/admin/products/{P}/variants/{V}' },
  { name: 'variant *inventory_items', method: 'GET', path: '/admin/products/{P}/variants/{V}?fields=*inventory_items' },
  {
    name: 'variant dotted levels path',
    method: 'GET',
    path: '/admin/products/{P}/variants/{V}?fields=id,inventory_items.inventory.location_levels.stocked_quantity',
  },
  { name: 'unknown variant', method: 'GET', path: `/admin/products/{P}/variants/${UNKNOWN_VARIANT}` },
  { name: 'variants list +inventory_quantity', method: 'GET', path: '/admin/products/{P}/variants?fields=id,sku,%2Binventory_quantity' },
  { name: 'variants list sku filter', method: 'GET', path: '/admin/products/{P}/variants?fields=id,sku&sku={SKU}' },
  {
    name: 'variants list order=nope',
    method: 'GET',
    path: '/admin/products/{P}/variants?order=nope',
    deliberate: 'Medusa answers 500; we answer 400 naming the field',
  },
  {
    name: 'variants list limit=-1',
    method: 'GET',
    path: '/admin/products/{P}/variants?limit=-1',
    deliberate: 'Medusa answers 500; we answer 400 naming the field',
  },
  { name: 'levels list', method: 'GET', path: '/admin/inventory-items/{I}/location-levels' },
  { name: 'levels list order', method: 'GET', path: '/admin/inventory-items/{I}/location-levels?order=-location_id' },
  { name: 'levels list location_id=a,b', method: 'GET', path: '/admin/inventory-items/{I}/location-levels?location_id={L},{L2}' },
  { name: 'levels of unknown item', method: 'GET', path: `/admin/inventory-items/${UNKNOWN_ITEM}/location-levels` },
  {
    name: 'link update of unknown variant',
    method: 'POST',
    path: `/admin/products/{P}/variants/${UNKNOWN_VARIANT}/inventory-items/{I}`,
    body: { required_quantity: 2 },
  },
  {
    name: 'batch updates a pair twice',
    method: 'POST',
    path: '/admin/products/{P}/variants/inventory-items/batch',
    body: {
      update: [
        { variant_id: '{V}', inventory_item_id: '{I}', required_quantity: 2 },
        { variant_id: '{V}', inventory_item_id: '{I}', required_quantity: 3 },
      ],
    },
  },
  {
    name: 'batch deletes a pair that is not linked',
    method: 'POST',
    path: '/admin/products/{P}/variants/inventory-items/batch',
    body: { delete: [{ variant_id: UNKNOWN_VARIANT, inventory_item_id: '{I}' }] },
  },
  { name: 'link delete of unknown variant', method: 'DELETE', path: `/admin/products/{P}/variants/${UNKNOWN_VARIANT}/inventory-items/{I}` },
  { name: 'level delete at unknown location', method: 'DELETE', path: `/admin/inventory-items/{I}/location-levels/${UNKNOWN_LOCATION}` },
  {
    name: 'level create at unknown location',
    method: 'POST',
    path: '/admin/inventory-items/{I}/location-levels',
    body: { location_id: UNKNOWN_LOCATION },
  },
  { name: 'no token', method: 'GET', path: '/admin/inventory-items/{I}/location-levels', auth: false },
];

const fill = (text: string, ids: Record<string, string>) => text.replace(/\{([A-Z0-9]+)\}/g, (whole, role: string) => ids[role] ?? whole);

async function call(side: Side, test: Case) {
  const body = test.body === undefined ? undefined : fill(JSON.stringify(test.body), side.ids);
  const response = await fetch(side.url + fill(test.path, side.ids), {
    method: test.method,
    headers: {
      ...(test.auth === false ? {} : { authorization: `Bearer ${side.token}` }),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body } : {}),
  });
  const text = await response.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: compared as text
  }
  return { status: response.status, shape: shapeOf(json) };
}

/** The keys at every depth; an error message with its IDs masked; other values only as "value". */
function shapeOf(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) {
    const merged: Record<string, unknown> = {};
    for (const element of value) Object.assign(merged, shapeOf(element) as object);
    return value.length === 0 ? [] : [Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b)))];
  }
  // Free-form maps hold data, not shape.
  if (key === 'rules' || key === 'metadata') return 'value';
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((name) => [name, shapeOf((value as Record<string, unknown>)[name], name)]),
    );
  }
  if (key === 'message' && typeof value === 'string') return value.replace(/\b[a-z]+_[A-Za-z0-9_]+\b/g, '<id>');
  return 'value';
}

async function medusaSide(): Promise<Side> {
  const url = process.env.MEDUSA_URL ?? 'http://localhost:9000';
  const login = await fetch(`${url}/auth/user/emailpass`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: process.env.ADMIN_EMAIL ?? 'admin@example.com', password: process.env.ADMIN_PASSWORD ?? 'supersecret' }),
  });
  const { token } = (await login.json()) as { token: string };
  const get = async (path: string) => (await fetch(url + path, { headers: { authorization: `Bearer ${token}` } })).json() as Promise<any>;
  const { products } = await get('/admin/products?handle=peer-tee&fields=id,*variants');
  const product = products[0];
  const variant = product.variants.find((entry: { sku: string }) => entry.sku === 'PEER-TEE-M');
  const { inventory_items: items } = await get('/admin/inventory-items?sku=WIDGET-1');
  const { stock_locations: locations } = await get('/admin/stock-locations?order=name');
  return {
    url,
    token,
    ids: { P: product.id, V: variant.id, SKU: variant.sku, I: items[0].id, L: locations[1].id, L2: locations[0].id },
  };
}

function oursSide(): Side {
  const token =
    process.env.OURS_TOKEN ??
    execFileSync('npm', ['run', '--silent', 'token', '--', '--tenant', 'tenant_demo'], { encoding: 'utf8' }).trim();
  return {
    url: process.env.OURS_URL ?? 'http://127.0.0.1:3000',
    token,
    ids: {
      P: 'prod_medusa_espresso_kit',
      V: 'variant_medusa_kit_deluxe',
      SKU: 'KIT-ESP-DLX',
      I: 'iitem_medusa_cup',
      L: 'wh_main',
      L2: 'wh_def456',
    },
  };
}

const [ours, medusa] = [oursSide(), await medusaSide()];
const counts = { identical: 0, deliberate: 0, unexplained: 0 };
for (const test of CASES) {
  const [a, b] = [await call(ours, test), await call(medusa, test)];
  const same = JSON.stringify(a) === JSON.stringify(b);
  const verdict = same ? 'identical' : test.deliberate ? 'deliberate' : 'unexplained';
  counts[verdict] += 1;
  console.log(
    `${verdict.padEnd(11)} ${test.name}${same ? '' : `: ours ${a.status}, Medusa ${b.status}${test.deliberate ? ` (${test.deliberate})` : ''}`}`,
  );
  if (verdict === 'unexplained') console.log(`  ours   ${JSON.stringify(a.shape)}\n  Medusa ${JSON.stringify(b.shape)}`);
}
console.log(`\n${CASES.length} cases: ${counts.identical} identical, ${counts.deliberate} deliberate, ${counts.unexplained} unexplained`);
