import type { InventoryApiStackProps } from './stack.ts';

/**
 * Stack options from CDK context (`-c key=value` or cdk.json):
 *   oidcIssuer, oidcAudience, oidcJwksUri  use your own issuer instead of Cognito
 *   tenantClaim                            claim naming the tenant (default tenant_id)
 *   writePermission                        scope, group or role that writes (default inventory/write)
 *   adminPermission                        scope, group or role of the admin routes (default inventory/admin)
 *   dev=true                               disposable stack: destroyed with it
 *   throttleRate, throttleBurst            default stage throttling
 *   corsOrigins=https://a.example,...      enable CORS for these origins
 *   stripeSecretArn                        an existing secret with the Stripe key (else one is created)
 */
export function stackPropsFromContext(read: (key: string) => string | undefined): InventoryApiStackProps {
  const issuer = read('oidcIssuer');
  const audience = read('oidcAudience');
  if ((issuer === undefined) !== (audience === undefined)) {
    throw new Error('Set both oidcIssuer and oidcAudience, or neither to use the Cognito user pool.');
  }
  const jwksUri = read('oidcJwksUri');
  const tenantClaim = read('tenantClaim');
  const writePermission = read('writePermission');
  const adminPermission = read('adminPermission');
  const corsOrigins = read('corsOrigins')?.split(',').map((origin) => origin.trim()).filter(Boolean);
  return {
    ...(issuer && audience ? { oidc: { issuer, audience, ...(jwksUri ? { jwksUri } : {}) } } : {}),
    ...(tenantClaim ? { tenantClaim } : {}),
    ...(writePermission ? { writePermission } : {}),
    ...(adminPermission ? { adminPermission } : {}),
    dev: read('dev') === 'true',
    throttling: { rateLimit: positive(read, 'throttleRate', 100), burstLimit: positive(read, 'throttleBurst', 200) },
    ...(corsOrigins?.length ? { corsOrigins } : {}),
    ...(read('stripeSecretArn') ? { stripeSecretArn: read('stripeSecretArn')! } : {}),
  };
}

function positive(read: (key: string) => string | undefined, key: string, fallback: number): number {
  const raw = read(key);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`Context ${key} must be a positive number, got "${raw}".`);
  return value;
}
