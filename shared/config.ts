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

/** Every function's table: named by the stack, or by npm start and the tests with DynamoDB Local's endpoint. */
const tableSettings = {
  TABLE_NAME: z.string().check(z.minLength(1)),
  DYNAMODB_ENDPOINT: z.optional(z.url()),
};

const EnvSchema = z
  .object({
    ...tableSettings,
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

/** The environment read through a schema, blank variables unset; every problem listed in one error. */
function parseEnvironment<T>(schema: z.ZodMiniType<T>, env: NodeJS.ProcessEnv, defaults: Record<string, string> = {}): T {
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = z.safeParse(schema, { ...defaults, ...set });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** The configuration of an HTTP function. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = parseEnvironment(EnvSchema, env, {
    TENANT_CLAIM: DEFAULT_TENANT_CLAIM,
    WRITE_SCOPE: DEFAULT_WRITE_SCOPE,
    ADMIN_SCOPE: DEFAULT_ADMIN_SCOPE,
  });
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

/** The table the store reaches: every function's and every script's (the migration's, for one). */
export interface StoreConfig {
  tableName: string;
  dynamodbEndpoint?: string;
}

export function readStoreConfig(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const e = parseEnvironment(z.object(tableSettings), env);
  return { tableName: e.TABLE_NAME, ...(e.DYNAMODB_ENDPOINT ? { dynamodbEndpoint: e.DYNAMODB_ENDPOINT } : {}) };
}

let loadedStore: StoreConfig | undefined;

/** The store's configuration, validated on first use. */
export function storeConfig(): StoreConfig {
  loadedStore ??= readStoreConfig();
  return loadedStore;
}

let loaded: Config | undefined;

/** The container's configuration, validated on first use (at module load of every handler). */
export function config(): Config {
  loaded ??= readConfig();
  return loaded;
}

/** Where the Stripe sync finds its Stripe key: in Secrets Manager in AWS, or given directly (npm start, tests). */
export type StripeKeySource = { kind: 'key'; secretKey: string } | { kind: 'secret'; secretArn: string };

export interface StripeSyncConfig {
  tableName: string;
  dynamodbEndpoint?: string;
  stripeKey: StripeKeySource;
}

const StripeSyncEnvSchema = z
  .object({ ...tableSettings, STRIPE_SECRET_KEY: z.optional(z.string()), STRIPE_SECRET_ARN: z.optional(z.string()) })
  .check(
    z.refine((env) => env.STRIPE_SECRET_KEY !== undefined || env.STRIPE_SECRET_ARN !== undefined, {
      message: 'set STRIPE_SECRET_ARN or STRIPE_SECRET_KEY',
    }),
  );

/** The configuration of the Stripe sync (functions/syncStripe); a given key wins over the secret. */
export function readStripeSyncConfig(env: NodeJS.ProcessEnv = process.env): StripeSyncConfig {
  const e = parseEnvironment(StripeSyncEnvSchema, env);
  return {
    tableName: e.TABLE_NAME,
    ...(e.DYNAMODB_ENDPOINT ? { dynamodbEndpoint: e.DYNAMODB_ENDPOINT } : {}),
    stripeKey: e.STRIPE_SECRET_KEY ? { kind: 'key', secretKey: e.STRIPE_SECRET_KEY } : { kind: 'secret', secretArn: e.STRIPE_SECRET_ARN! },
  };
}

export interface LowStockEventsConfig {
  tableName: string;
  dynamodbEndpoint?: string;
  eventBusName: string;
}

const LowStockEventsEnvSchema = z.object({ ...tableSettings, EVENT_BUS_NAME: z.string().check(z.minLength(1)) });

/** The configuration of the InventoryLowStock publisher (functions/publishLowStock). */
export function readLowStockEventsConfig(env: NodeJS.ProcessEnv = process.env): LowStockEventsConfig {
  const e = parseEnvironment(LowStockEventsEnvSchema, env);
  return {
    tableName: e.TABLE_NAME,
    ...(e.DYNAMODB_ENDPOINT ? { dynamodbEndpoint: e.DYNAMODB_ENDPOINT } : {}),
    eventBusName: e.EVENT_BUS_NAME,
  };
}

/**
 * Where the functions that seal list cursors find their sealing secret: in Secrets Manager in
 * AWS (CURSOR_SECRET_ARN, set by the stack on exactly those functions), or given directly as
 * CURSOR_KEY (npm start, tests; at least 32 characters). A given key wins over the secret.
 */
export type SealSecretSource = { kind: 'key'; key: string } | { kind: 'secret'; secretArn: string };

const SealSecretEnvSchema = z
  .object({ CURSOR_KEY: z.optional(z.string().check(z.minLength(32))), CURSOR_SECRET_ARN: z.optional(z.string()) })
  .check(
    z.refine((env) => env.CURSOR_KEY !== undefined || env.CURSOR_SECRET_ARN !== undefined, {
      message: 'set CURSOR_SECRET_ARN or CURSOR_KEY',
    }),
  );

export function readSealSecretSource(env: NodeJS.ProcessEnv = process.env): SealSecretSource {
  const e = parseEnvironment(SealSecretEnvSchema, env);
  return e.CURSOR_KEY ? { kind: 'key', key: e.CURSOR_KEY } : { kind: 'secret', secretArn: e.CURSOR_SECRET_ARN! };
}
