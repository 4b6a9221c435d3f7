/**
 * Retries and timeouts of the generated SDKs against a real loopback server that fails on
 * purpose: 429 with Retry-After, 503, a server that hangs, one that stalls mid-body.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as catalog from '../../sdk/catalog/src/index.gen.ts';
import * as orders from '../../sdk/orders/src/index.gen.ts';
import { answer, hang, type ScriptedServer, scriptedServer, stallBody } from '../support/scripted-server.ts';

const PRODUCT_ID = '3f6c1a9e-8b2d-4c7e-9a51-0d2e7b4f6a13';
const product = {
  id: PRODUCT_ID,
  sku: 'TR2-BLK-42',
  name: 'Trail Runner 2',
  description: null,
  category: 'sports',
  tags: [],
  price: { amount: 12900, currency: 'EUR' },
  stock: 3,
  media: [],
  createdAt: '2025-01-31T12:00:00Z',
  updatedAt: '2025-01-31T12:00:00Z',
};
const newProduct = {
  sku: 'TR2-BLK-42',
  name: 'Trail Runner 2',
  category: 'sports' as const,
  tags: [],
  price: { amount: 12900, currency: 'EUR' },
  stock: 3,
};
const newOrder = {
  lines: [{ productId: PRODUCT_ID, quantity: 1 }],
  shippingAddress: { recipient: 'Ada', line1: '1 Main St', postalCode: '1000', city: 'Bern', country: 'CH' },
  payment: { method: 'invoice' as const, purchaseOrder: 'PO-1', dueInDays: 30 },
};
// Short waits keep the suite fast; the policy's shape is what is under test.
const fast = { max: 2, baseDelayMs: 20, maxDelayMs: 50 };

let server: ScriptedServer;
let catalogClient: catalog.CatalogClient;
let ordersClient: orders.OrdersClient;

beforeAll(async () => {
  server = await scriptedServer();
  catalogClient = catalog.createClient({ baseUrl: server.url, retries: fast, timeoutMs: 2_000 });
  ordersClient = orders.createClient({ baseUrl: server.url, retries: fast, auth: { bearerAuth: 'token' } });
});
afterAll(() => server.close());

const get = (init: Partial<catalog.InitOf<catalog.GetProductOperation>> = {}) =>
  catalog.getProduct(catalogClient, { params: { path: { productId: PRODUCT_ID } }, ...init });

describe('SDK retries against a failing loopback server', () => {
  it.each([
    ['503 then 200', [answer(503), answer(200, product)], 2],
    ['502 then 504 then 200', [answer(502), answer(504), answer(200, product)], 3],
    ['500 then 200', [answer(500), answer(200, product)], 2],
  ])('retries a GET after %s and returns the body', async (_name, steps, attempts) => {
    server.script(...steps);
    const { data, error } = await get();
    expect(error).toBeUndefined();
    expect(data?.name).toBe('Trail Runner 2');
    expect(server.hits).toHaveLength(attempts);
  });

  it('gives up after `max` retries and returns the last problem, typed by status', async () => {
    server.script(answer(503), answer(503), answer(503, { type: 'about:blank', title: 'Busy', status: 503 }));
    const { data, error, response } = await get();
    expect(data).toBeUndefined();
    expect(response.status).toBe(503);
    expect(error).toMatchObject({ status: 503, title: 'Busy' });
    expect(server.hits).toHaveLength(3);
  });

  it('honours 429 Retry-After (seconds) before retrying, for a POST too', async () => {
    server.script(
      answer(429, { title: 'Slow down', status: 429 }, { 'retry-after': '1' }),
      answer(201, product),
    );
    const { data, error } = await catalog.createProduct(catalogClient, { body: newProduct });
    expect(error).toBeUndefined();
    expect(data?.id).toBe(PRODUCT_ID);
    expect(server.hits).toHaveLength(2);
    const waited = server.hits[1].at - server.hits[0].at;
    expect(waited).toBeGreaterThanOrEqual(950);
    expect(waited).toBeLessThan(2_000);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const inTwoSeconds = new Date(Date.now() + 2_000).toUTCString();
    server.script(answer(503, {}, { 'retry-after': inTwoSeconds }), answer(200, product));
    await get();
    const waited = server.hits[1].at - server.hits[0].at;
    // An HTTP date has whole seconds, so the wait is between one and two seconds.
    expect(waited).toBeGreaterThanOrEqual(900);
    expect(waited).toBeLessThan(2_500);
  });

  it('returns a 429 at once when Retry-After asks for longer than maxRetryAfterMs', async () => {
    server.script(answer(429, { title: 'Come back tomorrow', status: 429 }, { 'retry-after': '86400' }));
    const started = performance.now();
    const { error, response } = await get();
    expect(performance.now() - started).toBeLessThan(500);
    expect(response.headers.get('retry-after')).toBe('86400');
    expect(error?.status).toBe(429);
    expect(server.hits).toHaveLength(1);
  });

  it('does not repeat a POST without Idempotency-Key after a 500: it may have been processed', async () => {
    server.script(answer(500, { title: 'Oops', status: 500 }), answer(201, product));
    const { error } = await catalog.createProduct(catalogClient, { body: newProduct });
    expect(error?.status).toBe(500);
    expect(server.hits).toHaveLength(1);
  });

  it('retries a POST whose contract declares Idempotency-Key, with one key for every attempt', async () => {
    server.script(answer(500), answer(502), answer(201, { id: 'order-1' }));
    await orders.placeOrder(ordersClient, { body: newOrder });
    expect(server.hits).toHaveLength(3);
    const keys = server.hits.map((hit) => hit.headers['idempotency-key']);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(keys).size).toBe(1);
    expect(server.hits.every((hit) => hit.body === server.hits[0].body && hit.body.includes('PO-1'))).toBe(
      true,
    );
  });

  it("keeps the caller's own Idempotency-Key", async () => {
    const key = '5b7e0a2c-9d14-4f3e-8a61-2c9f0b7d4e18';
    server.script(answer(503), answer(201, { id: 'order-1' }));
    await orders.placeOrder(ordersClient, { body: newOrder, params: { header: { 'Idempotency-Key': key } } });
    expect(server.hits.map((hit) => hit.headers['idempotency-key'])).toEqual([key, key]);
  });

  it('sends no Idempotency-Key when retries are off', async () => {
    server.script(answer(201, { id: 'order-1' }));
    await orders.placeOrder(ordersClient, { body: newOrder, retries: 0 });
    expect(server.hits[0].headers['idempotency-key']).toBeUndefined();
  });

  it('spreads waits with jitter under the exponential ceiling', async () => {
    server.script(answer(503), answer(503), answer(200, product));
    await get({ retries: { max: 2, baseDelayMs: 100, maxDelayMs: 150 } });
    const waits = [server.hits[1].at - server.hits[0].at, server.hits[2].at - server.hits[1].at];
    expect(waits[0]).toBeLessThan(100 + 60);
    expect(waits[1]).toBeLessThan(150 + 60);
  });
});

describe('SDK timeouts against a failing loopback server', () => {
  it('times out a server that hangs, on every attempt, then rejects with a TimeoutError', async () => {
    server.script(hang, hang, hang);
    const started = performance.now();
    const failure = await get({ timeoutMs: 150 }).catch((error: unknown) => error);
    const elapsed = performance.now() - started;
    expect(failure).toMatchObject({ name: 'TimeoutError' });
    expect(String((failure as Error).message)).toContain('timed out after 150 ms');
    expect(server.hits).toHaveLength(3);
    expect(elapsed).toBeGreaterThanOrEqual(3 * 150 - 20);
    expect(elapsed).toBeLessThan(3 * 150 + 2 * 50 + 500);
  });

  it('recovers when the attempt after a hang answers', async () => {
    server.script(hang, answer(200, product));
    const { data } = await get({ timeoutMs: 150 });
    expect(data?.id).toBe(PRODUCT_ID);
  });

  it('times out a body that stalls after the headers', async () => {
    server.script(stallBody);
    const failure = await get({ timeoutMs: 150, retries: 0 }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'TimeoutError' });
  });

  it('does not repeat a POST without Idempotency-Key after a timeout', async () => {
    server.script(hang, answer(201, product));
    const failure = await catalog
      .createProduct(catalogClient, { body: newProduct, timeoutMs: 150 })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'TimeoutError' });
    expect(server.hits).toHaveLength(1);
  });

  it("stops at once when the caller's signal aborts, even while waiting for Retry-After", async () => {
    server.script(answer(503, {}, { 'retry-after': '5' }), answer(200, product));
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user left')), 200);
    const started = performance.now();
    const failure = await get({ signal: controller.signal }).catch((error: unknown) => error);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(failure).toMatchObject({ message: 'user left' });
    expect(server.hits).toHaveLength(1);
  });

  it('a budget signal (AbortSignal.timeout) bounds the whole call, retries included', async () => {
    server.script(hang, hang, hang);
    const started = performance.now();
    const failure = await get({ timeoutMs: 1_000, signal: AbortSignal.timeout(300) }).catch(
      (e: unknown) => e,
    );
    expect(performance.now() - started).toBeLessThan(800);
    expect(failure).toMatchObject({ name: 'TimeoutError' });
  });
});

describe("openapi-fetch's own methods on an SDK client", () => {
  const params = { params: { path: { productId: PRODUCT_ID } } };

  it('retry like operation functions do', async () => {
    server.script(answer(503), answer(200, product));
    const { data } = await catalogClient.GET('/products/{productId}', params);
    expect(data?.id).toBe(PRODUCT_ID);
    expect(server.hits).toHaveLength(2);
  });

  it('time out a stalled body too', async () => {
    server.script(stallBody, stallBody, stallBody);
    const client = catalog.createClient({ baseUrl: server.url, timeoutMs: 150, retries: 0 });
    const failure = await client.GET('/products/{productId}', params).catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'TimeoutError' });
  });
});

describe('SDK errors', () => {
  it('turns a proxy page into an RFC 9457 problem with the response status', async () => {
    server.script(
      answer(502, '<html>Bad Gateway</html>'),
      answer(502, '<html>Bad Gateway</html>'),
      answer(502, '<html>Bad Gateway</html>'),
    );
    const { error } = await get();
    expect(error).toEqual({
      type: 'about:blank',
      title: 'Bad Gateway',
      status: 502,
      detail: '<html>Bad Gateway</html>',
    });
  });

  it("keeps the server's problem as it is, with status set from the response", async () => {
    server.script(answer(404, { type: 'https://problems.shop.example/not-found', title: 'Not found' }));
    const { error } = await get();
    expect(error).toEqual({
      type: 'https://problems.shop.example/not-found',
      title: 'Not found',
      status: 404,
    });
  });
});
