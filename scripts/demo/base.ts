import type { TenantFixture } from '#shared/store/fixtures';
import { DEMO_MERCHANT_API_KEY, DEMO_TENANT_ID } from '#functions/commons/demo';

/** Catalog every route's demo shares: the tenant, its key and its locations. */
export const baseCatalog: TenantFixture = {
  id: DEMO_TENANT_ID,
  name: 'Demo Commerce Ltd',
  currency: 'usd',
  defaultLocationId: 'wh_main',
  // Variants created through the DayZero route are synced to Stripe (a local stand-in under npm start).
  stripe: { accountId: 'acct_demo_local', syncRequired: false },
  merchantApiKeys: [DEMO_MERCHANT_API_KEY],
  locations: [
    {
      id: 'wh_main',
      name: 'Main Warehouse',
      address: {
        companyName: 'Demo Commerce Ltd',
        street1: '1 Dock Road',
        city: 'Lagos',
        state: 'LA',
        zip: '100001',
        country: 'NG',
        addressName: 'Main Warehouse',
      },
    },
    {
      id: 'wh_def456',
      name: 'Abuja Satellite Store',
      address: {
        companyName: 'Demo Commerce Ltd',
        street1: '12 Garki Way',
        city: 'Abuja',
        state: 'FC',
        zip: '900001',
        country: 'NG',
        addressName: 'Abuja Satellite Store',
      },
    },
  ],
};
