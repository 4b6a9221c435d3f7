/**
 * On AWS, API Gateway's authorizer has already verified credentials; this authenticator only
 * reads what it vouched for from the event. It never trusts a raw header.
 * @module
 */
import type { Authenticator } from '../../core/authenticate.ts';
import { scopesFromClaims } from '../../core/authenticate.ts';

/** @example createApp({ ..., authenticator: apiGatewayAuthenticator }) */
export const apiGatewayAuthenticator: Authenticator = (_name, scheme, input) => {
  const verified = input.verified;
  if (!verified) return undefined;
  if (scheme.type === 'apiKey') {
    return verified.apiKeyId ? { subject: verified.apiKeyId, scopes: [], claims: {} } : undefined;
  }
  if (Object.keys(verified.claims).length === 0) return undefined;
  const subject = typeof verified.claims.sub === 'string' ? verified.claims.sub : undefined;
  return { subject, scopes: verified.scopes ?? scopesFromClaims(verified.claims), claims: verified.claims };
};
