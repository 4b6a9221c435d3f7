/**
 * charter's JWT authorizer (infra/authorizers/jwt) against an issuer's JWKS served by a loopback
 * HTTP server, and its verdict read by the Lambda adapter as API Gateway passes it on: the
 * claims reach the handler and the core checks the operation's scopes.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextRoutes } from '../../generated/orders/routes.gen.ts';
import { createAuthorizer, stageWildcard } from '../../infra/authorizers/jwt/handler.ts';
import { createLambdaHandler } from '../../platform/runtime/adapters/lambda/index.ts';
import { silentLogger } from '../../platform/runtime/core/logger.ts';
import { restApiEvent } from '../support/api-gateway-events.ts';

const ISSUER = 'https://id.shop.example/';
const AUDIENCE = 'https://api.shop.example';
const METHOD_ARN = 'arn:aws:execute-api:eu-west-1:111122223333:a1b2c3d4e5/prod/GET/orders';

let server: Server;
let sign: (
  claims: Record<string, unknown>,
  options?: { issuer?: string; expiresIn?: string },
) => Promise<string>;
let authorize: ReturnType<typeof createAuthorizer>;

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const jwksUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  authorize = createAuthorizer({ issuer: ISSUER, audience: [AUDIENCE], jwksUri });
  sign = (claims, options = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer(options.issuer ?? ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '5m')
      .sign(privateKey);
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

const tokenEvent = (token: string) => ({
  type: 'TOKEN' as const,
  methodArn: METHOD_ARN,
  authorizationToken: `Bearer ${token}`,
});

describe('JWT authorizer', () => {
  it('allows the whole stage for a valid token and passes its claims on', async () => {
    const token = await sign({
      sub: 'auth0|ada',
      scope: 'orders:read orders:write',
      roles: ['buyer', 'b2b'],
      org: { id: 7 },
    });
    const result = await authorize(tokenEvent(token));
    expect(result.principalId).toBe('auth0|ada');
    expect(result.policyDocument.Statement).toEqual([
      {
        Action: 'execute-api:Invoke',
        Effect: 'Allow',
        Resource: 'arn:aws:execute-api:eu-west-1:111122223333:a1b2c3d4e5/prod/*',
      },
    ]);
    expect(result.context).toMatchObject({
      sub: 'auth0|ada',
      scope: 'orders:read orders:write',
      roles: 'buyer b2b',
      org: '{"id":7}',
    });
  });

  it.each([
    ['no bearer token', async () => 'Basic dXNlcjpwYXNz'],
    ['an expired token', async () => `Bearer ${await sign({ sub: 'u' }, { expiresIn: '-1m' })}`],
    ['another issuer', async () => `Bearer ${await sign({ sub: 'u' }, { issuer: 'https://evil.example/' })}`],
    ['a forged signature', async () => `Bearer ${(await sign({ sub: 'u' })).slice(0, -4)}AAAA`],
  ])('refuses %s with "Unauthorized" (API Gateway answers 401)', async (_name, header) => {
    await expect(
      authorize({ type: 'TOKEN', methodArn: METHOD_ARN, authorizationToken: await header() }),
    ).rejects.toThrow(/^Unauthorized$/);
  });

  it('caches per token for the whole stage', () => {
    expect(stageWildcard('arn:aws:execute-api:eu-west-1:1:api/v1/POST/orders/{id}/cancel')).toBe(
      'arn:aws:execute-api:eu-west-1:1:api/v1/*',
    );
  });
});

describe('the Lambda adapter behind the JWT authorizer', () => {
  const handler = createLambdaHandler({
    routes: contextRoutes,
    deps: {},
    logger: silentLogger,
    responseValidation: 'off',
    handlers: {
      listMyOrders: ({ auth }: { auth: { subject?: string } }) => ({
        status: 200,
        body: { items: [], nextCursor: null },
        headers: { 'x-subject': auth.subject ?? '' },
      }),
    },
  });

  /** A REST API event carrying the authorizer's verdict the way API Gateway does. */
  async function call(scope: string) {
    const verdict = await authorize(tokenEvent(await sign({ sub: 'auth0|ada', scope })));
    const event = restApiEvent({
      method: 'GET',
      path: '/orders',
      resource: { template: '/orders', pathParameters: {} },
    });
    (event.requestContext as unknown as { authorizer: unknown }).authorizer = {
      principalId: verdict.principalId,
      ...verdict.context,
    };
    return (await handler(event as APIGatewayProxyEvent)) as {
      statusCode: number;
      headers: Record<string, string>;
    };
  }

  it("hands the token's subject to the handler when the scope is there", async () => {
    const result = await call('orders:read');
    expect(result.statusCode).toBe(200);
    expect(result.headers['x-subject']).toBe('auth0|ada');
  });

  it('answers 403 when the token lacks the operation scope', async () => {
    expect((await call('orders:write')).statusCode).toBe(403);
  });
});
