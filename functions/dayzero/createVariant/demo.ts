import type { RouteDemo } from '#functions/commons/demo';
import { DEMO_TENANT_ID } from '#functions/commons/demo';

/** A coffee product; the variant's initial stock lands at the demo business's default location (wh_main). */
export const demo: RouteDemo = {
  catalog: {
    vendors: [{ id: 'vendor_dz_roaster', name: 'Lagos Roasters' }],
    products: [{ id: 'prod_dz_coffee', name: 'House Blend Coffee', type: 'VARIABLE' }],
  },
  example: {
    path: '/api/v1/inventory/products/variants',
    headers: { 'x-business-id': DEMO_TENANT_ID },
    body: {
      product_id: 'prod_dz_coffee',
      name: '1 kg - Whole Bean',
      sku: 'HB-1KG-WB',
      manufacturer_sku: 'LR-HB-1000',
      unit_price: 2999,
      unit_cost: 1450,
      unit_cost_precise: 14.5,
      uom: 'KG',
      default_vendor_id: 'vendor_dz_roaster',
      initial_inventory_quantity: 40,
      initial_inventory_quantity_date: '2026-11-01T09:00:00Z',
    },
    note: '201 the first time; 409 (the SKU is unique per business) when repeated',
    expect: { first: 201, repeat: 409 },
  },
};
