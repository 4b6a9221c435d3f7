import { describe, expect, it } from 'vitest';
import { isSkuTaken } from './sku.ts';

describe('isSkuTaken', () => {
  it.each<[string, { given: { holder?: { id: string }; productId?: string }; want: boolean }]>([
    ['free when nobody holds it', { given: {}, want: false }],
    ['taken for a new product when somebody holds it', { given: { holder: { id: 'a' } }, want: true }],
    ['taken when another product holds it', { given: { holder: { id: 'a' }, productId: 'b' }, want: true }],
    [
      'free when the product keeps its own SKU',
      { given: { holder: { id: 'a' }, productId: 'a' }, want: false },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(isSkuTaken(given.holder, given.productId)).toBe(want);
  });
});
