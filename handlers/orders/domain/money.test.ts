import { describe, expect, it } from 'vitest';
import { sum, times } from './money.ts';
import type { Money } from './order.ts';

const eur = (amount: number): Money => ({ amount, currency: 'EUR' });

describe('times', () => {
  it.each<[string, { given: [Money, number]; want: Money }]>([
    ['one unit', { given: [eur(12900), 1], want: eur(12900) }],
    ['several units stay exact in minor units', { given: [eur(1999), 3], want: eur(5997) }],
  ])('%s', (_name, { given, want }) => {
    expect(times(...given)).toEqual(want);
  });
});

describe('sum', () => {
  it.each<[string, { given: Money[]; want: Money | undefined }]>([
    ['adds one currency', { given: [eur(12900), eur(3800)], want: eur(16700) }],
    ['a single amount', { given: [eur(1)], want: eur(1) }],
    ['refuses mixed currencies', { given: [eur(100), { amount: 100, currency: 'USD' }], want: undefined }],
    ['has no currency for nothing', { given: [], want: undefined }],
  ])('%s', (_name, { given, want }) => {
    expect(sum(given)).toEqual(want);
  });
});
