import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, sign, type JsonWebKey, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEFAULT_ADMIN_SCOPE, DEFAULT_TENANT_CLAIM, DEFAULT_WRITE_SCOPE } from '#shared/config';

/**
 * A local JWT issuer for development and tests: an RSA key pair whose public half
 * the handlers trust through JWT_JWKS. Never used in a deployed stack.
 */
export const DEV_ISSUER = 'https://dev-issuer.inventory-api.invalid';
export const DEV_AUDIENCE = 'inventory-api';
export const DEV_SCOPE = DEFAULT_WRITE_SCOPE;
export const DEV_ADMIN_SCOPE = DEFAULT_ADMIN_SCOPE;

export interface DevIssuer {
  kid: string;
  privateJwk: JsonWebKey;
  jwks: { keys: JsonWebKey[] };
}

export function createDevIssuer(): DevIssuer {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomUUID();
  return {
    kid,
    privateJwk: privateKey.export({ format: 'jwk' }),
    jwks: { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }] },
  };
}

/** Where `npm start` and `npm run token` keep the issuer, so they agree on the key (git-ignored). */
export const DEV_ISSUER_FILE = '.local/dev-issuer.json';

/** The issuer kept in a file, so `npm start` and `npm run token` agree on the key. */
export function loadOrCreateDevIssuer(file: string): DevIssuer {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DevIssuer;
  const issuer = createDevIssuer();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(issuer), { mode: 0o600 });
  return issuer;
}

export interface TokenOptions {
  tenantId?: string;
  /** Replaces the default permissions: scope `inventory/write` and OrderCloud role FullAccess. */
  scope?: string;
  roles?: string[];
  expiresInSeconds?: number;
  /** Extra or overriding claims (tests use this for hostile tokens). */
  claims?: Record<string, unknown>;
  header?: Record<string, unknown>;
}

export function mintToken(issuer: DevIssuer, options: TokenOptions = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    iss: DEV_ISSUER,
    aud: DEV_AUDIENCE,
    sub: 'dev-user',
    iat: now,
    exp: now + (options.expiresInSeconds ?? 3600),
    scope: options.scope ?? DEV_SCOPE,
    roles: options.roles ?? ['FullAccess'],
    ...(options.tenantId === undefined ? {} : { tenant_id: options.tenantId }),
    ...options.claims,
  };
  const header = { alg: 'RS256', typ: 'JWT', kid: issuer.kid, ...options.header };
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = sign('RSA-SHA256', Buffer.from(signingInput), privateKeyOf(issuer));
  return `${signingInput}.${signature.toString('base64url')}`;
}

export function publicKeyPem(issuer: DevIssuer): string {
  return createPublicKey({ key: issuer.privateJwk, format: 'jwk' }).export({ format: 'pem', type: 'spki' }).toString();
}

const base64url = (text: string) => Buffer.from(text).toString('base64url');

/** The local cursor sealing key of npm start and the tests: never a deployed one. */
export const DEV_CURSOR_KEY = 'local-cursor-key-not-a-secret-0123456789';

/** Environment that makes the handlers trust this issuer and use the given table. */
export function handlerEnvironment(issuer: DevIssuer, table: { tableName: string; endpoint: string }): Record<string, string> {
  return {
    TABLE_NAME: table.tableName,
    DYNAMODB_ENDPOINT: table.endpoint,
    JWT_ISSUER: DEV_ISSUER,
    JWT_AUDIENCE: DEV_AUDIENCE,
    JWT_JWKS: JSON.stringify(issuer.jwks),
    TENANT_CLAIM: DEFAULT_TENANT_CLAIM,
    WRITE_SCOPE: DEV_SCOPE,
    ADMIN_SCOPE: DEV_ADMIN_SCOPE,
    // Seals list cursors; local only (in AWS the stack's secret does).
    CURSOR_KEY: DEV_CURSOR_KEY,
  };
}

/** Each issuer's private key, parsed from its JWK once (by key ID: callers may hold copies of the issuer). */
const privateKeys = new Map<string, KeyObject>();
function privateKeyOf(issuer: DevIssuer): KeyObject {
  let key = privateKeys.get(issuer.kid);
  if (!key) privateKeys.set(issuer.kid, (key = createPrivateKey({ key: issuer.privateJwk, format: 'jwk' })));
  return key;
}
