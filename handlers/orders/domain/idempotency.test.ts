import { describe, expect, it } from 'vitest';
import {
  decideIdempotency,
  fingerprint,
  IDEMPOTENCY_TTL_MS,
  type IdempotencyDecision,
  type IdempotencyRecord,
} from './idempotency.ts';

const now = new Date('2025-06-04T12:00:00.000Z');
const record = (fields: Partial<IdempotencyRecord>): IdempotencyRecord => ({
  customerId: 'u_1',
  key: '5b7e0a2c-9d14-4f3e-8a61-2c9f0b7d4e18',
  fingerprint: 'same',
  orderId: 'order-1',
  createdAt: new Date(now.getTime() - 60_000).toISOString(),
  ...fields,
});

describe('decideIdempotency', () => {
  it.each<[string, { given: IdempotencyRecord | undefined; want: IdempotencyDecision }]>([
    ['a new key places an order', { given: undefined, want: { kind: 'fresh' } }],
    [
      'the same body replays the first order',
      { given: record({}), want: { kind: 'replay', orderId: 'order-1' } },
    ],
    ['another body is a conflict', { given: record({ fingerprint: 'other' }), want: { kind: 'conflict' } }],
    [
      'a key older than 24 hours is forgotten',
      {
        given: record({
          fingerprint: 'other',
          createdAt: new Date(now.getTime() - IDEMPOTENCY_TTL_MS).toISOString(),
        }),
        want: { kind: 'fresh' },
      },
    ],
    [
      'a key just under 24 hours old still counts',
      {
        given: record({ createdAt: new Date(now.getTime() - IDEMPOTENCY_TTL_MS + 1).toISOString() }),
        want: { kind: 'replay', orderId: 'order-1' },
      },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(decideIdempotency(given, 'same', now)).toEqual(want);
  });
});

describe('fingerprint', () => {
  it.each<[string, { given: [unknown, unknown]; want: boolean }]>([
    [
      'ignores key order',
      {
        given: [
          { a: 1, b: { c: 2, d: 3 } },
          { b: { d: 3, c: 2 }, a: 1 },
        ],
        want: true,
      },
    ],
    ['ignores undefined fields', { given: [{ a: 1, b: undefined }, { a: 1 }], want: true }],
    [
      'keeps array order',
      {
        given: [
          [1, 2],
          [2, 1],
        ],
        want: false,
      },
    ],
    ['tells values apart', { given: [{ quantity: 1 }, { quantity: 2 }], want: false }],
  ])('%s', (_name, { given, want }) => {
    expect(fingerprint(given[0]) === fingerprint(given[1])).toBe(want);
  });
});
