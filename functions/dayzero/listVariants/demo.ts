import type { RouteDemo } from '#functions/commons/demo';
import { DEMO_TENANT_ID } from '#functions/commons/demo';

/** A product's variants by name, two to a page, with the count of all of them. */
export const demo: RouteDemo = {
  catalog: {
    products: [
      {
        id: 'prod_dz_cold_brew',
        name: 'Cold Brew Concentrate',
        type: 'VARIABLE',
        variants: [
          { id: 'var_dz_cold_brew_250ml', name: '250 ml - Cold Brew', sku: 'CB-250', unitPrice: 650, unitCost: 210 },
          { id: 'var_dz_cold_brew_1l', name: '1 l - Cold Brew', sku: 'CB-1L', unitPrice: 1990, unitCost: 720 },
          { id: 'var_dz_cold_brew_5l', name: '5 l - Cold Brew', sku: 'CB-5L', unitPrice: 8490, unitCost: 3300 },
        ],
      },
    ],
  },
  example: {
    path: '/api/v1/inventory/products/variants',
    query: 'product_id=prod_dz_cold_brew&sort_by=name&descending=false&limit=2&include_total_count=true',
    headers: { 'x-business-id': DEMO_TENANT_ID },
    note: '200 both times: the first two variants by name, total 3, has_next true and a next_cursor to pass back with direction=next',
    expect: { first: 200, repeat: 200 },
  },
};
