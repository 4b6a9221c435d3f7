/**
 * The main job, end to end over real HTTP: `charter dev` on a free port serving every context,
 * driven through a shopping flow and its refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevProject, startDevProject } from '../support/dev-project.ts';

let dev: DevProject;
let buyer: string;
let reader: string;

beforeAll(async () => {
  dev = await startDevProject('shopping');
  buyer = dev.charter('dev', 'token', '--sub', 'shopper-1', '--scope', 'orders:read orders:write').stdout;
  reader = dev.charter('dev', 'token', '--sub', 'shopper-1', '--scope', 'orders:read').stdout;
}, 60_000);
afterAll(async () => {
  await dev?.stop();
});

async function call(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const response = await fetch(`${dev.url}${path}`, {
    method,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : undefined };
}

describe('charter dev: a shopping flow', () => {
  let productId: string;
  let orderId: string;

  it('browses and filters products', async () => {
    const all = await call('GET', '/catalog/products?limit=3');
    expect(all.status).toBe(200);
    expect(all.json.items).toHaveLength(3);
    expect(all.json.nextCursor).toEqual(expect.any(String));

    const next = await call(
      'GET',
      `/catalog/products?limit=3&cursor=${encodeURIComponent(all.json.nextCursor)}`,
    );
    expect(next.status).toBe(200);
    expect(next.json.items[0].id).not.toBe(all.json.items[0].id);

    const cheapInStock = await call('GET', '/catalog/products?inStock=true&price[lte]=5000&sort=price');
    expect(cheapInStock.status).toBe(200);
    const prices = cheapInStock.json.items.map((p: { price: { amount: number } }) => p.price.amount);
    expect(prices.length).toBeGreaterThan(0);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(prices.every((amount: number) => amount <= 5000)).toBe(true);
    productId = cheapInStock.json.items[0].id;

    const detail = await call('GET', `/catalog/products/${productId}`);
    expect(detail.status).toBe(200);
    expect(detail.json.id).toBe(productId);
  });

  it('places an order with a dev token, then gets it and finds it in "my orders"', async () => {
    const placed = await call('POST', '/orders/orders', {
      token: buyer,
      body: {
        lines: [{ productId, quantity: 1 }],
        shippingAddress: {
          recipient: 'Ada Lovelace',
          line1: '12 St James Square',
          postalCode: 'SW1Y 4JH',
          city: 'London',
          country: 'GB',
        },
        payment: { method: 'card', token: 'tok_4eC39HqLyjWDarjtT1zdp7dc' },
      },
    });
    expect(placed.status).toBe(201);
    orderId = placed.json.id;
    expect(placed.headers.get('location')).toBe(`/orders/${orderId}`);
    expect(placed.json).toMatchObject({ customerId: 'shopper-1', status: 'placed' });

    const fetched = await call('GET', `/orders/orders/${orderId}`, { token: reader });
    expect(fetched.status).toBe(200);
    expect(fetched.json.id).toBe(orderId);

    const mine = await call('GET', '/orders/orders', { token: reader });
    expect(mine.status).toBe(200);
    expect(mine.json.items.map((o: { id: string }) => o.id)).toContain(orderId);
  });

  it('cancels the order, and refuses to cancel it twice', async () => {
    const cancelled = await call('POST', `/orders/orders/${orderId}/cancel`, {
      token: buyer,
      body: { reason: 'changed my mind' },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json).toMatchObject({ status: 'cancelled', cancelReason: 'changed my mind' });

    const again = await call('POST', `/orders/orders/${orderId}/cancel`, { token: buyer });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toBe('application/problem+json');
  });

  it('refuses: no token 401, wrong scope 403, bad body 400 with the failing fields, unknown path 404', async () => {
    const noToken = await call('GET', '/orders/orders');
    expect(noToken.status).toBe(401);
    expect(noToken.json).toMatchObject({ status: 401, title: 'Unauthorized' });

    const wrongScope = await call('POST', `/orders/orders/${orderId}/cancel`, { token: reader });
    expect(wrongScope.status).toBe(403);
    expect(wrongScope.json.detail).toContain('orders:write');

    const badBody = await call('POST', '/orders/orders', {
      token: buyer,
      body: { lines: [{ productId: 'nope', quantity: 0 }] },
    });
    expect(badBody.status).toBe(400);
    const fields = badBody.json.errors.map((e: { in: string; pointer?: string }) => `${e.in}:${e.pointer}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        'body:/lines/0/productId',
        'body:/lines/0/quantity',
        'body:/shippingAddress',
        'body:/payment',
      ]),
    );

    const unknownPath = await call('GET', '/catalog/no-such-thing');
    expect(unknownPath.status).toBe(404);
    const unknownContext = await call('GET', '/billing/invoices');
    expect(unknownContext.status).toBe(404);
    expect(unknownContext.json.detail).toContain('/catalog');
  });

  it('serves API keys for the recommendations context: 401 without, 200 with the local key', async () => {
    const without = await call('GET', `/recommendations/products/${productId}/recommendations`);
    expect(without.status).toBe(401);
    const key = Object.entries(
      JSON.parse((await import('node:fs')).readFileSync(`${dev.root}/.charter/api-keys.json`, 'utf8')),
    ).find(([, v]) => (v as { context: string }).context === 'recommendations')?.[0] as string;
    const withKey = await call('GET', `/recommendations/products/${productId}/recommendations`, {
      headers: { 'x-api-key': key },
    });
    expect(withKey.status).toBe(200);
    expect(withKey.json.productId).toBe(productId);
  });

  it('answers CORS preflights for allowed origins only', async () => {
    const allowed = await fetch(`${dev.url}/orders/orders`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');

    const denied = await fetch(`${dev.url}/orders/orders`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('logs one line per request with method, path, status, operationId, time and request id', async () => {
    const res = await call('GET', '/catalog/products?limit=1');
    const requestId = res.headers.get('x-request-id') as string;
    const line = await dev.waitFor(
      new RegExp(`GET /catalog/products 200 listProducts [\\d.]+ms ${requestId}`),
    );
    expect(line).toContain(requestId);
  });

  it('serves the bundled contract at /openapi/<ctx>.json and lists contexts at /docs', async () => {
    const openapi = await call('GET', '/openapi/catalog.json');
    expect(openapi.status).toBe(200);
    expect(openapi.json.paths['/products'].get.operationId).toBe('listProducts');
    const docs = await fetch(`${dev.url}/docs`);
    const html = await docs.text();
    for (const context of ['catalog', 'orders', 'recommendations'])
      expect(html).toContain(`href="/docs/${context}"`);
  });
});
