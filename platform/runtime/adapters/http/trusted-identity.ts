/**
 * Behind API Gateway, the authorizer has verified the caller before a request reaches the
 * container; the integration maps what it verified into these headers (infra/ writes the
 * mapping). API Gateway sets them itself, so a client cannot supply its own; the load balancer is
 * internal and reachable only through the VPC link.
 * @module
 */
import { scopesFromClaims, type VerifiedIdentity } from '../../core/authenticate.ts';

/** The headers an integration maps from the authorizer and the API key check. */
export const IDENTITY_HEADERS = {
  /** `context.authorizer.principalId` (Lambda/JWT authorizers) or `context.authorizer.claims.sub` (Cognito). */
  subject: 'x-charter-auth-sub',
  /** Space-separated scopes: `context.authorizer.scope` or `context.authorizer.claims.scope`. */
  scope: 'x-charter-auth-scope',
  /** `context.identity.apiKeyId`, when API Gateway validated an API key. */
  apiKeyId: 'x-charter-api-key-id',
} as const;

/**
 * @returns the verified identity, or undefined when no authorizer vouched for the request
 * @example identityFromHeaders({ 'x-charter-auth-sub': 'u1', 'x-charter-auth-scope': 'orders:read' })
 * // { claims: { sub: 'u1', scope: 'orders:read' }, scopes: ['orders:read'], apiKeyId: undefined }
 */
export function identityFromHeaders(
  headers: Readonly<Record<string, string | undefined>>,
): VerifiedIdentity | undefined {
  const sub = headers[IDENTITY_HEADERS.subject] || undefined;
  const scope = headers[IDENTITY_HEADERS.scope] || undefined;
  const apiKeyId = headers[IDENTITY_HEADERS.apiKeyId] || undefined;
  if (!sub && !scope && !apiKeyId) return undefined;
  const claims: Record<string, unknown> = {};
  if (sub) claims.sub = sub;
  if (scope) claims.scope = scope;
  return { claims, scopes: scopesFromClaims(claims), apiKeyId };
}

/**
 * The headers that carry an identity to the server: what API Gateway sends, for tests and tools.
 * @example identityHeaders({ sub: 'u1', scope: 'orders:read' })
 */
export function identityHeaders(claims: { sub?: string; scope?: string }, apiKeyId?: string) {
  const headers: Record<string, string> = {};
  if (claims.sub) headers[IDENTITY_HEADERS.subject] = claims.sub;
  if (claims.scope) headers[IDENTITY_HEADERS.scope] = claims.scope;
  if (apiKeyId) headers[IDENTITY_HEADERS.apiKeyId] = apiKeyId;
  return headers;
}
