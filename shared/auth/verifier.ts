import { CognitoJwtVerifier, JwtVerifier } from 'aws-jwt-verify';
import { JwtInvalidClaimError } from 'aws-jwt-verify/error';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { JwtHeader, JwtPayload } from 'aws-jwt-verify/jwt-model';
import type { AuthConfig } from '#shared/config';

export type VerifyToken = (token: string) => Promise<JwtPayload>;

/**
 * Builds the token verifier for the configured issuer. Called once per container:
 * aws-jwt-verify caches the JWKS and the parsed public keys between invocations, and the
 * container remembers the tokens it has verified until they expire (see rememberVerified).
 */
export function createTokenVerifier(auth: AuthConfig): VerifyToken {
  return rememberVerified(issuerVerifier(auth));
}

/** Tokens one container remembers at most; the oldest is forgotten first. */
export const MAX_REMEMBERED_TOKENS = 1_000;

/**
 * A client sends the same access token with every request until it expires, and checking
 * its RSA signature is most of what authentication costs. A token verified once is
 * remembered, by its exact text (signature included), until its `exp`: only the very same
 * string skips the check, and never after it expires or before its `nbf`.
 */
export function rememberVerified(verify: VerifyToken, now: () => number = Date.now): VerifyToken {
  const verified = new Map<string, JwtPayload>();
  return async (token) => {
    const seconds = now() / 1000;
    const known = verified.get(token);
    if (known && (known.exp as number) > seconds && (known.nbf === undefined || known.nbf <= seconds)) return known;
    verified.delete(token);
    const payload = Object.freeze(await verify(token));
    if (typeof payload.exp === 'number') {
      if (verified.size >= MAX_REMEMBERED_TOKENS) verified.delete(verified.keys().next().value!);
      verified.set(token, payload);
    }
    return payload;
  };
}

function issuerVerifier(auth: AuthConfig): VerifyToken {
  if (auth.kind === 'cognito') {
    const verifier = CognitoJwtVerifier.create({
      userPoolId: auth.userPoolId,
      tokenUse: auth.tokenUse,
      clientId: auth.clientId,
    });
    return (token) => verifier.verify(token);
  }

  const properties = {
    issuer: auth.issuer,
    audience: auth.audience,
    ...(auth.jwksUri ? { jwksUri: auth.jwksUri } : {}),
    customJwtCheck: checkOidcAccessToken,
  };
  if (auth.jwks === undefined) {
    const verifier = JwtVerifier.create(properties);
    return (token) => verifier.verify(token);
  }

  // Pinned keys (JWT_JWKS): never fetch, so a token with an unknown kid is refused
  // at once instead of sending a request to the issuer.
  const jwksCache = new SimpleJwksCache({
    fetcher: {
      fetch: async () => {
        throw new Error('JWKS is pinned by configuration');
      },
    },
  });
  const verifier = JwtVerifier.create(properties, { jwksCache });
  verifier.cacheJwks(auth.jwks as Parameters<typeof verifier.cacheJwks>[0]);
  return (token) => verifier.verify(token);
}

/** How far ahead of our clock an issuer's clock may run: a token issued later than this is refused. */
export const MAX_ISSUED_AT_SKEW_SECONDS = 300;

/** Refused by our own checks, after aws-jwt-verify has checked signature, iss, aud, exp and nbf (no leeway). */
class TokenPolicyError extends JwtInvalidClaimError {}

/**
 * What aws-jwt-verify leaves optional for a generic OIDC issuer (Cognito mode pins its tokens
 * itself): it checks `exp` only when present, ignores `token_use`, `iat` and the JOSE `crit` header.
 */
function checkOidcAccessToken({ header, payload }: { header: JwtHeader; payload: JwtPayload }): void {
  // RFC 7515 §4.1.11: a `crit` entry we do not understand must be refused, and we understand none.
  if (header.crit !== undefined) {
    throw new TokenPolicyError('Token header lists critical extensions', header.crit, 'no crit header');
  }
  // A token without `exp` would never expire.
  if (payload.exp === undefined) {
    throw new TokenPolicyError('Token has no exp claim', undefined, 'exp');
  }
  // An ID token proves who signed in to a client, it grants nothing to an API.
  if (payload.token_use !== undefined && payload.token_use !== 'access') {
    throw new TokenPolicyError('Token is not an access token', payload.token_use, 'access');
  }
  if (payload.iat !== undefined && payload.iat > Date.now() / 1000 + MAX_ISSUED_AT_SKEW_SECONDS) {
    throw new TokenPolicyError(
      `Token issued in the future, at ${new Date(payload.iat * 1000).toISOString()}`,
      payload.iat,
      `iat at most ${MAX_ISSUED_AT_SKEW_SECONDS} s ahead`,
    );
  }
}
