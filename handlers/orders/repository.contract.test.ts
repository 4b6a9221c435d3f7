/**
 * What every OrderRepository must do, run against each implementation: in memory and PGlite
 * (the SQL that Aurora runs). A case that passes on one and fails on another is a bug in that one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenSubject, repositorySubjects } from '../sql-test-support.ts';
import type { IdempotencyRecord } from './domain/idempotency.ts';
import type { Order } from './domain/order.ts';
import type { OrderQuery } from './domain/order-listing.ts';
import { InMemoryOrderRepository } from './in-memory-repository.ts';
import { IdempotencyKeyTakenError, type OrderRepository } from './repository.ts';
import { SqlOrderRepository } from './sql-repository.ts';

const ADA = 'auth0|ada';
const GRACE = 'auth0|grace';
const KEY = '5b7e0a2c-9d14-4f3e-8a61-2c9f0b7d4e18';
const id = (n: number) => `c0a80000-0000-4000-8000-00000000000${n}`;
const at = (hour: number) => `2025-06-03T${String(hour).padStart(2, '0')}:00:00.000Z`;
const eur = (amount: number) => ({ amount, currency: 'EUR' });

function order(n: number, fields: Partial<Order>): Order {
  return {
    id: id(n),
    customerId: ADA,
    status: 'placed',
    lines: [
      {
        productId: '3f6c1a9e-8b2d-4c7e-9a51-0d2e7b4f6a13',
        name: 'Trail Runner 2',
        quantity: 2,
        unitPrice: eur(12900),
        lineTotal: eur(25800),
      },
    ],
    total: eur(25800),
    shippingAddress: {
      recipient: 'Ada Lovelace',
      line1: "12 St James's Square",
      postalCode: 'SW1Y 4JH',
      city: 'London',
      country: 'GB',
    },
    payment: { method: 'card', cardLast4: '4242' },
    placedAt: at(9),
    cancelledAt: null,
    cancelReason: null,
    ...fields,
  };
}

// Two of Ada's orders were placed at the same instant, with ids out of insertion order.
const first = order(1, { placedAt: at(8), status: 'delivered' });
const paid = order(4, { placedAt: at(10), status: 'paid' });
const tiedLater = order(5, { placedAt: at(12) });
const tiedEarlier = order(3, {
  placedAt: at(12),
  status: 'cancelled',
  cancelledAt: at(13),
  cancelReason: 'Wrong size.',
});
const graces = order(2, {
  customerId: GRACE,
  placedAt: at(11),
  payment: { method: 'invoice', purchaseOrder: 'PO-1', dueDate: '2025-07-03' },
});
const all = [first, paid, tiedLater, tiedEarlier, graces];

const page = (query: Partial<OrderQuery>): OrderQuery => ({ filter: {}, limit: 50, ...query });

const record = (
  orderId: string,
  createdAt: string,
  fields: Partial<IdempotencyRecord> = {},
): IdempotencyRecord => ({
  customerId: ADA,
  key: KEY,
  fingerprint: 'f'.repeat(64),
  orderId,
  createdAt,
  ...fields,
});

const subjects = repositorySubjects<readonly Order[], OrderRepository>({
  context: 'orders',
  memory: (orders) => new InMemoryOrderRepository(orders),
  sql: async (db, orders) => {
    const repository = new SqlOrderRepository(db);
    for (const o of orders) await repository.insert(o);
    return repository;
  },
});

describe.each(subjects)('OrderRepository: $name', (subject) => {
  let store: OpenSubject<readonly Order[], OrderRepository>;
  beforeAll(async () => {
    store = await subject.open();
  });
  afterAll(() => store?.close());

  it.each<[string, { given: Partial<OrderQuery>; want: Order[] }]>([
    [
      'newest first, ties by id, only the customer’s',
      { given: {}, want: [tiedEarlier, tiedLater, paid, first] },
    ],
    [
      'in one of some states',
      { given: { filter: { statuses: ['placed', 'paid'] } }, want: [tiedLater, paid] },
    ],
    [
      'an empty list of states does not filter',
      { given: { filter: { statuses: [] } }, want: [tiedEarlier, tiedLater, paid, first] },
    ],
    [
      'placed strictly after an instant',
      { given: { filter: { placedAfter: at(10) } }, want: [tiedEarlier, tiedLater] },
    ],
    [
      'placed after an instant written with an offset',
      {
        given: { filter: { placedAfter: '2025-06-03T11:00:00+02:00' } },
        want: [tiedEarlier, tiedLater, paid],
      },
    ],
    ['at most `limit`', { given: { limit: 1 }, want: [tiedEarlier] }],
    [
      'strictly after a position, within a tie',
      {
        given: { after: { placedAt: Date.parse(at(12)), id: tiedEarlier.id } },
        want: [tiedLater, paid, first],
      },
    ],
    [
      'after a position, filtered and limited',
      {
        given: {
          filter: { statuses: ['paid', 'delivered'] },
          after: { placedAt: Date.parse(at(12)), id: tiedLater.id },
          limit: 1,
        },
        want: [paid],
      },
    ],
  ])('lists %s', async (_name, { given, want }) => {
    const orders = await store.given(all);
    expect(await orders.listByCustomer(ADA, page(given))).toEqual(want);
  });

  it('gets an order exactly as inserted, and nothing for an unknown id', async () => {
    const orders = await store.given(all);
    expect(await orders.get(tiedEarlier.id)).toEqual(tiedEarlier);
    expect(await orders.get(graces.id)).toEqual(graces);
    expect(await orders.get(id(9))).toBeUndefined();
  });

  it('replaces an order on update', async () => {
    const orders = await store.given(all);
    const cancelled: Order = { ...paid, status: 'cancelled', cancelledAt: at(14), cancelReason: null };
    await orders.update(cancelled);
    expect(await orders.get(paid.id)).toEqual(cancelled);
    expect(await orders.get(first.id)).toEqual(first);
  });

  it('stores the idempotency key with the order, per customer', async () => {
    const orders = await store.given([]);
    const key = record(first.id, at(8));
    await orders.insert(first, key);
    expect(await orders.get(first.id)).toEqual(first);
    expect(await orders.findIdempotencyRecord(ADA, KEY)).toEqual(key);
    expect(await orders.findIdempotencyRecord(GRACE, KEY)).toBeUndefined();
    expect(await orders.findIdempotencyRecord(ADA, 'another-key')).toBeUndefined();
  });

  it('lets two customers use the same key', async () => {
    const orders = await store.given([]);
    await orders.insert(first, record(first.id, at(8)));
    const gracesKey = record(graces.id, at(11), { customerId: GRACE });
    await orders.insert(graces, gracesKey);
    expect(await orders.findIdempotencyRecord(GRACE, KEY)).toEqual(gracesKey);
  });

  it('refuses an order whose key is recorded and unexpired, and stores nothing of it', async () => {
    const orders = await store.given([]);
    const key = record(first.id, at(8));
    await orders.insert(first, key);
    await expect(orders.insert(paid, record(paid.id, at(10)))).rejects.toBeInstanceOf(
      IdempotencyKeyTakenError,
    );
    expect(await orders.get(paid.id)).toBeUndefined();
    expect(await orders.findIdempotencyRecord(ADA, KEY)).toEqual(key);
  });

  it('replaces a key’s record once it has expired (24 hours)', async () => {
    const orders = await store.given([]);
    await orders.insert(first, record(first.id, at(8)));
    const dayLater = order(6, { placedAt: '2025-06-04T08:00:00.000Z' });
    const renewed = record(dayLater.id, dayLater.placedAt);
    await orders.insert(dayLater, renewed);
    expect(await orders.findIdempotencyRecord(ADA, KEY)).toEqual(renewed);
    expect(await orders.get(first.id)).toEqual(first);
  });

  it('hands out copies: changing a returned order changes nothing stored', async () => {
    const orders = await store.given(all);
    const found = (await orders.get(first.id)) as Order;
    found.lines[0].quantity = 99;
    found.shippingAddress.city = 'Paris';
    expect(await orders.get(first.id)).toEqual(first);
  });
});
