import type { AuthContext } from '@charter/platform/runtime';
import { describe, expect, it } from 'vitest';
import { bearer, invoke } from '../test-support.ts';
import { cancelOrder } from './cancel-order.ts';
import type { NewOrder, Order } from './domain/order.ts';
import { getOrder } from './get-order.ts';
import { InMemoryOrderRepository } from './in-memory-repository.ts';
import { createInMemoryDeps, type OrdersDeps } from './index.ts';
import { listMyOrders } from './list-my-orders.ts';
import { placeOrder } from './place-order.ts';
import { seedProductIds as ids } from './seed.ts';

const ORDER_ID = 'c0a8012e-7f3b-4d2a-9e6c-1b5d8f4a2e90';
const KEY = '5b7e0a2c-9d14-4f3e-8a61-2c9f0b7d4e18';
const now = new Date('2025-06-03T10:15:00.000Z');
const requestId = 'req-1';
const ada = bearer('auth0|ada', ['orders:read', 'orders:write']);
const grace = bearer('auth0|grace', ['orders:read', 'orders:write']);

const deps = (orders: Order[] = []): OrdersDeps =>
  createInMemoryDeps({
    orders: new InMemoryOrderRepository(orders),
    clock: () => now,
    newId: () => ORDER_ID,
  });

const problem = (status: number, slug: string, title: string, detail: string) => ({
  type: `urn:charter:problem:${slug}`,
  title,
  status,
  detail,
  instance: `urn:request:${requestId}`,
});

const body: NewOrder = {
  lines: [
    { productId: ids.trailRunner, quantity: 1 },
    { productId: ids.merinoSocks, quantity: 2 },
  ],
  shippingAddress: {
    recipient: 'Ada Lovelace',
    line1: "12 St James's Square",
    postalCode: 'SW1Y 4JH',
    city: 'London',
    country: 'GB',
  },
  payment: { method: 'card', token: 'tok_4eC39HqLyjWDarjtT1zdp7dc' },
};

const placed: Order = {
  id: ORDER_ID,
  customerId: 'auth0|ada',
  status: 'placed',
  lines: [
    {
      productId: ids.trailRunner,
      name: 'Trail Runner 2',
      quantity: 1,
      unitPrice: { amount: 12900, currency: 'EUR' },
      lineTotal: { amount: 12900, currency: 'EUR' },
    },
    {
      productId: ids.merinoSocks,
      name: 'Merino Running Socks',
      quantity: 2,
      unitPrice: { amount: 1900, currency: 'EUR' },
      lineTotal: { amount: 3800, currency: 'EUR' },
    },
  ],
  total: { amount: 16700, currency: 'EUR' },
  shippingAddress: body.shippingAddress,
  payment: { method: 'card' },
  placedAt: now.toISOString(),
  cancelledAt: null,
  cancelReason: null,
};

