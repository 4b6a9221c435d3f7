/**
 * Every status the runtime answers, through real API Gateway events of both payload versions,
 * against the orders context's generated routes and validators.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { contextRoutes } from '../../../../generated/orders/routes.gen.ts';
import { type EventInput, httpApiEvent, restApiEvent } from '../../../../tests/support/api-gateway-events.ts';
import { jsonLogger } from '../../core/logger.ts';
import { createLambdaHandler } from './index.ts';

const contract = parse(readFileSync('contracts/orders/openapi.yaml', 'utf8'));
const exampleOrder = contract.components.schemas.Order.examples[0];
const placeOrderBody =
  contract.paths['/orders'].post.requestBody.content['application/json'].examples.card.value;
const ORDER_ID = exampleOrder.id as string;
const writer = { sub: 'u1', scope: 'orders:read orders:write' };

function setup(
  options: { handlers?: Record<string, (request: never) => unknown>; mode?: 'enforce' | 'log' } = {},
) {
  const lines: Record<string, unknown>[] = [];
  const handler = createLambdaHandler({
    routes: contextRoutes,
    deps: {},
    responseValidation: options.mode ?? 'enforce',
    logger: jsonLogger({ write: (line) => lines.push(JSON.parse(line)) }),
    handlers: options.handlers ?? {
      getOrder: ({ path, auth }: { path: { orderId: string }; auth: { subject?: string } }) => ({
        status: 200,
        body: { ...exampleOrder, id: path.orderId, customerId: auth.subject },
      }),
      listMyOrders: ({ query }: { query: Record<string, unknown> }) => ({
        status: 200,
        body: { items: [], nextCursor: null },
        headers: { 'x-echo-query': JSON.stringify(query) },
      }),
      placeOrder: ({ body }: { body: { lines: unknown[] } }) => ({
        status: 201,
        body: { ...exampleOrder, status: 'placed' },
        headers: { Location: `/orders/${exampleOrder.id}`, 'x-lines': String(body.lines.length) },
      }),
    },
  });
  return { handler, lines };
}

const versions = [
  ['REST API (payload 1.0)', restApiEvent],
  ['HTTP API (payload 2.0)', httpApiEvent],
] as const;

describe.each(versions)('Lambda adapter, %s', (_name, makeEvent) => {
  const call = async (input: EventInput, options?: Parameters<typeof setup>[0]) => {
    const { handler, lines } = setup(options);
    const result = (await handler(makeEvent(input))) as {
      statusCode: number;
      headers: Record<string, string>;
      body: string;
    };
    const body = result.body ? JSON.parse(result.body) : undefined;
    return { ...result, json: body, lines };
  };

  it('200: routes by path, checks scopes, decodes path parameters', async () => {
    const res = await call({ method: 'GET', path: `/orders/${ORDER_ID}`, claims: writer });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.json).toMatchObject({ id: ORDER_ID, customerId: 'u1' });
  });

  it('200: routes by the template API Gateway matched, under a base path mapping', async () => {
    const res = await call({
      method: 'GET',
      path: `/orders/orders/${ORDER_ID}`,
      resource: { template: '/orders/{orderId}', pathParameters: { orderId: ORDER_ID } },
      claims: writer,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json.id).toBe(ORDER_ID);
  });

  it('200: repeated query parameters become arrays and are coerced to their schema types', async () => {
    const res = await call({
      method: 'GET',
      path: '/orders',
      query: 'status=placed&status=shipped&limit=5',
      claims: writer,
    });
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.headers['x-echo-query'])).toEqual({ status: ['placed', 'shipped'], limit: 5 });
  });

  it('201: accepts a valid JSON body, also when API Gateway base64-encodes it', async () => {
    for (const base64 of [false, true]) {
      const res = await call({
        method: 'POST',
        path: '/orders',
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
        body: JSON.stringify(placeOrderBody),
        base64,
        claims: writer,
      });
      expect(res.statusCode).toBe(201);
      expect(res.headers.location).toBe(`/orders/${ORDER_ID}`);
      expect(res.headers['x-lines']).toBe('2');
    }
  });

  it('400: lists every failing field with where it is', async () => {
    const bad = { ...placeOrderBody, lines: [{ productId: 'not-a-uuid', quantity: 0 }], extra: true };
    const res = await call({
      method: 'POST',
      path: '/orders',
      headers: { 'content-type': 'application/json', 'Idempotency-Key': 'nope' },
      body: JSON.stringify(bad),
      claims: writer,
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(res.json).toMatchObject({
      type: 'urn:charter:problem:request-validation',
      status: 400,
      title: 'Bad Request',
    });
    expect(res.json.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ in: 'header', name: 'Idempotency-Key' }),
        expect.objectContaining({ in: 'body', pointer: '/lines/0/productId' }),
        expect.objectContaining({ in: 'body', pointer: '/lines/0/quantity' }),
        expect.objectContaining({ in: 'body', pointer: '/extra' }),
      ]),
    );
  });

  it('400: malformed JSON, a wrong query type, and a missing required body', async () => {
    const malformed = await call({
      method: 'POST',
      path: '/orders',
      headers: { 'content-type': 'application/json' },
      body: '{"lines": [',
      claims: writer,
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json.errors[0]).toMatchObject({ in: 'body' });
    expect(malformed.json.errors[0].message).toMatch(/malformed JSON/);

    const wrongType = await call({ method: 'GET', path: '/orders', query: 'limit=many', claims: writer });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json.errors).toEqual([expect.objectContaining({ in: 'query', name: 'limit' })]);

    const missing = await call({
      method: 'POST',
      path: '/orders',
      headers: { 'content-type': 'application/json' },
      claims: writer,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json.errors[0]).toMatchObject({ in: 'body', message: 'the request body is required' });
  });

  it('404 for an unknown path, 405 with Allow for a known path with another method', async () => {
    const notFound = await call({ method: 'GET', path: '/nowhere', claims: writer });
    expect(notFound.statusCode).toBe(404);
    expect(notFound.json.type).toBe('urn:charter:problem:not-found');

    const notAllowed = await call({ method: 'DELETE', path: `/orders/${ORDER_ID}`, claims: writer });
    expect(notAllowed.statusCode).toBe(405);
    expect(notAllowed.headers.allow).toBe('GET');
  });

  it('401 without verified credentials, 403 when a scope is missing', async () => {
    const anonymous = await call({ method: 'GET', path: `/orders/${ORDER_ID}` });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['www-authenticate']).toBe('Bearer');
    expect(anonymous.json.status).toBe(401);

    const readOnly = await call({
      method: 'POST',
      path: `/orders/${ORDER_ID}/cancel`,
      claims: { sub: 'u1', scope: 'orders:read' },
    });
    expect(readOnly.statusCode).toBe(403);
    expect(readOnly.json.detail).toContain('orders:write');
  });

  it('415 for an undeclared media type, before the body is parsed', async () => {
    const res = await call({
      method: 'POST',
      path: '/orders',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
      claims: writer,
    });
    expect(res.statusCode).toBe(415);
    expect(res.json.detail).toContain('application/json');
  });

  it('413 for a body over the 10 MB limit', async () => {
    const huge = JSON.stringify({ lines: [], pad: 'x'.repeat(10 * 1024 * 1024) });
    const res = await call({
      method: 'POST',
      path: '/orders',
      headers: { 'content-type': 'application/json' },
      body: huge,
      claims: writer,
    });
    expect(res.statusCode).toBe(413);
  });

  it('501 after validation for an operation without a handler', async () => {
    const valid = await call({ method: 'POST', path: `/orders/${ORDER_ID}/cancel`, claims: writer });
    expect(valid.statusCode).toBe(501);
    expect(valid.json.detail).toContain('cancelOrder');

    const invalid = await call({ method: 'POST', path: '/orders/not-a-uuid/cancel', claims: writer });
    expect(invalid.statusCode).toBe(400);
  });

  it('500 that reveals nothing when a handler throws, and logs the request id with the cause', async () => {
    const res = await call(
      { method: 'GET', path: `/orders/${ORDER_ID}`, claims: writer, requestId: 'req-boom' },
      {
        handlers: {
          getOrder: () => {
            throw new Error('database password is hunter2');
          },
        },
      },
    );
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('hunter2');
    expect(res.json.detail).toContain('req-boom');
    const logged = res.lines.find((l) => l.level === 'error');
    expect(logged).toMatchObject({ requestId: 'req-boom', operationId: 'getOrder' });
    expect(JSON.stringify(logged)).toContain('hunter2');
  });

  it('500 naming the mismatch when a handler answers outside the contract (outside production)', async () => {
    const res = await call(
      { method: 'GET', path: `/orders/${ORDER_ID}`, claims: writer },
      { handlers: { getOrder: () => ({ status: 200, body: { id: 'x' } }) } },
    );
    expect(res.statusCode).toBe(500);
    expect(res.json.type).toBe('urn:charter:problem:response-contract');
    expect(res.json.detail).toContain('/customerId');

    const logOnly = await call(
      { method: 'GET', path: `/orders/${ORDER_ID}`, claims: writer },
      { handlers: { getOrder: () => ({ status: 418, body: {} }) }, mode: 'log' },
    );
    expect(logOnly.statusCode).toBe(418);
    expect(logOnly.lines.some((l) => l.level === 'warn' && String(l.mismatches).includes('418'))).toBe(true);
  });

  it('writes one structured log line per request', async () => {
    const res = await call({
      method: 'GET',
      path: `/orders/${ORDER_ID}`,
      claims: writer,
      requestId: 'req-log',
    });
    const line = res.lines.find((l) => l.msg === 'request');
    expect(line).toMatchObject({
      level: 'info',
      requestId: 'req-log',
      method: 'GET',
      operationId: 'getOrder',
      status: 200,
    });
    expect(typeof line?.ms).toBe('number');
  });
});

describe('Lambda adapter, payload differences', () => {
  it('joins multi-value headers of a REST event', async () => {
    let seen: unknown;
    const { handler } = setup({
      handlers: {
        listMyOrders: ({ context }: { context: unknown }) => {
          seen = context;
          return { status: 200, body: { items: [], nextCursor: null } };
        },
      },
    });
    const res = await handler(
      restApiEvent({
        method: 'GET',
        path: '/orders',
        headers: { 'X-Forwarded-For': ['1.1.1.1', '2.2.2.2'] },
        claims: writer,
      }),
    );
    expect(res).toMatchObject({ statusCode: 200 });
    expect(seen).toMatchObject({ operationId: 'listMyOrders', requestId: 'req-v1' });
  });

  it('answers 400, not a crash, for broken percent-encoding in an HTTP API query string', async () => {
    const { handler } = setup();
    const res = (await handler(
      httpApiEvent({ method: 'GET', path: '/orders', query: 'cursor=%E0%A4%A', claims: writer }),
    )) as {
      statusCode: number;
      body: string;
    };
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).errors[0]).toMatchObject({ in: 'query', name: 'cursor' });
  });
});
