import { describe, expect, it } from 'vitest';
import { type DuplicateLine, duplicateLines } from './order-lines.ts';

const line = (productId: string) => ({ productId, quantity: 1 });

describe('duplicateLines', () => {
  it.each<[string, { given: string[]; want: DuplicateLine[] }]>([
    ['distinct products are fine', { given: ['a', 'b', 'c'], want: [] }],
    [
      'a repeat names both lines',
      { given: ['a', 'b', 'a'], want: [{ index: 2, firstIndex: 0, productId: 'a' }] },
    ],
    [
      'every repeat is listed against the first line',
      {
        given: ['a', 'a', 'a'],
        want: [
          { index: 1, firstIndex: 0, productId: 'a' },
          { index: 2, firstIndex: 0, productId: 'a' },
        ],
      },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(duplicateLines(given.map(line))).toEqual(want);
  });
});
