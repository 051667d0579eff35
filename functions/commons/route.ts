import { NotFoundError } from '#shared/domain/errors';
import { createPipeline, type PipelinePorts } from '#shared/http/pipeline';
import { countingRoundTrips, documentClient, roundTripsSoFar } from '#shared/store/client';
import { asUnavailable } from '#shared/store/faults';
import { idempotencyStore } from '#shared/store/idempotency';

// Built at cold start, so its setup is paid during init, not by the first request.
documentClient();

/**
 * What every route's pipeline is bound to: the store's implementations of what it needs
 * (Idempotency-Key records, the recognition of transient DynamoDB faults, the count of DynamoDB
 * round trips per request) and the header checks that need no secret.
 */
export const commonPorts = {
  idempotency: idempotencyStore,
  asUnavailable,
  countingRoundTrips,
  roundTrips: roundTripsSoFar,
  headerChecks: {
    // Another business's ID answers exactly like one that does not exist.
    async tenant(businessId, principal) {
      if (businessId !== principal.tenantId) throw new NotFoundError('Tenant', businessId);
    },
  },
} satisfies PipelinePorts;

/**
 * The composition root of the HTTP routes not given the sealing secret: they neither seal list
 * cursors nor digest merchant API keys. Routes flagged `needsSealingSecret` use
 * functions/commons/sealingRoute.ts instead, the only way a bundle gets the Secrets Manager client.
 */
export const route = createPipeline(commonPorts);
