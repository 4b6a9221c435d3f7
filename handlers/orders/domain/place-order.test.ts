import { describe, expect, it } from 'vitest';
import { InMemoryProductCatalog } from '../in-memory-product-catalog.ts';
import { InMemoryOrderRepository } from '../in-memory-repository.ts';
import { seedProductIds as ids, seedCatalog } from '../seed.ts';
import type { NewOrder } from './order.ts';
import { type PlaceOrderCommand, type PlaceOrderPorts, placeCustomerOrder } from './place-order.ts';

const KEY = '5b7e0a2c-9d14-4f3e-8a61-2c9f0b7d4e18';
const now = new Date('2025-06-03T10:15:00.000Z');

const newOrder = (lines: NewOrder['lines']): NewOrder => ({
  lines,
  shippingAddress: {
    recipient: 'Ada Lovelace',
    line1: "12 St James's Square",
    postalCode: 'SW1Y 4JH',
    city: 'London',
    country: 'GB',
  },
  payment: { method: 'card', token: 'tok_4eC39HqLyjWDarjtT1zdp7dc' },
});
const shoe = newOrder([{ productId: ids.trailRunner, quantity: 1 }]);
const socks = newOrder([{ productId: ids.merinoSocks, quantity: 2 }]);

function ports(): PlaceOrderPorts {
  let n = 0;
  return {
    orders: new InMemoryOrderRepository(),
    catalog: new InMemoryProductCatalog(seedCatalog),
    clock: () => now,
    newId: () => `order-${++n}`,
  };
}

describe('placeCustomerOrder', () => {
  it.each<[string, { given: PlaceOrderCommand[]; want: unknown }]>([
    [
      'places an order for the customer',
      {
        given: [{ customerId: 'u_1', order: shoe }],
        want: {
          kind: 'placed',
          replayed: false,
          order: expect.objectContaining({
            id: 'order-1',
            customerId: 'u_1',
            status: 'placed',
            total: { amount: 12900, currency: 'EUR' },
          }),
        },
      },
    ],
    [
      'without a key a retry places a second order',
      {
        given: [
          { customerId: 'u_1', order: shoe },
          { customerId: 'u_1', order: shoe },
        ],
        want: expect.objectContaining({
          kind: 'placed',
          replayed: false,
          order: expect.objectContaining({ id: 'order-2' }),
        }),
      },
    ],
    [
      'a retry with the same key and body replays the first order',
      {
        given: [
          { customerId: 'u_1', order: shoe, idempotencyKey: KEY },
          { customerId: 'u_1', order: shoe, idempotencyKey: KEY },
        ],
        want: expect.objectContaining({
          kind: 'placed',
          replayed: true,
          order: expect.objectContaining({ id: 'order-1' }),
        }),
      },
    ],
    [
      'the same key with another body is rejected',
      {
        given: [
          { customerId: 'u_1', order: shoe, idempotencyKey: KEY },
          { customerId: 'u_1', order: socks, idempotencyKey: KEY },
        ],
        want: { kind: 'rejected', rejection: { reason: 'idempotency-key-reused', key: KEY } },
      },
    ],
    [
      'keys belong to one customer',
      {
        given: [
          { customerId: 'u_1', order: shoe, idempotencyKey: KEY },
          { customerId: 'u_2', order: socks, idempotencyKey: KEY },
        ],
        want: expect.objectContaining({
          kind: 'placed',
          replayed: false,
          order: expect.objectContaining({ customerId: 'u_2' }),
        }),
      },
    ],
    [
      'a product on two lines is reported before anything else',
      {
        given: [
          {
            customerId: 'u_1',
            order: newOrder([
              { productId: ids.headlamp, quantity: 1 },
              { productId: ids.headlamp, quantity: 1 },
            ]),
          },
        ],
        want: { kind: 'duplicate-lines', duplicates: [{ index: 1, firstIndex: 0, productId: ids.headlamp }] },
      },
    ],
    [
      'a sold-out product is rejected',
      {
        given: [{ customerId: 'u_1', order: newOrder([{ productId: ids.headlamp, quantity: 1 }]) }],
        want: {
          kind: 'rejected',
          rejection: { reason: 'out-of-stock', productId: ids.headlamp, requested: 1, available: 0 },
        },
      },
    ],
  ])('%s', async (_name, { given, want }) => {
    const p = ports();
    let outcome: unknown;
    for (const command of given) outcome = await placeCustomerOrder(p, command);
    expect(outcome).toEqual(want);
  });

  it.each<[string, { given: { first: NewOrder; second: NewOrder }; want: unknown }]>([
    [
      'two concurrent retries with the same key and body place one order; the second replays it',
      {
        given: { first: shoe, second: shoe },
        want: { kind: 'placed', replayed: true, order: expect.objectContaining({ id: 'order-1' }) },
      },
    ],
    [
      'two concurrent requests with the same key and different bodies: the second is refused',
      {
        given: { first: shoe, second: socks },
        want: { kind: 'rejected', rejection: { reason: 'idempotency-key-reused', key: KEY } },
      },
    ],
  ])('%s', async (_name, { given, want }) => {
    const p = ports();
    // Both requests look the key up before either stores it, as two concurrent ones can.
    const [first, second] = await Promise.all([
      placeCustomerOrder(p, { customerId: 'u_1', order: given.first, idempotencyKey: KEY }),
      placeCustomerOrder(p, { customerId: 'u_1', order: given.second, idempotencyKey: KEY }),
    ]);
    expect(first).toMatchObject({ kind: 'placed', replayed: false, order: { id: 'order-1' } });
    expect(second).toEqual(want);
    expect(await p.orders.listByCustomer('u_1', { filter: {}, limit: 10 })).toHaveLength(1);
  });

  it('stores the order it places', async () => {
    const p = ports();
    const outcome = await placeCustomerOrder(p, { customerId: 'u_1', order: shoe });
    expect(outcome.kind === 'placed' && (await p.orders.get(outcome.order.id))).toEqual(
      outcome.kind === 'placed' && outcome.order,
    );
  });
});
