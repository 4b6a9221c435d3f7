/**
 * What the local gateway does in place of API Gateway's authorizers: verify a bearer JWT
 * against the local JWKS and look up API keys, then hand the core the verified identity.
 * Scope checks stay in the core, exactly as on AWS.
 * @module
 */
import { createLocalJWKSet, type JWTPayload, jwtVerify } from 'jose';
import type { SecuritySchemeSpec, VerifiedIdentity } from '../../runtime/index.ts';
import { scopesFromClaims } from '../../runtime/index.ts';
import type { ApiKeyStore } from './api-keys.ts';
import { DEV_AUDIENCE, DEV_ISSUER, type DevKeys } from './dev-keys.ts';

export interface CredentialVerifier {
  /**
   * @param schemes the apiKey schemes of the context, to know where keys travel
   * @returns the identity the credentials prove, or undefined
   */
  verify(
    headers: Readonly<Record<string, string | undefined>>,
    query: string,
    schemes: readonly SecuritySchemeSpec[],
    context: string,
  ): Promise<VerifiedIdentity | undefined>;
}

const CACHE_LIMIT = 1000;

/** @example const verifier = createCredentialVerifier(keys, apiKeys); */
export function createCredentialVerifier(keys: DevKeys, apiKeys: ApiKeyStore): CredentialVerifier {
  const jwks = createLocalJWKSet(keys.publicJwks);
  // Like an authorizer's result cache: a token is verified once and trusted until it expires.
  const cache = new Map<string, { payload: JWTPayload; expiresAt: number }>();

  async function verifyJwt(token: string): Promise<JWTPayload | undefined> {
    const hit = cache.get(token);
    if (hit && hit.expiresAt > Date.now()) return hit.payload;
    try {
      const { payload } = await jwtVerify(token, jwks, {
        issuer: DEV_ISSUER,
        audience: DEV_AUDIENCE,
        algorithms: ['ES256'],
      });
      if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
      cache.set(token, { payload, expiresAt: Math.min((payload.exp ?? 0) * 1000, Date.now() + 300_000) });
      return payload;
    } catch {
      return undefined;
    }
  }

  return {
    async verify(headers, query, schemes, context) {
      let claims: Record<string, unknown> = {};
      const authorization = headers.authorization;
      if (authorization && /^bearer /i.test(authorization)) {
        const payload = await verifyJwt(authorization.slice(7).trim());
        if (payload) claims = payload as Record<string, unknown>;
      }
      const apiKeyId = findApiKey(headers, query, schemes, apiKeys, context);
      if (Object.keys(claims).length === 0 && !apiKeyId) return undefined;
      return { claims, scopes: scopesFromClaims(claims), apiKeyId };
    },
  };
}

function findApiKey(
  headers: Readonly<Record<string, string | undefined>>,
  query: string,
  schemes: readonly SecuritySchemeSpec[],
  store: ApiKeyStore,
  context: string,
): string | undefined {
  for (const scheme of schemes) {
    if (scheme.type !== 'apiKey' || !scheme.parameterName) continue;
    let value: string | undefined;
    if (scheme.in === 'header') value = headers[scheme.parameterName.toLowerCase()];
    else if (scheme.in === 'query') value = new URLSearchParams(query).get(scheme.parameterName) ?? undefined;
    else if (scheme.in === 'cookie') value = cookieValue(headers.cookie, scheme.parameterName);
    const entry = value ? store[value] : undefined;
    if (entry && entry.context === context) return entry.id;
  }
  return undefined;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}
