import type { RouteDemo } from '#functions/commons/demo';
import { DEV_ADMIN_SCOPE, DEV_CURSOR_KEY } from '#scripts/local/devIssuer';
import { merchantApiKeyId } from '#shared/domain/merchantApiKey';
import { keyDigestUnderSecret } from '#shared/store/merchantKeyDigest';

/** A key of its own, so that revoking it leaves the ShopSynch demo's key working. */
const SPARE_KEY = 'mk_demo_spare_7d3e91';

export const demo: RouteDemo = {
  catalog: { merchantApiKeys: [SPARE_KEY] },
  example: {
    // Its ID is the start of its digest, keyed with the local sealing secret.
    path: `/admin/merchant-api-keys/${merchantApiKeyId(keyDigestUnderSecret(DEV_CURSOR_KEY, SPARE_KEY))}`,
    scope: DEV_ADMIN_SCOPE,
    note: `200 with the spare demo key (${SPARE_KEY}) revoked; repeated: 200, the same answer`,
    expect: { first: 200, repeat: 200 },
  },
};