describe('placeOrder', () => {
  it('places the order for the token’s subject and answers 201 with Location', async () => {
    const d = deps();
    const response = await invoke(placeOrder, d, { body, auth: ada });
    expect(response).toEqual({ status: 201, body: placed, headers: { Location: `/orders/${ORDER_ID}` } });
    expect(await d.orders.get(ORDER_ID)).toEqual(placed);
  });

  it('replays the first order for a retry with the same Idempotency-Key', async () => {
    const d = deps();
    const headers = { 'Idempotency-Key': KEY };
    await invoke(placeOrder, d, { body, headers, auth: ada });
    const retry = await invoke(placeOrder, { ...d, newId: () => 'never-used' }, { body, headers, auth: ada });
    expect(retry).toEqual({
      status: 201,
      body: placed,
      headers: { Location: `/orders/${ORDER_ID}`, 'Idempotent-Replayed': 'true' },
    });
  });

  it.each<[string, { given: { body: NewOrder; key?: string }; want: ReturnType<typeof problem> }]>([
    [
      'an unknown product',
      {
        given: {
          body: { ...body, lines: [{ productId: '0e4f8a2b-1c3d-4e5f-9a7b-6c8d0e2f4a1b', quantity: 1 }] },
        },
        want: problem(
          409,
          'unknown-product',
          'Unknown product',
          'Product 0e4f8a2b-1c3d-4e5f-9a7b-6c8d0e2f4a1b is not in the catalog.',
        ),
      },
    ],
    [
      'not enough stock',
      {
        given: { body: { ...body, lines: [{ productId: ids.gardenBed, quantity: 6 }] } },
        want: problem(
          409,
          'out-of-stock',
          'Out of stock',
          `Only 5 of the 6 requested units of product ${ids.gardenBed} are in stock.`,
        ),
      },
    ],
    [
      'an Idempotency-Key reused for another body',
      {
        given: { body: { ...body, lines: [{ productId: ids.trailGuide, quantity: 1 }] }, key: KEY },
        want: problem(
          409,
          'idempotency-key-reused',
          'Idempotency key reused',
          `Idempotency-Key ${KEY} was used for a different request.`,
        ),
      },
    ],
  ])('answers 409 for %s', async (_name, { given, want }) => {
    const d = deps();
    await invoke(placeOrder, d, { body, headers: { 'Idempotency-Key': KEY }, auth: ada });
    const headers = given.key ? { 'Idempotency-Key': given.key } : {};
    const response = await invoke(placeOrder, d, { body: given.body, headers, auth: ada, requestId });
    expect(response).toEqual({ status: 409, body: want });
  });

  it('answers 400 when a product appears on two lines', async () => {
    const lines = [...body.lines, { productId: ids.trailRunner, quantity: 3 }];
    const response = await invoke(placeOrder, deps(), { body: { ...body, lines }, auth: ada, requestId });
    expect(response).toEqual({
      status: 400,
      body: {
        ...problem(400, 'duplicate-lines', 'Bad Request', 'Each product may appear on one line only.'),
        errors: [{ in: 'body', pointer: '/lines/2/productId', message: 'repeats the product of line 0' }],
      },
    });
  });
});

describe('getOrder', () => {
  it('returns the customer’s order', async () => {
    const response = await invoke(getOrder, deps([placed]), { path: { orderId: ORDER_ID }, auth: ada });
    expect(response).toEqual({ status: 200, body: placed });
  });

  it.each<[string, OrdersDeps]>([
    ['an unknown order', deps()],
    ['another customer’s order', deps([{ ...placed, customerId: 'auth0|grace' }])],
  ])('answers 404 for %s', async (_name, d) => {
    const response = await invoke(getOrder, d, { path: { orderId: ORDER_ID }, auth: ada, requestId });
    expect(response).toEqual({
      status: 404,
      body: problem(404, 'order-not-found', 'Order not found', `Order ${ORDER_ID} does not exist.`),
    });
  });
});

describe('listMyOrders', () => {
  const older = {
    ...placed,
    id: 'a1b2c3d4-0000-4000-8000-000000000001',
    status: 'shipped' as const,
    placedAt: '2025-05-01T08:00:00.000Z',
  };
  const others = { ...placed, id: 'a1b2c3d4-0000-4000-8000-000000000002', customerId: 'auth0|grace' };

  it('lists only the customer’s orders, newest first, in pages', async () => {
    const d = deps([older, placed, others]);
    const first = await invoke(listMyOrders, d, { query: { limit: 1 }, auth: ada });
    if (first.status !== 200) throw new Error(`expected 200, got ${first.status}`);
    expect(first.body.items).toEqual([placed]);
    const second = await invoke(listMyOrders, d, {
      query: { limit: 1, cursor: first.body.nextCursor ?? '' },
      auth: ada,
    });
    expect(second).toEqual({ status: 200, body: { items: [older], nextCursor: null } });
  });

  it('filters by status and placedAfter', async () => {
    const d = deps([older, placed]);
    const byStatus = await invoke(listMyOrders, d, { query: { status: ['shipped'] }, auth: ada });
    expect(byStatus).toEqual({ status: 200, body: { items: [older], nextCursor: null } });
    const recent = await invoke(listMyOrders, d, {
      query: { placedAfter: '2025-06-01T00:00:00Z' },
      auth: ada,
    });
    expect(recent).toEqual({ status: 200, body: { items: [placed], nextCursor: null } });
  });

  it('answers 400 for a cursor it did not issue', async () => {
    const response = await invoke(listMyOrders, deps(), { query: { cursor: 'bogus' }, auth: ada, requestId });
    expect(response).toEqual({
      status: 400,
      body: {
        ...problem(
          400,
          'invalid-cursor',
          'Bad Request',
          'Query parameter cursor is not a cursor this API issued.',
        ),
        errors: [{ in: 'query', name: 'cursor', message: 'is not a cursor this API issued' }],
      },
    });
  });
});

