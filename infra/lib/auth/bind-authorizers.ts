/**
 * Binds each distinct SchemeAuthorizer of an API once, however many security schemes share it
 * (Stripe's basic and bearer schemes may both go to one Lambda authorizer).
 * @module
 */
import { Construct } from 'constructs';
import type { BoundScheme, GatewayAuthorizer } from '../definition/security.ts';
import type { SchemeAuthorizer } from './scheme-authorizer.ts';

/**
 * @returns per scheme name, the authorizer the definition uses
 * @example const bound = bindAuthorizers(this, { bearerAuth: SchemeAuthorizer.cognito(pool) }, 'orders');
 */
export function bindAuthorizers(
  scope: Construct,
  authorizers: Readonly<Record<string, SchemeAuthorizer>>,
  context: string,
): Map<string, BoundScheme> {
  const bound = new Map<string, BoundScheme>();
  const byAuthorizer = new Map<SchemeAuthorizer, BoundScheme>();
  const entries = Object.entries(authorizers).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return bound;
  const parent = new Construct(scope, 'Authorizers');
  for (const [scheme, authorizer] of entries) {
    let binding = byAuthorizer.get(authorizer);
    if (!binding) {
      const key = scheme.replace(/[^A-Za-z0-9_-]/g, '_');
      binding = { key, authorizer: authorizer.bind(parent, key, context) };
      byAuthorizer.set(authorizer, binding);
    }
    bound.set(scheme, binding);
  }
  return bound;
}

/**
 * The same mapping without creating anything, for validating props before construction.
 * @example gatewaySecurity(model, dryBindings(props.authorizers ?? {})).problems
 */
export function dryBindings(
  authorizers: Readonly<Record<string, SchemeAuthorizer>>,
): Map<string, BoundScheme> {
  const bound = new Map<string, BoundScheme>();
  const keys = new Map<SchemeAuthorizer, string>();
  for (const [scheme, authorizer] of Object.entries(authorizers).sort(([a], [b]) => a.localeCompare(b))) {
    const key = keys.get(authorizer) ?? scheme.replace(/[^A-Za-z0-9_-]/g, '_');
    keys.set(authorizer, key);
    const placeholder: GatewayAuthorizer =
      authorizer.kind === 'cognito'
        ? { kind: 'cognito', providerArns: [] }
        : {
            kind: 'lambda',
            type: 'token',
            uri: '',
            credentialsArn: '',
            identitySource: '',
            resultTtlSeconds: 0,
          };
    bound.set(scheme, { key, authorizer: placeholder });
  }
  return bound;
}
