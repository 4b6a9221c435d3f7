/**
 * One table of requests and the statuses they must get, against the orders context's generated
 * routes, shared by every door into the runtime core: the Lambda adapter (both payload versions)
 * and the production HTTP server. A transport that disagrees with another fails here.
 * @module
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const contract = parse(readFileSync('contracts/orders/openapi.yaml', 'utf8'));
const exampleOrder = contract.components.schemas.Order.examples[0];
const placeOrderBody =
  contract.paths['/orders'].post.requestBody.content['application/json'].examples.card.value;

export const ORDER_ID = exampleOrder.id as string;
/** getOrder throws for this id, to show a 500 that reveals nothing. */
export const BOOM_ID = '00000000-0000-4000-8000-00000000b00m'.replace('m', '0');
export const SECRET = 'database password is hunter2';

export interface CaseRequest {
  readonly method: string;
  /** The path the client sent; under the context's base path (`/orders/orders/...`) or without it. */
  readonly path: string;
  readonly query?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** What the authorizer verified; absent for an anonymous caller. */
  readonly claims?: { readonly sub: string; readonly scope: string };
}

export interface CaseWant {
  readonly status: number;
  /** Headers that must be present with these values (lower-case names). */
  readonly headers?: Record<string, string>;
  /** A subset of the JSON body. */
  readonly body?: Record<string, unknown>;
  /** Text the raw body must not contain. */
  readonly hides?: string;
}

const writer = { sub: 'u1', scope: 'orders:read orders:write' };
const reader = { sub: 'u1', scope: 'orders:read' };
const json = { 'content-type': 'application/json' };

/** The handlers every transport serves the table with; cancelOrder is left out (501). */
export const caseHandlers = {
  getOrder: ({ path, auth }: { path: { orderId: string }; auth: { subject?: string } }) => {
    if (path.orderId === BOOM_ID) throw new Error(SECRET);
    return { status: 200, body: { ...exampleOrder, id: path.orderId, customerId: auth.subject } };
  },
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
};

/** `[name, { given, want }]`, as openapi-typescript writes its tables. */
export const transportCases: readonly (readonly [string, { given: CaseRequest; want: CaseWant }])[] = [
  [
    '200: routes by path under the base path, checks scopes, decodes path parameters',
    {
      given: { method: 'GET', path: `/orders/orders/${ORDER_ID}`, claims: writer },
      want: {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: { id: ORDER_ID, customerId: 'u1' },
      },
    },
  ],
  [
    '200: repeated query parameters become arrays coerced to their schema types',
    {
      given: {
        method: 'GET',
        path: '/orders',
        query: 'status=placed&status=shipped&limit=5',
        claims: writer,
      },
      want: {
        status: 200,
        headers: { 'x-echo-query': JSON.stringify({ status: ['placed', 'shipped'], limit: 5 }) },
      },
    },
  ],
  [
    '201: a valid JSON body, with the handler headers',
    {
      given: {
        method: 'POST',
        path: '/orders',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(placeOrderBody),
        claims: writer,
      },
      want: { status: 201, headers: { location: `/orders/${ORDER_ID}`, 'x-lines': '2' } },
    },
  ],
  [
    '400: every failing field, with where it is',
    {
      given: {
        method: 'POST',
        path: '/orders',
        headers: { ...json, 'idempotency-key': 'nope' },
        body: JSON.stringify({ ...placeOrderBody, lines: [{ productId: 'not-a-uuid', quantity: 0 }] }),
        claims: writer,
      },
      want: {
        status: 400,
        headers: { 'content-type': 'application/problem+json' },
        body: { type: 'urn:charter:problem:request-validation', status: 400 },
      },
    },
  ],
  [
    '400: malformed JSON',
    {
      given: { method: 'POST', path: '/orders', headers: json, body: '{"lines": [', claims: writer },
      want: { status: 400 },
    },
  ],
  [
    '400: a query value of the wrong type',
    { given: { method: 'GET', path: '/orders', query: 'limit=many', claims: writer }, want: { status: 400 } },
  ],
  [
    '404: an unknown path',
    {
      given: { method: 'GET', path: '/nowhere', claims: writer },
      want: { status: 404, body: { type: 'urn:charter:problem:not-found' } },
    },
  ],
  [
    '405: a known path with another method, with Allow',
    {
      given: { method: 'DELETE', path: `/orders/orders/${ORDER_ID}`, claims: writer },
      want: { status: 405, headers: { allow: 'GET' } },
    },
  ],
  [
    '401: no verified credentials',
    {
      given: { method: 'GET', path: `/orders/orders/${ORDER_ID}` },
      want: { status: 401, headers: { 'www-authenticate': 'Bearer' } },
    },
  ],
  [
    '403: a missing scope',
    {
      given: { method: 'POST', path: `/orders/${ORDER_ID}/cancel`, claims: reader },
      want: { status: 403 },
    },
  ],
  [
    '415: an undeclared media type',
    {
      given: {
        method: 'POST',
        path: '/orders',
        headers: { 'content-type': 'text/plain' },
        body: 'hi',
        claims: writer,
      },
      want: { status: 415 },
    },
  ],
  [
    '413: a body over 10 MB',
    {
      given: {
        method: 'POST',
        path: '/orders',
        headers: json,
        body: JSON.stringify({ lines: [], pad: 'x'.repeat(10 * 1024 * 1024) }),
        claims: writer,
      },
      want: { status: 413 },
    },
  ],
  [
    '501: an operation without a handler, after validation',
    {
      given: { method: 'POST', path: `/orders/${ORDER_ID}/cancel`, claims: writer },
      want: { status: 501 },
    },
  ],
  [
    '400 before 501: an invalid request to an unimplemented operation',
    { given: { method: 'POST', path: '/orders/not-a-uuid/cancel', claims: writer }, want: { status: 400 } },
  ],
  [
    '500: a throwing handler reveals nothing',
    {
      given: { method: 'GET', path: `/orders/orders/${BOOM_ID}`, claims: writer },
      want: { status: 500, body: { status: 500 }, hides: 'hunter2' },
    },
  ],
];
