import type { Location } from '#shared/domain/catalog';

/** The demo's main warehouse, as the stock location routes' examples show it. */
export const sampleLocation: Location = {
  id: 'wh_main',
  tenantId: 'tenant_demo',
  name: 'Main Warehouse',
  ownerId: 'tenant_demo',
  address: {
    companyName: 'Demo Commerce Ltd',
    firstName: '',
    lastName: '',
    street1: '1 Dock Road',
    street2: '',
    city: 'Lagos',
    state: 'LA',
    zip: '100001',
    country: 'NG',
    phone: '',
    addressName: 'Main Warehouse',
    xp: {},
  },
  createdAt: '2024-11-01T10:00:00Z',
};
