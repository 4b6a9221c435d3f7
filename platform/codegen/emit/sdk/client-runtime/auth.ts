/**
 * Puts the configured credentials on a request, as the contract's security schemes say: a
 * bearer token or basic credentials in `Authorization`, an API key in a header, the query or a
 * cookie.
 * @module
 */
import type { Credential } from './types.js';

/**
 * How one security scheme travels: `['bearer']` (also OAuth 2 and OpenID Connect tokens),
 * `['basic']` (the credential is `user:password`), or `[in, name]` for an API key.
 */
export type SchemeSpec = readonly ['bearer' | 'basic'] | readonly ['header' | 'query' | 'cookie', string];

export type Schemes = Readonly<Record<string, SchemeSpec>>;

/** An operation's security requirement: alternatives, each naming the schemes it needs. */
export type Security = readonly (readonly string[])[];

/**
 * @param security the operation's alternatives; `undefined` (a call made without an operation
 *   function) sends every configured credential
 * @example await withCredentials(request, { bearerAuth: ['bearer'] }, { bearerAuth: 'token' }, [['bearerAuth']])
 */
export async function withCredentials(
  request: Request,
  schemes: Schemes,
  auth: Readonly<Record<string, Credential | undefined>> | undefined,
  security: Security | undefined,
): Promise<Request> {
  if (!auth) return request;
  let url: URL | undefined;
  for (const name of chooseSchemes(security, auth, schemes)) {
    const credential = auth[name];
    const value = typeof credential === 'function' ? await credential() : credential;
    if (value === undefined || value === '') continue;
    const spec = schemes[name];
    // A header the caller set on this call wins over the client's credential.
    if (spec.length === 1) {
      const header = spec[0] === 'bearer' ? `Bearer ${value}` : `Basic ${btoa(value)}`;
      if (!request.headers.has('authorization')) request.headers.set('authorization', header);
    } else if (spec[0] === 'header') {
      if (!request.headers.has(spec[1])) request.headers.set(spec[1], value);
    } else if (spec[0] === 'cookie') {
      const cookie = `${spec[1]}=${encodeURIComponent(value)}`;
      const existing = request.headers.get('cookie');
      request.headers.set('cookie', existing ? `${existing}; ${cookie}` : cookie);
    } else {
      url ??= new URL(request.url);
      url.searchParams.set(spec[1], value);
    }
  }
  return url ? new Request(url, request) : request;
}

/**
 * The first alternative whose every scheme has a credential. An empty alternative (optional
 * authentication) is taken only when no other can be satisfied, so a configured token is sent.
 */
function chooseSchemes(
  security: Security | undefined,
  auth: Readonly<Record<string, Credential | undefined>>,
  schemes: Schemes,
): readonly string[] {
  const configured = (name: string) => auth[name] !== undefined && schemes[name] !== undefined;
  if (security === undefined) return Object.keys(auth).filter(configured);
  return security.find((names) => names.length > 0 && names.every(configured)) ?? [];
}
