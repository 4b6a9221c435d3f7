import { describe, expect, it } from 'vitest';
import type { Order, OrderStatus } from './order.ts';
import { decodeOrderCursor, encodeOrderCursor } from './order-cursor.ts';
import {
  compareOrderPositions,
  matchesOrderFilter,
  type OrderFilter,
  type OrderPosition,
  positionOfOrder,
} from './order-listing.ts';

const order = (status: OrderStatus, placedAt: string) => ({ status, placedAt }) as Order;

describe('matchesOrderFilter', () => {
  it.each<[string, { given: [Order, OrderFilter]; want: boolean }]>([
    ['no filter', { given: [order('paid', '2025-06-01T00:00:00Z'), {}], want: true }],
    [
      'status in the list',
      { given: [order('paid', '2025-06-01T00:00:00Z'), { statuses: ['placed', 'paid'] }], want: true },
    ],
    [
      'status not in the list',
      { given: [order('shipped', '2025-06-01T00:00:00Z'), { statuses: ['placed'] }], want: false },
    ],
    [
      'an empty status list does not filter',
      { given: [order('shipped', '2025-06-01T00:00:00Z'), { statuses: [] }], want: true },
    ],
    [
      'placed after the instant',
      { given: [order('paid', '2025-06-01T00:00:01Z'), { placedAfter: '2025-06-01T00:00:00Z' }], want: true },
    ],
    [
      'placed at the instant is not after it',
      {
        given: [order('paid', '2025-06-01T00:00:00.000Z'), { placedAfter: '2025-06-01T00:00:00Z' }],
        want: false,
      },
    ],
    [
      'instants compare across offsets',
      {
        given: [order('paid', '2025-06-01T01:30:00Z'), { placedAfter: '2025-06-01T02:00:00+01:00' }],
        want: true,
      },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(matchesOrderFilter(...given)).toBe(want);
  });
});

describe('compareOrderPositions', () => {
  it.each<[string, { given: [OrderPosition, OrderPosition]; want: number }]>([
    [
      'newer first',
      {
        given: [
          { placedAt: 2, id: 'a' },
          { placedAt: 1, id: 'b' },
        ],
        want: -1,
      },
    ],
    [
      'older later',
      {
        given: [
          { placedAt: 1, id: 'a' },
          { placedAt: 2, id: 'b' },
        ],
        want: 1,
      },
    ],
    [
      'same instant by id',
      {
        given: [
          { placedAt: 1, id: 'a' },
          { placedAt: 1, id: 'b' },
        ],
        want: -1,
      },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(Math.sign(compareOrderPositions(...given))).toBe(want);
  });

  it('positions an order by its placedAt instant', () => {
    const placed = { ...order('paid', '2025-06-03T10:15:00Z'), id: 'x' } as Order;
    expect(positionOfOrder(placed)).toEqual({ placedAt: Date.parse('2025-06-03T10:15:00Z'), id: 'x' });
  });
});

describe('order cursors', () => {
  it('round-trip as URL-safe text', () => {
    const position = {
      placedAt: Date.parse('2025-06-03T10:15:00Z'),
      id: 'c0a8012e-7f3b-4d2a-9e6c-1b5d8f4a2e90',
    };
    const text = encodeOrderCursor(position);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeOrderCursor(text)).toEqual(position);
  });

  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  it.each<[string, string]>([
    ['garbage', '!!!'],
    ['JSON null', encode(null)],
    ['a text instant', encode({ p: '2025-06-03', i: 'a' })],
    ['a missing id', encode({ p: 1 })],
  ])('reject %s', (_name, text) => {
    expect(decodeOrderCursor(text)).toBeUndefined();
  });
});
