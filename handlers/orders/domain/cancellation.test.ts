import { describe, expect, it } from 'vitest';
import { cancel, isCancellable } from './cancellation.ts';
import type { Order, OrderStatus } from './order.ts';

const now = new Date('2025-06-04T08:00:00.000Z');
const order = (status: OrderStatus): Order => ({
  id: 'c0a8012e-7f3b-4d2a-9e6c-1b5d8f4a2e90',
  customerId: 'u_1',
  status,
  lines: [],
  total: { amount: 0, currency: 'EUR' },
  shippingAddress: { recipient: 'Ada', line1: '1 St', postalCode: '1', city: 'London', country: 'GB' },
  payment: { method: 'card' },
  placedAt: '2025-06-03T10:15:00.000Z',
  cancelledAt: null,
  cancelReason: null,
});

describe('isCancellable', () => {
  it.each<[OrderStatus, boolean]>([
    ['placed', true],
    ['paid', true],
    ['shipped', false],
    ['delivered', false],
    ['cancelled', false],
  ])('%s → %s', (status, want) => {
    expect(isCancellable(status)).toBe(want);
  });
});

describe('cancel', () => {
  it.each<[string, { given: { status: OrderStatus; reason?: string }; want: unknown }]>([
    [
      'cancels a placed order with its reason',
      {
        given: { status: 'placed', reason: 'Wrong size.' },
        want: {
          ok: true,
          order: {
            ...order('placed'),
            status: 'cancelled',
            cancelledAt: now.toISOString(),
            cancelReason: 'Wrong size.',
          },
        },
      },
    ],
    [
      'cancels a paid order without a reason',
      {
        given: { status: 'paid' },
        want: {
          ok: true,
          order: {
            ...order('paid'),
            status: 'cancelled',
            cancelledAt: now.toISOString(),
            cancelReason: null,
          },
        },
      },
    ],
    ['refuses a shipped order', { given: { status: 'shipped' }, want: { ok: false, status: 'shipped' } }],
    [
      'refuses a delivered order',
      { given: { status: 'delivered' }, want: { ok: false, status: 'delivered' } },
    ],
    ['refuses to cancel twice', { given: { status: 'cancelled' }, want: { ok: false, status: 'cancelled' } }],
  ])('%s', (_name, { given, want }) => {
    expect(cancel(order(given.status), { reason: given.reason, now })).toEqual(want);
  });
});
