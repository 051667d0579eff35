import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import { identityProblem } from '#shared/domain/identity';

/** Who is calling: the tenant the token names and what it may do. */
export interface Principal {
  tenantId: string;
  subject: string;
  /** Scopes, groups and roles from the token, merged: permission checks look here. */
  permissions: ReadonlySet<string>;
}

const PERMISSION_CLAIMS = ['scope', 'scp', 'cognito:groups', 'roles', 'role'] as const;

/** The caller a verified token names, or undefined when it names no tenant (or one that cannot be a key). */
export function principalFromClaims(payload: JwtPayload, tenantClaim: string): Principal | undefined {
  const tenantId = payload[tenantClaim];
  if (typeof tenantId !== 'string' || identityProblem(tenantId) !== undefined) return undefined;
  const permissions = new Set<string>();
  for (const claim of PERMISSION_CLAIMS) {
    for (const value of claimValues(payload[claim])) permissions.add(value);
  }
  return { tenantId, subject: typeof payload.sub === 'string' ? payload.sub : '', permissions };
}

/** A claim may hold a space-separated string (OAuth `scope`) or an array of strings. */
function claimValues(claim: unknown): string[] {
  if (typeof claim === 'string') return claim.split(' ').filter(Boolean);
  if (Array.isArray(claim)) return claim.filter((value): value is string => typeof value === 'string');
  return [];
}

/** Whether the principal holds one of the accepted permissions; an empty list asks for none (any token of the tenant). */
export function hasAnyPermission(principal: Principal, accepted: readonly string[]): boolean {
  return accepted.length === 0 || accepted.some((permission) => principal.permissions.has(permission));
}
