/** The two servers compared and the IDs their catalogs give each role the cases name. */
import { execFileSync } from 'node:child_process';
import type { Side } from '#scripts/compare-medusa/model';

/**
 * Real Medusa 2.21.2 as its capture script seeds it: product `peer-tee` (role P; V its variant
 * PEER-TEE-M), item WIDGET-1 (I), locations Peer Warehouse (L) and Peer Popup (L2), and the
 * reservation of 3 widgets at the warehouse (R).
 */
export async function medusaSide(run: string): Promise<Side> {
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
  const location = async (name: string) => (await get(`/admin/stock-locations?name=${encodeURIComponent(name)}`)).stock_locations[0];
  const [warehouse, popup] = [await location('Peer Warehouse'), await location('Peer Popup')];
  const { reservations } = await get(`/admin/reservations?inventory_item_id=${items[0].id}&location_id=${warehouse.id}`);
  const reservation = reservations.find((entry: { description: string }) => entry.description === 'peer seed reservation');
  return {
    name: 'Medusa',
    url,
    token,
    ids: {
      RUN: run,
      P: product.id,
      V: variant.id,
      SKU: variant.sku,
      I: items[0].id,
      L: warehouse.id,
      LNAME: warehouse.name,
      L2: popup.id,
      R: reservation.id,
    },
  };
}

/** Our dev server (`npm start`) with the demo tenant's fixtures. */
export function oursSide(run: string): Side {
  const token =
    process.env.OURS_TOKEN ??
    execFileSync('npm', ['run', '--silent', 'token', '--', '--tenant', 'tenant_demo'], { encoding: 'utf8' }).trim();
  return {
    name: 'ours',
    url: process.env.OURS_URL ?? 'http://127.0.0.1:3000',
    token,
    ids: {
      RUN: run,
      P: 'prod_medusa_espresso_kit',
      V: 'variant_medusa_kit_deluxe',
      SKU: 'KIT-ESP-DLX',
      I: 'iitem_medusa_cup',
      L: 'wh_main',
      LNAME: 'Main Warehouse',
      L2: 'wh_def456',
      R: 'resitem_01JBRZ5E4Q8M7X2V9K3N6P1T0R',
    },
  };
}