describe('cancelOrder', () => {
  it('cancels a placed order with the reason and answers 200', async () => {
    const cancelledAt = new Date('2025-06-04T09:00:00.000Z');
    const d = { ...deps([placed]), clock: () => cancelledAt };
    const response = await invoke(cancelOrder, d, {
      path: { orderId: ORDER_ID },
      body: { reason: 'Wrong size.' },
      auth: ada,
    });
    const cancelled = {
      ...placed,
      status: 'cancelled',
      cancelledAt: cancelledAt.toISOString(),
      cancelReason: 'Wrong size.',
    };
    expect(response).toEqual({ status: 200, body: cancelled });
    expect(await d.orders.get(ORDER_ID)).toEqual(cancelled);
  });

  it('accepts a request without a body', async () => {
    const response = await invoke(cancelOrder, deps([placed]), { path: { orderId: ORDER_ID }, auth: ada });
    expect(response).toMatchObject({ status: 200, body: { status: 'cancelled', cancelReason: null } });
  });

  it('answers 404 for another customer’s order', async () => {
    const response = await invoke(cancelOrder, deps([placed]), {
      path: { orderId: ORDER_ID },
      auth: grace,
      requestId,
    });
    expect(response).toEqual({
      status: 404,
      body: problem(404, 'order-not-found', 'Order not found', `Order ${ORDER_ID} does not exist.`),
    });
  });

  it('answers 409 for a shipped order', async () => {
    const response = await invoke(cancelOrder, deps([{ ...placed, status: 'shipped' }]), {
      path: { orderId: ORDER_ID },
      auth: ada,
      requestId,
    });
    expect(response).toEqual({
      status: 409,
      body: problem(
        409,
        'order-not-cancellable',
        'Order cannot be cancelled',
        `Order ${ORDER_ID} is shipped; only placed or paid orders can be cancelled.`,
      ),
    });
  });
});

describe('every orders handler', () => {
  // A token that verified but carries no `sub`: there is no customer to act for.
  const auth: AuthContext = { scheme: 'bearerAuth', scopes: ['orders:read', 'orders:write'], claims: {} };

  it.each([
    ['placeOrder', () => invoke(placeOrder, deps(), { body, auth, requestId })],
    ['getOrder', () => invoke(getOrder, deps(), { path: { orderId: ORDER_ID }, auth, requestId })],
    ['listMyOrders', () => invoke(listMyOrders, deps(), { auth, requestId })],
    ['cancelOrder', () => invoke(cancelOrder, deps(), { path: { orderId: ORDER_ID }, auth, requestId })],
  ])('%s answers 401 when the verified token names no customer', async (_name, call) => {
    expect(await call()).toEqual({
      status: 401,
      body: problem(
        401,
        'unauthorized',
        'Unauthorized',
        'The token does not name a customer (no sub claim).',
      ),
      headers: { 'WWW-Authenticate': 'Bearer realm="orders"' },
    });
  });
});
