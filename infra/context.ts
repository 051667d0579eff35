import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { LogLevel } from './inventoryFunction.ts';
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
 *   alarmEmail                             subscribe this address to the alarm topic
 *   logLevel                               DEBUG, INFO (default), WARN or ERROR
 *   debugSampleRate                        share of requests logged at DEBUG, 0 to 1 (default 0.01)
 *   logRetentionDays                       retention of every log group, in days (default 30)
 *   eventBusName                           an existing EventBridge bus for InventoryLowStock (else one is created)
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
  const corsOrigins = read('corsOrigins')
    ?.split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  return {
    ...(issuer && audience ? { oidc: { issuer, audience, ...(jwksUri ? { jwksUri } : {}) } } : {}),
    ...(tenantClaim ? { tenantClaim } : {}),
    ...(writePermission ? { writePermission } : {}),
    ...(adminPermission ? { adminPermission } : {}),
    dev: read('dev') === 'true',
    throttling: { rateLimit: positive(read, 'throttleRate', 100), burstLimit: positive(read, 'throttleBurst', 200) },
    ...(corsOrigins?.length ? { corsOrigins } : {}),
    ...(read('stripeSecretArn') ? { stripeSecretArn: read('stripeSecretArn')! } : {}),
    ...(read('alarmEmail') ? { alarmEmail: email(read('alarmEmail')!) } : {}),
    ...(read('logLevel') ? { logLevel: logLevel(read('logLevel')!) } : {}),
    ...(read('debugSampleRate') ? { debugSampleRate: fraction(read('debugSampleRate')!) } : {}),
    ...(read('logRetentionDays') ? { logRetention: retention(read('logRetentionDays')!) } : {}),
    ...(read('eventBusName') ? { eventBusName: read('eventBusName')! } : {}),
  };
}

function email(raw: string): string {
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(raw)) throw new Error(`Context alarmEmail must be an email address, got "${raw}".`);
  return raw;
}

const LOG_LEVELS: readonly LogLevel[] = ['DEBUG', 'INFO', 'WARN', 'ERROR'];

function logLevel(raw: string): LogLevel {
  const level = raw.toUpperCase() as LogLevel;
  if (!LOG_LEVELS.includes(level)) throw new Error(`Context logLevel must be one of ${LOG_LEVELS.join(', ')}, got "${raw}".`);
  return level;
}

function fraction(raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1)
    throw new Error(`Context debugSampleRate must be a number from 0 to 1, got "${raw}".`);
  return value;
}

/** CloudWatch Logs accepts only its own list of retention periods. */
function retention(raw: string): RetentionDays {
  const days = Number(raw);
  if (!(Object.values(RetentionDays) as unknown[]).includes(days) || days === RetentionDays.INFINITE) {
    throw new Error(`Context logRetentionDays must be a retention CloudWatch Logs offers (1, 3, 5, 7, 14, 30, 60, 90, ...), got "${raw}".`);
  }
  return days as RetentionDays;
}

function positive(read: (key: string) => string | undefined, key: string, fallback: number): number {
  const raw = read(key);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`Context ${key} must be a positive number, got "${raw}".`);
  return value;
}
