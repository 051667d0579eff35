import type { RouteDemo } from '#functions/commons/demo';

/** A T-shirt variant stocked at the demo's main warehouse address, with an explicit record ID. */
export const demo: RouteDemo = {
  catalog: {
    products: [
      {
        id: 'prod_oc_tshirt',
        name: 'Organic T-shirt',
        type: 'VARIABLE',
        variants: [{ id: 'var_oc_tshirt_m_blue', name: 'M / Blue', sku: 'OC-TS-M-BLU', attributes: { Size: 'M', Color: 'Blue' } }],
      },
    ],
  },
  example: {
    path: '/products/prod_oc_tshirt/variants/var_oc_tshirt_m_blue/inventoryrecords',
    body: { ID: 'invrec-main-m-blue', AddressID: 'wh_main', QuantityAvailable: 120, NotificationPoint: 20, xp: { Aisle: '4' } },
    note: '201 the first time; 409 IdExists (record IDs are unique within the product) when repeated',
    expect: { first: 201, repeat: 409 },
  },
};
