/**
 * Authentication is one pluggable step: an `Authenticator` turns a request into the principal a
 * security scheme vouches for (API Gateway's authorizer result on Lambda, a verified JWT or API
 * key locally). The core then checks the operation's scopes the same way everywhere.
 * @module
 */
import type { AuthContext } from './handler-types.ts';
import type { CompiledOperation, SecuritySchemeSpec } from './operation.ts';
import { ForbiddenError, UnauthorizedError } from './problem.ts';

/** What the transport knows about the caller, before any scheme has been checked. */
export interface AuthInput {
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly query: Readonly<Record<string, readonly string[]>>;
  readonly cookies: Readonly<Record<string, string>>;
  /** Claims an upstream authorizer (API Gateway) has already verified. */
  readonly verified?: VerifiedIdentity;
}

export interface VerifiedIdentity {
  readonly claims: Readonly<Record<string, unknown>>;
  readonly scopes?: readonly string[];
  /** The API key id, when API Gateway validated an API key. */
  readonly apiKeyId?: string;
}

export interface Principal {
  readonly subject?: string;
  readonly scopes: readonly string[];
  readonly claims: Readonly<Record<string, unknown>>;
}

/**
 * Returns the principal a scheme vouches for, or undefined when the request carries no valid
 * credentials for it.
 */
export type Authenticator = (
  schemeName: string,
  scheme: SecuritySchemeSpec,
  input: AuthInput,
) => Principal | undefined | Promise<Principal | undefined>;

export const ANONYMOUS: AuthContext = Object.freeze({
  scheme: null,
  scopes: Object.freeze([]),
  claims: Object.freeze({}),
});

/**
 * Finds the first requirement alternative the caller satisfies.
 * @throws UnauthorizedError when no alternative authenticates, ForbiddenError when one does but lacks scopes
 */
export function authorize(
  operation: CompiledOperation,
  input: AuthInput,
  authenticator: Authenticator,
): AuthContext | Promise<AuthContext> {
  // Public operations answer without a promise hop, and so does every request whose
  // authenticator answers synchronously (API Gateway's claims are read, not fetched).
  if (operation.security.length === 0) return ANONYMOUS;
  const steps = requirementSteps(operation, input, authenticator);
  let step = steps.next();
  while (!step.done) {
    if (isThenable(step.value)) return finishAsync(steps, step.value);
    step = steps.next(step.value);
  }
  return step.value;
}

async function finishAsync(
  steps: Generator<PrincipalResult, AuthContext, Principal | undefined>,
  pending: PromiseLike<Principal | undefined>,
): Promise<AuthContext> {
  let step = steps.next(await pending);
  while (!step.done) step = steps.next(await step.value);
  return step.value;
}

type PrincipalResult = Principal | undefined | Promise<Principal | undefined>;

/** The requirement logic; yields each authenticator result and is resumed with its value. */
function* requirementSteps(
  operation: CompiledOperation,
  input: AuthInput,
  authenticator: Authenticator,
): Generator<PrincipalResult, AuthContext, Principal | undefined> {
  let missingScopes: string[] | undefined;
  for (const requirement of operation.security) {
    const names = Object.keys(requirement);
    if (names.length === 0) return ANONYMOUS;
    const principals: [string, Principal][] = [];
    for (const name of names) {
      const scheme = operation.securitySchemes[name];
      const principal = scheme ? yield authenticator(name, scheme, input) : undefined;
      if (!principal) break;
      principals.push([name, principal]);
    }
    if (principals.length < names.length) continue;
    const missing = principals.flatMap(([name, principal]) =>
      requirement[name].filter((scope) => !principal.scopes.includes(scope)),
    );
    if (missing.length > 0) {
      missingScopes ??= missing;
      continue;
    }
    const [scheme, principal] = principals[0];
    return { scheme, subject: principal.subject, scopes: principal.scopes, claims: principal.claims };
  }
  if (missingScopes) {
    throw new ForbiddenError(`The credentials are valid but lack the scope(s) ${missingScopes.join(', ')}.`);
  }
  throw new UnauthorizedError(
    `This operation needs credentials: ${describeRequirements(operation)}.`,
    challengeFor(operation),
  );
}

function isThenable(value: unknown): value is PromiseLike<Principal | undefined> {
  return (
    value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function'
  );
}

/** Scopes from the usual claims: OAuth's space-separated `scope`, Azure/Okta's `scp`. */
export function scopesFromClaims(claims: Readonly<Record<string, unknown>>): string[] {
  const scope = claims.scope ?? claims.scp;
  if (Array.isArray(scope)) return scope.map(String);
  if (typeof scope === 'string') return scope.split(' ').filter(Boolean);
  return [];
}

function describeRequirements(operation: CompiledOperation): string {
  return operation.security
    .map((requirement) =>
      Object.keys(requirement)
        .map((name) => describeScheme(name, operation.securitySchemes[name]))
        .join(' and '),
    )
    .join(', or ');
}

function describeScheme(name: string, scheme: SecuritySchemeSpec | undefined): string {
  if (!scheme) return name;
  if (scheme.type === 'apiKey') return `an API key in the ${scheme.in} "${scheme.parameterName}"`;
  if (scheme.type === 'http') return `an Authorization: ${capitalise(scheme.scheme ?? 'bearer')} header`;
  return `an OAuth 2.0 bearer token (${name})`;
}

function challengeFor(operation: CompiledOperation): string | undefined {
  for (const requirement of operation.security) {
    for (const name of Object.keys(requirement)) {
      const scheme = operation.securitySchemes[name];
      if (scheme?.type === 'http') return capitalise(scheme.scheme ?? 'bearer');
      if (scheme?.type === 'oauth2' || scheme?.type === 'openIdConnect') return 'Bearer';
    }
  }
  return undefined;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * Trusts only what an upstream authorizer verified (API Gateway's authorizers on AWS, the local
 * gateway's JWT and API key checks in `charter dev`); it never reads a raw credential itself.
 * @example createApp({ ..., authenticator: upstreamAuthenticator })
 */
export const upstreamAuthenticator: Authenticator = (_name, scheme, input) => {
  const verified = input.verified;
  if (!verified) return undefined;
  if (scheme.type === 'apiKey') {
    return verified.apiKeyId ? { subject: verified.apiKeyId, scopes: [], claims: {} } : undefined;
  }
  if (Object.keys(verified.claims).length === 0) return undefined;
  const subject = typeof verified.claims.sub === 'string' ? verified.claims.sub : undefined;
  return { subject, scopes: verified.scopes ?? scopesFromClaims(verified.claims), claims: verified.claims };
};
