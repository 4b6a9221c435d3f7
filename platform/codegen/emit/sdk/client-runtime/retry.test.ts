import { describe, expect, it } from 'vitest';
import { isIdempotent, parseRetryAfter, retryDelay, retryPolicy, shouldRetryStatus } from './retry.ts';

const NOW = Date.parse('2025-01-31T12:00:00Z');

describe('retryPolicy', () => {
  it.each([
    ['nothing', undefined, { max: 2, baseDelayMs: 100, maxDelayMs: 2_000, maxRetryAfterMs: 10_000 }],
    ['a number', 5, { max: 5, baseDelayMs: 100, maxDelayMs: 2_000, maxRetryAfterMs: 10_000 }],
    ['false', false, { max: 0, baseDelayMs: 100, maxDelayMs: 2_000, maxRetryAfterMs: 10_000 }],
    [
      'options',
      { max: 1, baseDelayMs: 5 },
      { max: 1, baseDelayMs: 5, maxDelayMs: 2_000, maxRetryAfterMs: 10_000 },
    ],
    ['a negative count', -3, { max: 0, baseDelayMs: 100, maxDelayMs: 2_000, maxRetryAfterMs: 10_000 }],
  ] as const)('given %s', (_name, given, want) => {
    expect(retryPolicy(given)).toEqual(want);
  });
});

describe('which attempts are repeated', () => {
  it.each([
    { method: 'GET', key: false, status: 500, want: true },
    { method: 'GET', key: false, status: 404, want: false },
    { method: 'PUT', key: false, status: 502, want: true },
    { method: 'POST', key: false, status: 500, want: false },
    { method: 'POST', key: false, status: 503, want: true },
    { method: 'POST', key: false, status: 429, want: true },
    { method: 'PATCH', key: false, status: 504, want: false },
    { method: 'POST', key: true, status: 500, want: true },
    { method: 'DELETE', key: false, status: 408, want: true },
  ])('$method (key: $key) after $status: $want', ({ method, key, status, want }) => {
    expect(shouldRetryStatus(status, isIdempotent(method, key))).toBe(want);
  });
});

describe('retryDelay', () => {
  const policy = retryPolicy({ baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 5_000 });
  it.each([
    ['Retry-After seconds', 0, '3', 1, 3_000],
    ['Retry-After as a date', 0, new Date(NOW + 4_000).toUTCString(), 1, 4_000],
    ['a date in the past', 0, new Date(NOW - 4_000).toUTCString(), 1, 0],
    ['Retry-After over the cap', 0, '6', 1, undefined],
    ['backoff, first retry, top of the jitter', 0, null, 0.999, 99],
    ['backoff, third retry', 2, null, 0.5, 200],
    ['backoff capped by maxDelayMs', 8, null, 0.5, 500],
    ['an unreadable Retry-After falls back to backoff', 1, 'soon', 0.5, 100],
  ] as const)('%s', (_name, attempt, header, random, want) => {
    expect(retryDelay(attempt, policy, header, NOW, () => random)).toBe(want);
  });

  it.each([
    ['', undefined],
    ['  7 ', 7_000],
    ['Fri, 31 Jan 2025 12:00:10 GMT', 10_000],
  ])('parseRetryAfter(%j)', (given, want) => {
    expect(parseRetryAfter(given, NOW)).toBe(want);
  });
});
