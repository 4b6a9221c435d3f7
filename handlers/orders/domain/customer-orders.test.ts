import { describe, expect, it } from 'vitest';
import { InMemoryOrderRepository } from '../in-memory-repository.ts';
import { cancelCustomerOrder, findCustomerOrder, listCustomerOrders } from './customer-orders.ts';
import type { Order, OrderStatus } from './order.ts';
import type { OrderFilter } from './order-listing.ts';

const now = new Date('2025-06-10T00:00:00.000Z');

function order(id: string, customerId: string, status: OrderStatus, placedAt: string): Order {
  return {
    id,
    customerId,
    status,
    lines: [
      {
        productId: '3f6c1a9e-8b2d-4c7e-9a51-0d2e7b4f6a13',
        name: 'Trail Runner 2',
        quantity: 1,
        unitPrice: { amount: 12900, currency: 'EUR' },
        lineTotal: { amount: 12900, currency: 'EUR' },
      },
    ],
    total: { amount: 12900, currency: 'EUR' },
    shippingAddress: { recipient: 'Ada', line1: '1 St', postalCode: '1', city: 'London', country: 'GB' },
    payment: { method: 'card' },
    placedAt,
    cancelledAt: null,
    cancelReason: null,
  };
}

const stored = [
  order('o1', 'ada', 'delivered', '2025-06-01T10:00:00Z'),
  order('o2', 'ada', 'shipped', '2025-06-02T10:00:00Z'),
  order('o3', 'ada', 'paid', '2025-06-03T10:00:00Z'),
  order('o4', 'ada', 'placed', '2025-06-03T10:00:00Z'),
  order('o5', 'grace', 'placed', '2025-06-04T10:00:00Z'),
];
const repository = () => new InMemoryOrderRepository(stored);

describe('findCustomerOrder', () => {
  it.each<[string, { given: [string, string]; want: string | undefined }]>([
    ['finds the customer’s own order', { given: ['ada', 'o1'], want: 'o1' }],
    ['hides another customer’s order', { given: ['grace', 'o1'], want: undefined }],
    ['misses an unknown id', { given: ['ada', 'nope'], want: undefined }],
  ])('%s', async (_name, { given, want }) => {
    expect((await findCustomerOrder(repository(), ...given))?.id).toBe(want);
  });
});

describe('listCustomerOrders', () => {
  it.each<[string, { given: { filter: OrderFilter; limit: number }; want: string[][] }]>([
    [
      'newest first, ties by id, in pages',
      { given: { filter: {}, limit: 3 }, want: [['o3', 'o4', 'o2'], ['o1']] },
    ],
    ['by status', { given: { filter: { statuses: ['placed', 'paid'] }, limit: 20 }, want: [['o3', 'o4']] }],
    [
      'placed after an instant',
      { given: { filter: { placedAfter: '2025-06-02T10:00:00Z' }, limit: 1 }, want: [['o3'], ['o4']] },
    ],
    ['nothing matches', { given: { filter: { statuses: ['cancelled'] }, limit: 20 }, want: [[]] }],
  ])('%s', async (_name, { given, want }) => {
    const orders = repository();
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const result = await listCustomerOrders(orders, 'ada', { ...given, cursor });
      if (!result.ok) throw new Error(result.error);
      pages.push(result.items.map((o) => o.id));
      cursor = result.nextCursor ?? undefined;
      // A cursor that does not advance would loop forever; fail instead.
      if (pages.length > stored.length + 1) throw new Error('paging does not terminate');
    } while (cursor);
    expect(pages).toEqual(want);
  });

  it('refuses a cursor it did not issue', async () => {
    expect(await listCustomerOrders(repository(), 'ada', { filter: {}, cursor: 'bogus' })).toEqual({
      ok: false,
      error: 'invalid-cursor',
    });
  });
});

describe('cancelCustomerOrder', () => {
  it.each<[string, { given: { customerId: string; orderId: string }; want: unknown }]>([
    [
      'cancels the customer’s paid order',
      {
        given: { customerId: 'ada', orderId: 'o3' },
        want: {
          kind: 'cancelled',
          order: expect.objectContaining({ id: 'o3', status: 'cancelled', cancelledAt: now.toISOString() }),
        },
      },
    ],
    [
      'refuses a shipped order',
      { given: { customerId: 'ada', orderId: 'o2' }, want: { kind: 'not-cancellable', status: 'shipped' } },
    ],
    [
      'hides another customer’s order',
      { given: { customerId: 'grace', orderId: 'o3' }, want: { kind: 'not-found' } },
    ],
  ])('%s', async (_name, { given, want }) => {
    const orders = repository();
    const outcome = await cancelCustomerOrder({ orders, clock: () => now }, given);
    expect(outcome).toEqual(want);
    if (outcome.kind === 'cancelled') expect(await orders.get(given.orderId)).toEqual(outcome.order);
  });
});
