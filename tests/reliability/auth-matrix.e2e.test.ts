/**
 * The auth matrix: every secured operation of the example contexts, against every kind of bad
 * credential a client can send, through `charter dev` — and, for the unauthenticated rows, through
 * `charter dev --mock` too, since mocks must not open what handlers keep closed.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { exportJWK, generateKeyPair, importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationModel } from '../../platform/codegen/model/model.ts';
import { findContexts } from '../../platform/codegen/parse/find-contexts.ts';
import { encodeRequest, type HttpRequest } from '../../platform/fuzz/encode-request.ts';
import { buildFuzzTarget } from '../../platform/fuzz/fuzz-target.ts';
import { validRequestArbitrary } from '../../platform/fuzz/request-arbitrary.ts';
import { DEV_AUDIENCE, DEV_ISSUER, type DevKeys, loadDevKeys } from '../../platform/gateway/auth/dev-keys.ts';
import { loadContract } from '../../platform/gateway/served-contexts.ts';
import { type DevProject, startDevProject } from '../support/dev-project.ts';

interface Secured {
  readonly context: string;
  readonly operation: OperationModel;
  readonly request: HttpRequest;
  readonly scheme: 'bearer' | 'apiKey';
  readonly scopes: readonly string[];
}

let dev: DevProject;
let mock: DevProject;
let keys: DevKeys;
const secured: Secured[] = [];

beforeAll(async () => {
  [dev, mock] = await Promise.all([startDevProject('auth'), startDevProject('auth-mock', ['--mock'])]);
  keys = await loadDevKeys(dev.root);
  for (const source of findContexts(dev.root)) {
    const { model } = await loadContract(dev.root, source);
    const target = buildFuzzTarget(model);
    for (const op of target.operations) {
      const requirement = op.operation.security[0];
      if (!requirement) continue;
      const [name] = Object.keys(requirement);
      const scheme =
        model.securitySchemes.find((s) => s.name === name)?.type === 'apiKey' ? 'apiKey' : 'bearer';
      const [values] = fc.sample(validRequestArbitrary(target, op), { numRuns: 1, seed: 7 });
      secured.push({
        context: model.context,
        operation: op.operation,
        request: encodeRequest(op.operation, values, op.bodyMediaType),
        scheme,
        scopes: requirement[name],
      });
    }
  }
}, 120_000);
afterAll(async () => {
  await Promise.all([dev?.stop(), mock?.stop()]);
});

async function call(project: DevProject, item: Secured, headers: Record<string, string>): Promise<number> {
  const response = await fetch(`${project.url}/${item.context}${item.request.target}`, {
    method: item.request.method,
    headers: { ...item.request.headers, ...headers },
    body: item.request.body,
  });
  await response.arrayBuffer();
  return response.status;
}

const now = () => Math.floor(Date.now() / 1000);

async function token(
  claims: { scopes: readonly string[]; exp?: number; nbf?: number; iss?: string; aud?: string },
  signWith?: DevKeys['privateJwk'],
) {
  const key = await importJWK(signWith ?? keys.privateJwk, 'ES256');
  const jwt = new SignJWT({ scope: claims.scopes.join(' ') })
    .setProtectedHeader({ alg: 'ES256', kid: keys.privateJwk.kid, typ: 'JWT' })
    .setSubject('matrix-user')
    .setIssuer(claims.iss ?? DEV_ISSUER)
    .setAudience(claims.aud ?? DEV_AUDIENCE)
    .setIssuedAt(now() - 60)
    .setExpirationTime(claims.exp ?? now() + 600);
  if (claims.nbf !== undefined) jwt.setNotBefore(claims.nbf);
  return jwt.sign(key);
}

function unsigned(scopes: readonly string[]): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: 'matrix-user', iss: DEV_ISSUER, aud: DEV_AUDIENCE, exp: now() + 600, scope: scopes.join(' ') })}.`;
}

function apiKey(context: string): string {
  const store = JSON.parse(readFileSync(`${dev.root}/.charter/api-keys.json`, 'utf8')) as Record<
    string,
    { context: string }
  >;
  return Object.entries(store).find(([, v]) => v.context === context)?.[0] as string;
}

type Row = [
  string,
  (item: Secured) => Promise<Record<string, string>>,
  (item: Secured) => number | 'through',
  Secured['scheme'][],
];

const bearer = async (t: string) => ({ authorization: `Bearer ${t}` });
const rows: Row[] = [
  ['no credentials', async () => ({}), () => 401, ['bearer', 'apiKey']],
  [
    'a token without the scope',
    async () => bearer(await token({ scopes: ['nothing:here'] })),
    (i) => (i.scopes.length > 0 ? 403 : 'through'),
    ['bearer'],
  ],
  [
    'an expired token',
    async (i) => bearer(await token({ scopes: i.scopes, exp: now() - 120 })),
    () => 401,
    ['bearer'],
  ],
  [
    'a token not valid yet',
    async (i) => bearer(await token({ scopes: i.scopes, nbf: now() + 3600 })),
    () => 401,
    ['bearer'],
  ],
  [
    'a token from another issuer',
    async (i) => bearer(await token({ scopes: i.scopes, iss: 'https://evil.example' })),
    () => 401,
    ['bearer'],
  ],
  [
    'a token for another audience',
    async (i) => bearer(await token({ scopes: i.scopes, aud: 'someone-else' })),
    () => 401,
    ['bearer'],
  ],
  [
    'a token with a forged signature',
    async (i) => {
      const { privateKey } = await generateKeyPair('ES256', { extractable: true });
      return bearer(
        await token({ scopes: i.scopes }, { ...(await exportJWK(privateKey)), kid: keys.privateJwk.kid }),
      );
    },
    () => 401,
    ['bearer'],
  ],
  ['an alg: none token', async (i) => bearer(unsigned(i.scopes)), () => 401, ['bearer']],
  ['a wrong API key', async () => ({ 'x-api-key': 'dev_wrong_key' }), () => 401, ['apiKey']],
  [
    'another context’s API key as a bearer token',
    async (i) => bearer(apiKey(i.context) ?? 'x'),
    () => 401,
    ['bearer'],
  ],
  [
    'the right credentials',
    async (i) =>
      i.scheme === 'apiKey' ? { 'x-api-key': apiKey(i.context) } : bearer(await token({ scopes: i.scopes })),
    () => 'through',
    ['bearer', 'apiKey'],
  ],
];

describe('auth matrix', () => {
  it('covers the secured operations of every example context', () => {
    expect(new Set(secured.map((s) => s.context))).toEqual(new Set(['catalog', 'orders', 'recommendations']));
    expect(secured.length).toBeGreaterThanOrEqual(8);
  });

  it.each(rows)(
    '%s',
    async (_name, credentials, expected, schemes) => {
      const results: string[] = [];
      for (const item of secured.filter((s) => schemes.includes(s.scheme))) {
        const status = await call(dev, item, await credentials(item));
        const want = expected(item);
        const ok = want === 'through' ? status !== 401 && status !== 403 : status === want;
        if (!ok) results.push(`${item.context} ${item.operation.operationId}: got ${status}, want ${want}`);
      }
      expect(results).toEqual([]);
    },
    60_000,
  );

  it('keeps every secured operation closed to anonymous callers in --mock mode', async () => {
    const open: string[] = [];
    for (const item of secured) {
      const status = await call(mock, item, {});
      if (status !== 401) open.push(`${item.context} ${item.operation.operationId}: ${status}`);
    }
    expect(open).toEqual([]);
  }, 60_000);
});
