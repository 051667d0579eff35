import type { RouteDemo } from '#functions/commons/demo';

/** A product-level record of a SIMPLE product (a product without variants) at the Abuja address. */
export const demo: RouteDemo = {
  catalog: { products: [{ id: 'prod_oc_candle', name: 'Beeswax Candle', type: 'SIMPLE' }] },
  example: {
    path: '/products/prod_oc_candle/inventoryrecords',
    body: { ID: 'invrec-candle-abuja', AddressID: 'wh_def456', QuantityAvailable: 12 },
    note: '201 the first time; 409 IdExists (record IDs are unique within the product) when repeated',
    expect: { first: 201, repeat: 409 },
  },
};
