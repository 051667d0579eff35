import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { accessTokenGeneration, readAccessTokenRules } from '#shared/auth/cognitoAccessToken';

const rules = readAccessTokenRules(process.env);

/** Cognito pre token generation trigger (event version 2): shapes the access tokens the API accepts. */
export const handler = async (event: PreTokenGenerationV2TriggerEvent): Promise<PreTokenGenerationV2TriggerEvent> => {
  event.response = { claimsAndScopeOverrideDetails: { accessTokenGeneration: accessTokenGeneration(event.request, rules) } };
  return event;
};
