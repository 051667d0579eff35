import { NotFoundError } from '#shared/domain/errors';
import { UnauthenticatedError } from '#shared/http/errors';
import { createPipeline } from '#shared/http/pipeline';
import { countingRoundTrips, documentClient, roundTripsSoFar } from '#shared/store/client';
import { asUnavailable } from '#shared/store/faults';
import { idempotencyStore } from '#shared/store/idempotency';
import { merchantApiKeyStore } from '#shared/store/merchantApiKeys';

// Built at cold start, so its setup is paid during init, not by the first request.
documentClient();

/**
 * The composition root of every HTTP route: the shared pipeline, bound to the store's
 * implementations of what it needs (Idempotency-Key records, merchant API keys, the
 * recognition of transient DynamoDB faults, the count of DynamoDB round trips per request).
 */
export const route = createPipeline({
  idempotency: idempotencyStore,
  asUnavailable,
  countingRoundTrips,
  roundTrips: roundTripsSoFar,
  headerChecks: {
    async merchantApiKey(key, principal) {
      if (!(await merchantApiKeyStore.isActive(principal.tenantId, key))) throw new UnauthenticatedError('X-MerchantApiKey is not valid');
    },
    // Another business's ID answers exactly like one that does not exist.
    async tenant(businessId, principal) {
      if (businessId !== principal.tenantId) throw new NotFoundError('Tenant', businessId);
    },
  },
});
