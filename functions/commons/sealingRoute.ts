import { UnauthenticatedError } from '#shared/http/errors';
import { createPipeline } from '#shared/http/pipeline';
import { readStackSecretWith } from '#shared/store/cursorSeal';
import { merchantApiKeyStore } from '#shared/store/merchantApiKeys';
import { readFromSecretsManager } from '#shared/store/sealingSecret';
import { commonPorts } from '#functions/commons/route';

// Read at the first cursor or key digest, once per container (CURSOR_KEY instead, locally).
readStackSecretWith(readFromSecretsManager);

/**
 * The composition root of the routes flagged `needsSealingSecret` (they seal or open list cursors,
 * or digest merchant API keys): the common pipeline, plus the stack's secret read from Secrets
 * Manager and the ShopSynch merchant API key check. test/bundle.test.ts holds the two together:
 * a route's bundle carries the Secrets Manager client exactly when the route is flagged, and any
 * bundle reaching the sealing code is a flagged route's.
 */
export const route = createPipeline({
  ...commonPorts,
  headerChecks: {
    ...commonPorts.headerChecks,
    async merchantApiKey(key, principal) {
      if (!(await merchantApiKeyStore.isActive(principal.tenantId, key))) throw new UnauthenticatedError('X-MerchantApiKey is not valid');
    },
  },
});
