import * as z from 'zod/mini';

/**
 * Runtime configuration, read from the environment once per container.
 * A missing or malformed value throws while the module loads, so a misconfigured
 * function fails at cold start instead of answering requests wrongly.
 * Blank variables count as unset.
 */
/** Where the tenant and the write permission are read from when nothing else is configured. */
export const DEFAULT_TENANT_CLAIM = 'tenant_id';
export const DEFAULT_WRITE_SCOPE = 'inventory/write';
/** The permission of the catalog administration routes (import, export, keys, settings): separate from writing. */
export const DEFAULT_ADMIN_SCOPE = 'inventory/admin';

const commaList = z.pipe(
  z.pipe(
    z.string(),
    z.transform((value: string) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    ),
  ),
  z.array(z.string()).check(z.minLength(1)),
);

const EnvSchema = z
  .object({
    TABLE_NAME: z.string().check(z.minLength(1)),
    DYNAMODB_ENDPOINT: z.optional(z.url()),
    TENANT_CLAIM: z.string().check(z.minLength(1)),
    WRITE_SCOPE: z.string().check(z.minLength(1)),
    ADMIN_SCOPE: z.string().check(z.minLength(1)),
    JWT_ISSUER: z.optional(z.url()),
    JWT_AUDIENCE: z.optional(commaList),
    JWT_JWKS_URI: z.optional(z.url()),
    JWT_JWKS: z.optional(z.string()),
    COGNITO_USER_POOL_ID: z.optional(z.string().check(z.regex(/^[\w-]+_[0-9a-zA-Z]+$/))),
    COGNITO_CLIENT_ID: z.optional(z.string()),
    COGNITO_TOKEN_USE: z._default(z.enum(['access', 'id']), 'access'),
  })
  .check(
    z.superRefine((env, ctx) => {
      const cognito = env.COGNITO_USER_POOL_ID !== undefined;
      const oidc = env.JWT_ISSUER !== undefined;
      if (cognito === oidc) {
        ctx.addIssue({ code: 'custom', message: 'set exactly one of COGNITO_USER_POOL_ID or JWT_ISSUER', input: env });
      }
      if (cognito && env.COGNITO_CLIENT_ID === undefined) {
        ctx.addIssue({ code: 'custom', path: ['COGNITO_CLIENT_ID'], message: 'required with COGNITO_USER_POOL_ID', input: env });
      }
      if (oidc && env.JWT_AUDIENCE === undefined) {
        ctx.addIssue({ code: 'custom', path: ['JWT_AUDIENCE'], message: 'required with JWT_ISSUER', input: env });
      }
    }),
  );

export type AuthConfig =
  | { kind: 'cognito'; userPoolId: string; clientId: string; tokenUse: 'access' | 'id' }
  | { kind: 'oidc'; issuer: string; audience: string[]; jwksUri?: string; jwks?: unknown };

export interface Config {
  tableName: string;
  dynamodbEndpoint?: string;
  tenantClaim: string;
  writeScope: string;
  adminScope: string;
  auth: AuthConfig;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = EnvSchema.safeParse({
    ...set,
    TENANT_CLAIM: set.TENANT_CLAIM ?? DEFAULT_TENANT_CLAIM,
    WRITE_SCOPE: set.WRITE_SCOPE ?? DEFAULT_WRITE_SCOPE,
    ADMIN_SCOPE: set.ADMIN_SCOPE ?? DEFAULT_ADMIN_SCOPE,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const auth: AuthConfig = e.COGNITO_USER_POOL_ID
    ? { kind: 'cognito', userPoolId: e.COGNITO_USER_POOL_ID, clientId: e.COGNITO_CLIENT_ID!, tokenUse: e.COGNITO_TOKEN_USE }
    : {
        kind: 'oidc',
        issuer: e.JWT_ISSUER!,
        audience: e.JWT_AUDIENCE!,
        ...(e.JWT_JWKS_URI ? { jwksUri: e.JWT_JWKS_URI } : {}),
        ...(e.JWT_JWKS ? { jwks: parseJwks(e.JWT_JWKS) } : {}),
      };
  return {
    tableName: e.TABLE_NAME,
    ...(e.DYNAMODB_ENDPOINT ? { dynamodbEndpoint: e.DYNAMODB_ENDPOINT } : {}),
    tenantClaim: e.TENANT_CLAIM,
    writeScope: e.WRITE_SCOPE,
    adminScope: e.ADMIN_SCOPE,
    auth,
  };
}

function parseJwks(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new Error('Invalid configuration: JWT_JWKS is not valid JSON');
  }
}

let loaded: Config | undefined;

/** The container's configuration, validated on first use (at module load of every handler). */
export function config(): Config {
  loaded ??= readConfig();
  return loaded;
}
