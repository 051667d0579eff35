import { CognitoJwtVerifier, JwtVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import type { AuthConfig } from '#shared/config';

export type VerifyToken = (token: string) => Promise<JwtPayload>;

/**
 * Builds the token verifier for the configured issuer. Called once per container:
 * aws-jwt-verify caches the JWKS and the parsed public keys between invocations.
 */
export function createTokenVerifier(auth: AuthConfig): VerifyToken {
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
